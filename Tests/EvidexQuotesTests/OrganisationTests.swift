import Foundation
import Testing
@testable import EvidexQuotes

private typealias S = OrganisationTestSupport

@Suite struct OrganisationGazetteerTests {
    let g = OrganisationGazetteer.builtIn

    @Test func departmentOfHealthAndItsPredecessorName() {
        #expect(g.record(named: "DHSC")?.name == "Department of Health and Social Care")
        #expect(g.record(named: "Department of Health")?.id == "dhsc")
        #expect(g.canonicalOrganisation(for: "the Department of Health") == "Department of Health and Social Care")
        #expect(g.record(named: "dhsc")?.id == "dhsc")
    }

    @Test func nhsEnglandImprovementAndHEE() {
        #expect(g.record(named: "NHS England")?.id == "nhs-england")
        #expect(g.record(named: "NHS England and NHS Improvement")?.id == "nhsei")
        #expect(g.record(named: "NHS Improvement")?.successor == "nhs-england")
        let hee = g.record(named: "HEE")
        #expect(hee?.name == "Health Education England")
        #expect(hee?.successor == "nhs-england")
    }

    @Test func kingsFundSpellingsAndThinkTanks() {
        for spelling in ["Kings Fund", "King’s Fund", "King's Fund", "The King's Fund", "the kings fund"] {
            #expect(g.record(named: spelling)?.id == "kings-fund", "\(spelling)")
        }
        #expect(g.canonicalOrganisation(for: "The King's Fund") == "The King's Fund")
        #expect(g.record(named: "Nuffield Trust")?.id == "nuffield-trust")
        #expect(g.record(named: "Health Foundation")?.name == "The Health Foundation")
    }

    @Test func regulatorsAndPublicHealthBodies() {
        #expect(g.record(named: "CQC")?.name == "Care Quality Commission")
        #expect(g.record(named: "NICE")?.name == "National Institute for Health and Care Excellence")
        #expect(g.record(named: "UKHSA")?.name == "UK Health Security Agency")
        #expect(g.record(named: "PHE")?.successor == "ukhsa")
        #expect(g.record(named: "MHRA")?.name == "Medicines and Healthcare products Regulatory Agency")
        #expect(g.record(named: "JCVI")?.name == "Joint Committee on Vaccination and Immunisation")
        #expect(g.record(named: "ONS")?.name == "Office for National Statistics")
    }

    @Test func unionsAndMembershipBodies() {
        #expect(g.record(named: "BMA")?.name == "British Medical Association")
        #expect(g.record(named: "RCN")?.name == "Royal College of Nursing")
        #expect(g.record(named: "NHS Providers")?.kind == "membership body")
        #expect(g.record(named: "NHS Confederation") != nil)
        #expect(g.record(named: "NHS Employers") != nil)
        #expect(g.record(named: "Unison")?.kind == "trade union")
        #expect(g.record(named: "Health and Social Care Committee")?.kind == "parliamentary committee")
    }

    @Test func royalCollegesByOfficialName() {
        let expected = [
            "RCP": "Royal College of Physicians", "RCS": "Royal College of Surgeons of England",
            "RCGP": "Royal College of General Practitioners", "RCPsych": "Royal College of Psychiatrists",
            "RCPCH": "Royal College of Paediatrics and Child Health",
            "RCOG": "Royal College of Obstetricians and Gynaecologists",
            "RCEM": "Royal College of Emergency Medicine", "RCR": "Royal College of Radiologists",
            "RCM": "Royal College of Midwives", "RCoA": "Royal College of Anaesthetists",
        ]
        for (acronym, name) in expected {
            #expect(g.record(named: acronym)?.name == name)
            #expect(g.record(named: name)?.kind == "royal college")
        }
    }

    @Test func otherUKBodies() {
        for name in ["Cabinet Office", "HM Treasury", "SAGE", "NHS Test and Trace", "Public Health Scotland",
                     "Welsh Government", "Scottish Government", "Department for Education", "Home Office",
                     "Local Government Association", "Care England", "Healthwatch England", "GMC", "NMC",
                     "NHS Digital", "NHS Resolution", "Nuffield Council on Bioethics", "Institute for Fiscal Studies",
                     "WHO"] {
            #expect(g.record(named: name) != nil, "\(name)")
        }
        #expect(g.record(named: "World Health Organisation")?.name == "World Health Organization")
    }

    @Test func mergingFoldsDuplicatesIntoExistingRecords() {
        let extra = [
            OrganisationRecord(id: "department-of-health-and-social-care", name: "Department of Health and Social Care",
                               acronyms: ["DHSC"], kind: "Ministerial department"),
            OrganisationRecord(id: "new-body", name: "Office for Imaginary Statistics", acronyms: ["OIS"]),
        ]
        let merged = g.merging(extra)
        #expect(merged.records.count == g.records.count + 1)
        #expect(merged.record(named: "Office for Imaginary Statistics")?.id == "new-body")
        #expect(merged.record(named: "DHSC")?.id == "dhsc")
        // A short acronym only a loaded list vouches for needs support in the document.
        let linker = OrganisationLinker(gazetteer: merged)
        #expect(linker.link("The OIS said so.").isEmpty)
        #expect(S.names("The Office for Imaginary Statistics (OIS) said; the OIS agreed.", linker)
            == ["Office for Imaginary Statistics", "Office for Imaginary Statistics", "Office for Imaginary Statistics"])
    }

    @Test func resolverProtocol() {
        let resolver: any OrganisationResolving = OrganisationLinker(gazetteer: g)
        #expect(resolver.canonicalOrganisation(for: "chief executive of the King’s Fund") == "The King's Fund")
        #expect(resolver.canonicalOrganisation(for: "a nurse") == nil)
    }
}

@Suite struct OrganisationLinkerTests {
    @Test func linksAnywhereAndNamesByOfficialName() {
        let text = "Officials at DHSC briefed the BMA, while UKHSA and the RCN disagreed."
        #expect(S.names(text) == ["Department of Health and Social Care", "British Medical Association",
                                  "UK Health Security Agency", "Royal College of Nursing"])
    }

    @Test func codePointOffsets() {
        let text = "Café owners 👍 met the King’s Fund."
        let m = OrganisationLinker().link(text)
        #expect(m.count == 1)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[m[0].range])) == "King’s Fund")
        #expect(m[0].surface == "King’s Fund")
    }

    @Test func longestMatchWins() {
        #expect(S.links("NHS England and NHS Improvement published it.")
            .map(\.1) == ["NHS England and NHS Improvement"])
        #expect(S.links("NHS England and the BMA.").map(\.1) == ["NHS England", "British Medical Association"])
        #expect(S.names("the Department of Health and Social Care") == ["Department of Health and Social Care"])
    }

    @Test func apostropheAndArticleVariants() {
        for text in ["the King's Fund said", "The King’s Fund said", "the Kings Fund said", "KING'S FUND"] {
            #expect(S.names(text) == ["The King's Fund"], "\(text)")
        }
        let m = OrganisationLinker().link("a report by the King's Fund")
        #expect(m.first?.surface == "King's Fund")
        #expect(S.names("DHSC's guidance and the BMA’s view") == ["Department of Health and Social Care", "British Medical Association"])
        #expect(OrganisationLinker().link("DHSC's guidance").first?.range == 0..<4)
    }

    @Test func ambiguousAcronymsNeedCase() {
        #expect(S.names("Nice to see you. That was nice.").isEmpty)
        #expect(S.names("NICE approved the drug.") == ["National Institute for Health and Care Excellence"])
        #expect(S.names("NICE TO SEE YOU ALL AGAIN").isEmpty)
        #expect(S.names("PHE said it would.") == ["Public Health England"])
        #expect(S.names("in unison, the home office staff") == [])
        #expect(S.names("Unite members and Unison members") == ["UNISON"])  // sentence-initial "Unite" is a verb too
    }

    @Test func shortAcronymsNeedSupportInTheDocument() {
        #expect(S.names("DH said no.").isEmpty)
        #expect(S.names("The Department of Health said no. Later DH agreed.")
            == ["Department of Health and Social Care", "Department of Health and Social Care"])
        #expect(S.names("He used CO monitors.").isEmpty)
        #expect(S.names("The Cabinet Office and CO staff") == ["Cabinet Office", "Cabinet Office"])
    }

    @Test func medicinesRegulatorsSupportEachOther() {
        #expect(S.names("The EMA said no.").isEmpty)
        #expect(S.names("No regulator matters more than the MHRA, but look at the EMA.")
            == ["Medicines and Healthcare products Regulatory Agency", "European Medicines Agency"])
    }

    @Test func devolvedNationContextSupportsItsAcronyms() {
        #expect(S.names("We asked NSS to liaise.").isEmpty)
        #expect(S.names("The Scottish Government asked NSS to liaise.")
            == ["Scottish Government", "NHS National Services Scotland"])
        #expect(S.names("The Welsh Government read the TAC advice.") == ["Welsh Government", "Technical Advisory Cell"])
    }

    @Test func departmentOfHealthInNorthernIreland() {
        // Stormont's department kept the name DHSC had before 2018: near Northern Ireland, the
        // bare name is that department; elsewhere it is still DHSC's former name.
        let belfast = "In Northern Ireland, the minister in Belfast took advice from the Chief Medical Officer. "
            + "The Department of Health led the response for the Northern Ireland Executive."
        #expect(S.names(belfast) == ["Department of Health (Northern Ireland)", "Northern Ireland Executive"])
        #expect(S.names("The Department of Health in London wrote to NHS England.")
            == ["Department of Health and Social Care", "NHS England"])
        // one mention of Northern Ireland, outnumbered by England's, is not enough
        #expect(S.names("England and Northern Ireland differ; in England the Department of Health led.")
            == ["Department of Health and Social Care"])
    }

    @Test func genericReferencesAreNotMentions() {
        #expect(S.names("The hospitals, the trust and the regulators met the department.").isEmpty)
        #expect(S.names("The Trust said the Council and the Department would act.").isEmpty)
        #expect(S.names("The local authority and the Local Authority").isEmpty)
    }

    @Test func integratedCareBoardsByPattern() {
        let m = OrganisationLinker().link("NHS Birmingham and Solihull Integrated Care Board and Leeds Teaching Hospitals NHS Trust agreed.")
        #expect(m.map(\.name) == ["NHS Birmingham and Solihull Integrated Care Board", "Leeds Teaching Hospitals NHS Trust"])
        #expect(S.names("Birmingham and Solihull ICB said") == ["NHS Birmingham and Solihull Integrated Care Board"])
        #expect(m.first?.organisationID.hasPrefix("pattern:") == true)
    }

    @Test func possessivesAndTitlesAroundPatternNames() {
        #expect(S.names("Edinburgh's Napier University and the Prince's Trust")
            == ["Napier University", "Prince's Trust"])
        #expect(S.names("the Bank of England's Monetary Policy Committee")
            == ["Bank of England", "Monetary Policy Committee"])
        #expect(S.names("the Chief Inspector of His Majesty's Inspectorate of Prisons")
            == ["HM Inspectorate of Prisons"])
        #expect(S.names("the Child Trust Fund and the Council Tax").isEmpty)
        #expect(S.names("The NHS England Board met the Youth Justice Board.") == ["NHS England", "Youth Justice Board"])
        #expect(S.names("Eternal Sunshine of the Spotless Mind won. Charities such as Mind, Age UK agreed.")
            == ["Mind", "Age UK"])
    }

    @Test func patternNamesWithOfPhrases() {
        #expect(S.names("the University of Manchester and the Royal National Institute of Blind People")
            == ["University of Manchester", "Royal National Institute of Blind People"])
        // "and" inside an "of" phrase, unless a place ends the name before it
        #expect(S.names("We heard from the National Association of Care and Support Workers.")
            == ["National Association of Care and Support Workers"])
        #expect(S.names("for the Carers Alliance for England and Age UK")
            == ["Carers Alliance for England", "Age UK"])
    }

    @Test func coalitionsNetworksAndLawFirms() {
        #expect(S.names("the Disability Charities Consortium, the Glasgow Disability Alliance and the Clinical Virology Network")
            == ["Disability Charities Consortium", "Glasgow Disability Alliance", "Clinical Virology Network"])
        // a person "of" a firm is not part of its name
        #expect(S.names("instructed by Thompsons Solicitors and by Terry Wilcox of Hudgell Solicitors")
            == ["Thompsons Solicitors", "Hudgell Solicitors"])
    }
}

@Suite struct AcronymDefinitionTests {
    let finder = AcronymDefinitionFinder()

    @Test func longFormThenShortForm() {
        let d = finder.definitions(in: "The Department of Health and Social Care (DHSC) said.")
        #expect(d.map(\.short) == ["DHSC"])
        #expect(d.map(\.long) == ["Department of Health and Social Care"])
        #expect(d.first?.longRange == 4..<40)
    }

    @Test func shortFormThenLongForm() {
        let d = finder.definitions(in: "We asked DHSC (Department of Health and Social Care) for data.")
        #expect(d.map(\.short) == ["DHSC"])
        #expect(d.map(\.long) == ["Department of Health and Social Care"])
    }

    @Test func notDefinitions() {
        #expect(finder.definitions(in: "the results (see above) were poor").isEmpty)
        #expect(finder.definitions(in: "the National Security Council (THRC) met").isEmpty)
        #expect(finder.definitions(in: "spending (2020) rose").isEmpty)
    }

    @Test func learntAcronymsLinkLaterMentions() {
        let text = "The Covid Response Unit (CRU) was set up. Later the CRU reported to PHE."
        #expect(S.links(text).map(\.0) == ["Covid Response Unit", "CRU", "CRU", "PHE"])
        #expect(S.names(text).first == "Covid Response Unit")
        #expect(OrganisationLinker().link(text).first?.organisationID.hasPrefix("local:") == true)
        // Reverse order and a long form already in the gazetteer: link to that record.
        let reverse = "UKHSA (UK Health Security Agency) replaced PHE. UKHSA said."
        #expect(Set(S.names(reverse)) == ["UK Health Security Agency", "Public Health England"])
    }

    @Test func nonOrganisationLongFormsAreNotLearnt() {
        #expect(S.names("The Chief Medical Officer (CMO) said the CMO agreed.").isEmpty)
        // A known acronym defined as something else is blocked for the document.
        #expect(S.names("Levels of carbon monoxide (CO) rose; CO alarms and the Cabinet Office.") == ["Cabinet Office"])
    }
}

/// Acronyms defined aloud, without brackets, as evidence transcripts define them.
@Suite struct AcronymAppositionTests {
    func definitions(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return AcronymAppositionFinder(tokens: OrganisationTokenizer.tokens(in: scalars), scalars: scalars)
            .definitions().map { "\($0.short)=\($0.long)" }
    }

    @Test func longFormThenShortForm() {
        #expect(definitions("You are the Chief Operations Officer at the Scottish Qualifications Authority, the SQA, and have been since 2014?")
            == ["SQA=Scottish Qualifications Authority"])
        #expect(definitions("supported by the National Ambulance Coordination Centre, or the NACC, from March")
            == ["NACC=National Ambulance Coordination Centre"])
        // a connective may give its letter ("DfE") or none ("ONS")
        #expect(definitions("the Department for Education, DfE, and the Office for National Statistics, ONS.")
            == ["DfE=Department for Education", "ONS=Office for National Statistics"])
    }

    @Test func shortFormThenLongForm() {
        #expect(definitions("we received a letter from BAPIO, British Association of Physicians of Indian Origin, which we were aware of")
            == ["BAPIO=British Association of Physicians of Indian Origin"])
        #expect(definitions("Is VDEC, the Vaccine Development and Evaluation Centre, an important part of it?")
            == ["VDEC=Vaccine Development and Evaluation Centre"])
    }

    @Test func notDefinitions() {
        // initials that do not spell the short form, lower-case words, a title, a sentence break
        #expect(definitions("In Leeds, the NHS was under pressure.").isEmpty)
        #expect(definitions("said Boris Johnson, the PM, at the time").isEmpty)
        #expect(definitions("the social care sector, SCS, was short of staff").isEmpty)
        #expect(definitions("It was Scottish. Qualifications, SQ, came later.").isEmpty)
    }

    @Test func learntByApposition() {
        let text = "I was chief executive of the Federation of Ethnic Minority Healthcare Organisations, FEMHO, "
            + "in 2020. FEMHO wrote to NHS England."
        #expect(S.links(text).map(\.0) == ["Federation of Ethnic Minority Healthcare Organisations", "FEMHO", "FEMHO", "NHS England"])
        // an apposition never blocks a known acronym: "the Clinical Operations team, CO" is no
        // organisation, and CO still links with support
        #expect(S.names("the Cabinet Office, CO, said; later the CO agreed.") == ["Cabinet Office", "Cabinet Office", "Cabinet Office"])
    }
}

/// Acronyms used without a definition, beside the name they abbreviate.
@Suite struct AcronymInitialsTests {
    func definitions(_ text: String, known: Set<String> = []) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return AcronymInitialsFinder(tokens: OrganisationTokenizer.tokens(in: scalars), scalars: scalars)
            .definitions { h in known.contains { OrganisationToken.hash(of: $0) == h } }.map { "\($0.short)=\($0.long)" }
    }

    @Test func initialsOfANameInTheSameText() {
        #expect(definitions("Can we look at the minutes from the NIMT? One of the functions of the National Incident "
            + "Management Team was to provide leadership.") == ["NIMT=National Incident Management Team"])
        // connectives give no letter; the name may come first
        #expect(definitions("PHE brought together experts in a Respiratory Evidence Panel. The findings of the REP were clear.")
            == ["REP=Respiratory Evidence Panel"])
    }

    @Test func notInitials() {
        // a known acronym keeps its meaning; a name without a head word; two names that spell it;
        // a role; letters in another order
        #expect(definitions("The NIMT met. The National Incident Management Team agreed.", known: ["NIMT"]).isEmpty)
        #expect(definitions("The RER was published. The Respiratory Evidence Review was late.").isEmpty)
        #expect(definitions("The NIT met the National Incident Team and the National Investment Team.").isEmpty)
        #expect(definitions("The CMO wrote to the Chief Medical Office.").isEmpty)
        #expect(definitions("The MNIT met the National Incident Management Team.").isEmpty)
        // part of a hyphenated acronym ("MD-TEC")
        #expect(definitions("Devices went to MD-TEC, the Testing and Evaluation Centre in Birmingham.").isEmpty)
    }

    @Test func aHeadBeforeOfMakesALongFormAnOrganisation() {
        #expect(S.names("the British Society of Gastroenterology, or BSG, advised suspending it. BSG said so.")
            == ["British Society of Gastroenterology", "British Society of Gastroenterology", "British Society of Gastroenterology"])
    }

    @Test func linkedWithTheirName() {
        let text = "The REP assessed the evidence. PHE convened a Respiratory Evidence Panel in 2021."
        #expect(S.links(text).map(\.1) == ["Respiratory Evidence Panel", "Public Health England", "Respiratory Evidence Panel"])
        #expect(S.names(text).first == "Respiratory Evidence Panel")
    }
}

/// Names that only context makes organisations, and names inside other names.
@Suite struct OrganisationContextTests {
    @Test func aNameBeforeActIsALawsTitle() {
        #expect(S.names("Powers under the National Health Service (Scotland) Act 1978 passed to the NHS in Scotland.")
            == ["National Health Service"])
        #expect(S.names("the Greater London Authority Act of 1999 set up the Greater London Authority")
            == ["Greater London Authority"])
    }

    @Test func theExecutiveNeedsNorthernIrelandContext() {
        // Northern Ireland bodies in the same text support it
        #expect(S.names("TEO and the Public Health Agency briefed the Executive, and the Executive Committee agreed.")
            .filter { $0 == "Northern Ireland Executive" }.count == 2)
        // without them, or when it is another body's executive, it is no mention
        #expect(!S.names("The board briefed the Executive on Monday.").contains("Northern Ireland Executive"))
        #expect(!S.names("TEO noted that the Executive Committee of the Welsh Government met.")
            .contains("Northern Ireland Executive"))
    }
}
