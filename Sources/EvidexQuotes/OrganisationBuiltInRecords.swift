/// The built-in gazetteer, written by hand as facts about UK health and care bodies (and the
/// government, research and international bodies that health-policy texts keep naming).
/// Statements rather than one big array literal keep type-checking fast.
enum OrganisationBuiltInRecords {
    static let all: [OrganisationRecord] = make()

    private static func make() -> [OrganisationRecord] {
        var list: [OrganisationRecord] = []
        list.reserveCapacity(380)
        func add(
            _ id: String, _ name: String, _ acronyms: [String] = [], aliases: [String] = [],
            kind: String, former: [String] = [], successor: String? = nil
        ) {
            list.append(OrganisationRecord(
                id: id, name: name, acronyms: acronyms, aliases: aliases, kind: kind,
                formerNames: former, successor: successor))
        }
        let dept = "government department"
        let alb = "arm's-length body"
        let college = "royal college"
        let union = "trade union"
        let think = "think tank"
        let reg = "regulator"
        let charity = "charity"
        let adv = "advisory body"
        let comm = "parliamentary committee"
        let rep = "membership body"
        let company = "company"
        let uni = "university"
        let intl = "international organisation"
        let dev = "devolved government"

        // MARK: Government departments and the centre of government
        add("dhsc", "Department of Health and Social Care", ["DHSC", "DH", "DoH"],
            aliases: ["Department for Health and Social Care", "Department of Health & Social Care",
                      "Department for Health"],
            kind: dept, former: ["Department of Health"])
        add("cabinet-office", "Cabinet Office", ["CO"], kind: dept)
        add("disability-unit", "Disability Unit", [], kind: "government unit")
        add("race-disparity-unit", "Race Disparity Unit", ["RDU"], kind: "government unit")
        add("geo", "Government Equalities Office", ["GEO"], kind: "government unit")
        add("sitcen", "National Situation Centre", ["SitCen"], kind: "government unit")
        add("nio", "Northern Ireland Office", ["NIO"], kind: dept)
        add("wales-office", "Office of the Secretary of State for Wales", [], aliases: ["Wales Office"], kind: dept)
        add("scotland-office", "Office of the Secretary of State for Scotland", [], aliases: ["Scotland Office"], kind: dept)
        add("hm-treasury", "HM Treasury", ["HMT"],
            aliases: ["Her Majesty's Treasury", "His Majesty's Treasury", "Treasury"], kind: dept)
        add("hm-government", "HM Government", ["HMG"],
            aliases: ["UK Government", "United Kingdom Government", "Her Majesty's Government",
                      "His Majesty's Government", "UK Govt"], kind: "government")
        add("number-10", "Prime Minister's Office, 10 Downing Street", [],
            aliases: ["Prime Minister's Office", "Number 10", "No 10", "Number Ten", "Downing Street",
                      "10 Downing Street"], kind: dept)
        add("home-office", "Home Office", ["HO"], kind: dept)
        // "Department of Education" is the usual misnaming in English texts (Northern Ireland's
        // own Department of Education is rarer in UK health-policy sources).
        add("dfe", "Department for Education", ["DfE", "DFE"], aliases: ["Department of Education"], kind: dept,
            former: ["Department for Children, Schools and Families", "Department for Education and Skills"])
        add("mhclg", "Ministry of Housing, Communities and Local Government", ["MHCLG", "DLUHC", "DCLG"],
            kind: dept, former: ["Department for Levelling Up, Housing and Communities",
                                 "Department for Communities and Local Government"])
        add("dwp", "Department for Work and Pensions", ["DWP"], kind: dept)
        add("beis", "Department for Business, Energy and Industrial Strategy", ["BEIS"], kind: dept,
            successor: "dbt")
        add("dbt", "Department for Business and Trade", ["DBT"], kind: dept)
        add("bis", "Department for Business, Innovation and Skills", ["BIS"], kind: dept, successor: "beis")
        add("dsit", "Department for Science, Innovation and Technology", ["DSIT"], kind: dept)
        add("dcms", "Department for Culture, Media and Sport", ["DCMS"], kind: dept,
            former: ["Department for Digital, Culture, Media and Sport"])
        add("dft", "Department for Transport", ["DfT", "DFT"], kind: dept)
        add("defra", "Department for Environment, Food and Rural Affairs", ["Defra", "DEFRA"], kind: dept)
        add("fcdo", "Foreign, Commonwealth and Development Office", ["FCDO", "FCO"], kind: dept,
            former: ["Foreign and Commonwealth Office", "Foreign Office"])
        add("dfid", "Department for International Development", ["DFID", "DfID"], kind: dept, successor: "fcdo")
        add("moj", "Ministry of Justice", ["MoJ", "MOJ"], kind: dept)
        add("mod", "Ministry of Defence", ["MoD", "MOD"], kind: dept)
        add("dexeu", "Department for Exiting the European Union", ["DExEU"], kind: dept)
        add("nsc", "National Security Council", ["NSC"], kind: "cabinet committee")
        add("uk-nsc", "UK National Screening Committee", ["UK NSC"], aliases: ["National Screening Committee"], kind: adv)
        add("desnz", "Department for Energy Security and Net Zero", ["DESNZ"], kind: dept)
        add("go-science", "Government Office for Science", ["GO-Science", "GOS"], kind: dept)
        add("ccs-secretariat", "Civil Contingencies Secretariat", ["CCS"], kind: "government unit")
        add("covid-taskforce", "Covid-19 Taskforce", ["CTF"], aliases: ["Covid Taskforce", "COVID-19 Taskforce"],
            kind: "government unit")
        add("vaccine-taskforce", "Vaccine Taskforce", ["VTF"], aliases: ["UK Vaccine Taskforce"], kind: "government unit")
        add("uk-vaccine-network", "UK Vaccine Network", ["UKVN"], kind: adv)
        add("jbc", "Joint Biosecurity Centre", ["JBC"], kind: "government unit", successor: "ukhsa")
        add("covid-s", "Covid-19 Strategy Committee", [], aliases: ["Covid-S", "Covid Strategy Committee", "COVID-S"],
            kind: "cabinet committee")
        // The four ministerial implementation groups of March–May 2020 (their names as set up).
        add("hmig", "Healthcare Ministerial Implementation Group", ["HMIG"],
            aliases: ["Health Ministerial Implementation Group"], kind: "cabinet committee")
        add("gpsmig", "General Public Sector Ministerial Implementation Group", ["GPSMIG"],
            aliases: ["Public Sector Ministerial Implementation Group",
                      "General Public Services Ministerial Implementation Group",
                      "General Public Service Ministerial Implementation Group"], kind: "cabinet committee")
        add("ebmig", "Economic and Business Ministerial Implementation Group", ["EBMIG"],
            aliases: ["Economic Ministerial Implementation Group"], kind: "cabinet committee")
        add("imig", "International Ministerial Implementation Group", ["IMIG"], kind: "cabinet committee")
        add("covid-o", "Covid-19 Operations Committee", [], aliases: ["Covid-O", "Covid Operations Committee", "COVID-O"],
            kind: "cabinet committee")
        // Renamed in 2022 (the Oil and Gas Authority, its legal name, now trades as the NSTA).
        add("nsta", "North Sea Transition Authority", ["NSTA", "OGA"], kind: reg, former: ["Oil and Gas Authority"])
        add("hmrc", "HM Revenue and Customs", ["HMRC"], aliases: ["Her Majesty's Revenue and Customs",
            "His Majesty's Revenue and Customs", "HM Revenue & Customs"], kind: dept)
        add("bank-of-england", "Bank of England", ["BoE"], kind: "central bank")
        add("british-business-bank", "British Business Bank", [], kind: alb)
        add("uk-finance", "UK Finance", [], kind: "trade association")
        add("lps-ni", "Land & Property Services", ["LPS"], aliases: ["Land and Property Services"], kind: "executive agency")
        add("fca", "Financial Conduct Authority", ["FCA"], kind: reg)
        add("fsa", "Food Standards Agency", ["FSA"], kind: reg)
        add("environment-agency", "Environment Agency", [], kind: alb)
        add("met-office", "Met Office", [], kind: alb)
        add("gad", "Government Actuary's Department", ["GAD"], kind: dept)
        add("dit", "Department for International Trade", ["DIT"], kind: dept, successor: "dbt")
        add("bit", "Behavioural Insights Team", [], kind: company)
        add("gds", "Government Digital Service", ["GDS"], kind: "government unit")
        add("crown-commercial-service", "Crown Commercial Service", [], kind: alb)
        add("hmpps", "HM Prison and Probation Service", ["HMPPS"], aliases: ["His Majesty's Prison and Probation Service",
            "Her Majesty's Prison and Probation Service"], kind: alb,
            former: ["HM Prison Service", "Prison Service", "National Offender Management Service"])
        add("hmip", "HM Inspectorate of Prisons", ["HMIP"], aliases: ["His Majesty's Inspectorate of Prisons",
            "Her Majesty's Inspectorate of Prisons"], kind: reg)
        add("yjb", "Youth Justice Board", ["YJB"], aliases: ["Youth Justice Board for England and Wales"], kind: alb)
        // MARK: Police and justice bodies (enforcement of the Covid regulations)
        add("npcc", "National Police Chiefs' Council", ["NPCC"], aliases: ["National Police Chiefs Council"], kind: rep)
        add("acpo", "Association of Chief Police Officers", ["ACPO"], kind: rep, successor: "npcc")
        add("college-of-policing", "College of Policing", [], kind: alb)
        add("hmicfrs", "HM Inspectorate of Constabulary and Fire & Rescue Services", ["HMICFRS"],
            aliases: ["His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
                      "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"], kind: reg)
        add("met-police", "Metropolitan Police Service", [], aliases: ["Metropolitan Police", "Met Police"], kind: "police force")
        add("police-scotland", "Police Service of Scotland", [], aliases: ["Police Scotland"], kind: "police force")
        add("psni", "Police Service of Northern Ireland", ["PSNI"], kind: "police force")
        add("youth-custody-service", "Youth Custody Service", ["YCS"], kind: alb)
        add("cps", "Crown Prosecution Service", ["CPS"], kind: "prosecutor")
        add("copfs", "Crown Office and Procurator Fiscal Service", ["COPFS"], kind: "prosecutor")
        add("hmcts", "HM Courts and Tribunals Service", ["HMCTS"],
            aliases: ["His Majesty's Courts and Tribunals Service", "Her Majesty's Courts and Tribunals Service",
                      "HM Courts & Tribunals Service"], kind: alb)
        add("acro", "ACRO Criminal Records Office", ["ACRO"], kind: "police unit")
        add("ons", "Office for National Statistics", ["ONS"], aliases: ["Office of National Statistics"], kind: alb)
        add("uksa", "UK Statistics Authority", ["UKSA"], kind: alb)
        add("obr", "Office for Budget Responsibility", ["OBR"], kind: alb)
        add("nao", "National Audit Office", ["NAO"], kind: alb)
        add("niao", "Northern Ireland Audit Office", ["NIAO"], kind: alb)
        add("hse", "Health and Safety Executive", ["HSE"], kind: reg)
        add("ehrc", "Equality and Human Rights Commission", ["EHRC"], kind: reg)
        add("ofsted", "Office for Standards in Education, Children's Services and Skills", ["Ofsted", "OFSTED"],
            kind: reg)
        add("phso", "Parliamentary and Health Service Ombudsman", ["PHSO"], kind: "ombudsman")
        add("opss", "Office for Product Safety and Standards", ["OPSS"], kind: reg)
        add("cma", "Competition and Markets Authority", ["CMA"], kind: reg)
        add("osr", "Office for Statistics Regulation", ["OSR"], kind: reg)
        add("gld", "Government Legal Department", ["GLD"], kind: dept, former: ["Treasury Solicitor's Department"])
        add("ols", "Office for Life Sciences", [], kind: "government unit")
        add("ukvi", "UK Visas and Immigration", ["UKVI"], kind: "government unit")
        add("border-force", "Border Force", [], aliases: ["UK Border Force"], kind: "government unit")
        add("gla", "Greater London Authority", ["GLA"], kind: "local government")
        add("tfl", "Transport for London", ["TfL", "TFL"], kind: "local government")
        add("ofs", "Office for Students", ["OfS"], kind: reg)
        add("ofqual", "Office of Qualifications and Examinations Regulation", ["Ofqual"], kind: reg)
        add("ofcom", "Office of Communications", ["Ofcom"], kind: reg)

        // MARK: Devolved governments and their health bodies
        add("scottish-government", "Scottish Government", [], kind: dev,
            former: ["Scottish Executive"])
        add("welsh-government", "Welsh Government", [], kind: dev, former: ["Welsh Assembly Government"])
        add("ni-executive", "Northern Ireland Executive", [], aliases: ["NI Executive", "Executive", "Executive Committee",
                                                                          "Northern Ireland Government"],
            kind: dev)
        add("ect-ni", "Executive Covid Taskforce", ["ECT"], kind: "government unit")
        add("teo", "The Executive Office", ["TEO", "OFMDFM"], aliases: ["Executive Office"], kind: dept,
            former: ["Office of the First Minister and deputy First Minister", "Office of the First Minister and Deputy First Minister"])
        add("daera", "Department of Agriculture, Environment and Rural Affairs", ["DAERA"], kind: dept)
        // Northern Ireland's; Wales and others convened groups of the same name, so it needs
        // Northern Ireland named in the same document.
        add("ccg-ni", "Civil Contingencies Group (Northern Ireland)", [], aliases: ["Civil Contingencies Group"], kind: adv)
        add("irish-government", "Government of Ireland", [], aliases: ["Irish Government"], kind: "government")
        add("cosla", "Convention of Scottish Local Authorities", ["COSLA"], kind: rep)
        add("wlga", "Welsh Local Government Association", ["WLGA"], kind: rep)
        add("scottish-care", "Scottish Care", [], kind: rep)
        add("care-forum-wales", "Care Forum Wales", [], kind: rep)
        add("sssc", "Scottish Social Services Council", ["SSSC"], kind: reg)
        add("scottish-ambulance-service", "Scottish Ambulance Service", [], kind: alb)
        add("was-trust", "Welsh Ambulance Services NHS Trust", ["WAST"],
            aliases: ["Welsh Ambulance Service", "Welsh Ambulance Services University NHS Trust"], kind: "NHS trust")
        // The Department of Health's group that took over the Health and Social Care Board in 2022.
        add("sppg", "Strategic Planning and Performance Group", ["SPPG"], kind: "government unit")
        add("doh-ni", "Department of Health (Northern Ireland)", [],
            aliases: ["Department of Health in Northern Ireland", "Northern Ireland Department of Health",
                      "Department of Health Northern Ireland", "Department of Health NI"], kind: dept)
        add("public-health-scotland", "Public Health Scotland", ["PHS"], kind: alb)
        add("health-protection-scotland", "Health Protection Scotland", ["HPS"], kind: alb,
            successor: "public-health-scotland")
        add("public-health-wales", "Public Health Wales", ["PHW"], kind: alb)
        add("pha-ni", "Public Health Agency", ["PHA"], aliases: ["Public Health Agency for Northern Ireland"], kind: alb)
        add("nhs-scotland", "NHS Scotland", [], aliases: ["NHSScotland"], kind: "health service")
        add("nhs-wales", "NHS Wales", [], kind: "health service")
        // Swansea Bay and Cwm Taf Morgannwg took their names when Bridgend moved between them (2019).
        let formerWelshBoards = ["sbuhb": ["Abertawe Bro Morgannwg University Health Board"],
                                 "ctmuhb": ["Cwm Taf University Health Board"]]
        // Health boards: Wales (7, with the short names used in Senedd and Inquiry evidence;
        // "Aneurin Bevan" and "Hywel Dda" alone are also people, so only their full names).
        for (id, name, short) in [
            ("bcuhb", "Betsi Cadwaladr University Health Board", "Betsi Cadwaladr"),
            ("hduhb", "Hywel Dda University Health Board", ""),
            ("sbuhb", "Swansea Bay University Health Board", "Swansea Bay"),
            ("ctmuhb", "Cwm Taf Morgannwg University Health Board", "Cwm Taf Morgannwg"),
            ("abuhb", "Aneurin Bevan University Health Board", ""),
            ("cavuhb", "Cardiff and Vale University Health Board", "Cardiff and Vale"),
            ("pthb", "Powys Teaching Health Board", ""),
        ] {
            // spoken and written without "University"/"Teaching": "Aneurin Bevan Health Board"
            let plain = name.replacingOccurrences(of: " University Health Board", with: " Health Board")
                .replacingOccurrences(of: " Teaching Health Board", with: " Health Board")
            add(id, name, [], aliases: (short.isEmpty ? [] : [short]) + (plain == name ? [] : [plain]), kind: "health board",
                former: formerWelshBoards[id] ?? [])
        }
        // Scotland's 14 territorial health boards, officially "NHS <area>".
        for area in ["Ayrshire and Arran", "Borders", "Dumfries and Galloway", "Fife", "Forth Valley",
                     "Grampian", "Greater Glasgow and Clyde", "Highland", "Lanarkshire", "Lothian",
                     "Orkney", "Shetland", "Tayside", "Western Isles"] {
            let slug = area.lowercased().split(separator: " ").joined(separator: "-")
            add("nhs-" + slug, "NHS " + area, [], aliases: ["NHS " + area + " Health Board"], kind: "health board")
        }
        add("hscni", "Health and Social Care Northern Ireland", ["HSCNI", "HSC"], aliases: ["HSC Northern Ireland"],
            kind: "health service")
        add("hscb", "Health and Social Care Board", ["HSCB"], kind: alb, successor: "doh-ni")
        add("bso-ni", "Business Services Organisation", ["BSO"], aliases: ["HSC Business Services Organisation"], kind: alb)
        add("nias", "Northern Ireland Ambulance Service", ["NIAS"], kind: alb)
        add("patient-client-council", "Patient and Client Council", [], kind: alb)
        add("tac-wales", "Technical Advisory Cell", ["TAC"], kind: adv)
        add("tag-wales", "Technical Advisory Group", ["TAG"], kind: adv)
        add("nss", "NHS National Services Scotland", ["NSS", "NHS NSS"], kind: alb)
        add("nwssp", "NHS Wales Shared Services Partnership", ["NWSSP"], aliases: ["Shared Services Partnership"], kind: alb)
        add("life-sciences-hub-wales", "Life Sciences Hub Wales", [], aliases: ["Life Sciences Hub"], kind: company)
        add("scottish-resilience-partnership", "Scottish Resilience Partnership", [], kind: "resilience partnership")
        add("arhai-scotland", "Antimicrobial Resistance and Healthcare Associated Infection Scotland", ["ARHAI"],
            aliases: ["ARHAI Scotland", "Antimicrobial Resistance and Healthcare Associated Infection"], kind: alb)
        add("nes", "NHS Education for Scotland", ["NES"], kind: alb)
        add("care-inspectorate", "Care Inspectorate", [], kind: reg)
        add("his", "Healthcare Improvement Scotland", ["HIS"], kind: reg)
        add("ciw", "Care Inspectorate Wales", ["CIW"], kind: reg)
        add("hiw", "Healthcare Inspectorate Wales", ["HIW"], kind: reg)
        add("rqia", "Regulation and Quality Improvement Authority", ["RQIA"], kind: reg)
        add("social-care-wales", "Social Care Wales", [], kind: reg)
        add("niscc", "Northern Ireland Social Care Council", ["NISCC"], kind: reg)
        add("scottish-covid-advisory-group", "Scottish Government COVID-19 Advisory Group", ["SGCAG"],
            aliases: ["Scottish Government Covid-19 Advisory Group", "Scottish Covid-19 Advisory Group",
                      "Scottish Covid Advisory Group", "Scottish Government Covid Advisory Group"], kind: adv)
        add("welsh-hssg", "Health and Social Services Group", ["HSSG"], kind: "government unit")
        add("academi-wales", "Academi Wales", [], kind: "government unit")

        // MARK: NHS England and national NHS bodies
        add("nhs", "National Health Service", ["NHS"], kind: "health service")
        add("nhs-england", "NHS England", ["NHSE"], kind: alb,
            former: ["NHS Commissioning Board"])
        add("nhs-improvement", "NHS Improvement", ["NHSI"], kind: alb, successor: "nhs-england")
        add("nhsei", "NHS England and NHS Improvement", ["NHSEI", "NHSE/I", "NHSE&I", "NHSE-I"],
            aliases: ["NHS England & NHS Improvement", "NHS England/Improvement", "NHS England and Improvement",
                      "NHS England/NHS Improvement"], kind: alb, successor: "nhs-england")
        add("monitor", "Monitor", [], kind: reg, successor: "nhs-improvement")
        add("nhs-tda", "NHS Trust Development Authority", ["NHS TDA", "TDA"], kind: alb, successor: "nhs-improvement")
        add("hee", "Health Education England", ["HEE"], kind: alb, successor: "nhs-england")
        // HSCIC was renamed NHS Digital in 2016: one body, so the old name links here.
        add("nhs-digital", "NHS Digital", ["HSCIC"], kind: alb,
            former: ["Health and Social Care Information Centre"], successor: "nhs-england")
        add("nhsx", "NHSX", [], kind: "government unit", successor: "nhs-england")
        add("nhs-test-and-trace", "NHS Test and Trace", ["NHSTT"], aliases: ["Test and Trace", "NHS Test & Trace"],
            kind: "government programme", successor: "ukhsa")
        // The NHS Litigation Authority was renamed NHS Resolution in 2017.
        add("nhs-resolution", "NHS Resolution", ["NHSLA"], kind: alb, former: ["NHS Litigation Authority"])
        add("nhsbt", "NHS Blood and Transplant", ["NHSBT"], kind: alb)
        add("nhsbsa", "NHS Business Services Authority", ["NHSBSA"], kind: alb)
        add("nhs-supply-chain", "NHS Supply Chain", [], kind: alb)
        add("nhs-property-services", "NHS Property Services", [], kind: company)
        add("nhs-professionals", "NHS Professionals", [], kind: company)
        add("nhs-providers", "NHS Providers", [], kind: rep)
        add("nhs-confederation", "NHS Confederation", [], aliases: ["NHS Confed", "Confed"], kind: rep)
        add("nhs-employers", "NHS Employers", [], kind: rep)
        add("nhscc", "NHS Clinical Commissioners", [], kind: rep, successor: "nhs-confederation")
        add("nhs-race-health-observatory", "NHS Race and Health Observatory", [], kind: alb)
        // HSSIB is a new statutory body (2023) that took over HSIB's work, so HSIB stays separate.
        add("hssib", "Health Services Safety Investigations Body", ["HSSIB"], kind: alb)
        add("hsib", "Healthcare Safety Investigation Branch", ["HSIB"], kind: alb, successor: "hssib")
        add("nhs-111", "NHS 111", [], kind: "health service")
        add("nhscfa", "NHS Counter Fraud Authority", ["NHSCFA"], kind: alb)
        add("nhs-sbs", "NHS Shared Business Services", ["NHS SBS"], kind: company)

        // MARK: Public health, regulators and advisory bodies
        add("ukhsa", "UK Health Security Agency", ["UKHSA"],
            aliases: ["United Kingdom Health Security Agency", "Health Security Agency"], kind: alb)
        add("phe", "Public Health England", ["PHE"], kind: alb, successor: "ukhsa")
        add("hpa", "Health Protection Agency", ["HPA"], kind: alb, successor: "phe")
        add("ohid", "Office for Health Improvement and Disparities", ["OHID"], kind: "government unit")
        add("cqc", "Care Quality Commission", ["CQC"], kind: reg)
        add("nice", "National Institute for Health and Care Excellence", ["NICE"], kind: alb,
            former: ["National Institute for Health and Clinical Excellence", "National Institute for Clinical Excellence"])
        add("mhra", "Medicines and Healthcare products Regulatory Agency", ["MHRA"],
            aliases: ["Medicines and Healthcare Products Regulatory Agency"], kind: reg)
        add("jcvi", "Joint Committee on Vaccination and Immunisation", ["JCVI"],
            aliases: ["Joint Committee on Vaccination and Immunization"], kind: adv)
        add("sage", "Scientific Advisory Group for Emergencies", ["SAGE", "Sage"], kind: adv)
        // The four nations' cell that wrote the UK's infection prevention and control guidance
        // in the pandemic; witnesses mostly write "cell" in lower case.
        add("uk-ipc-cell", "UK IPC Cell", [],
            aliases: ["UK Infection Prevention and Control Cell", "UK IPC cell", "IPC Cell", "IPC cell"], kind: adv)
        add("sage-social-care", "Social Care Working Group", [], kind: adv)
        add("independent-sage", "Independent SAGE", [], aliases: ["Independent Sage",
            "Independent Scientific Advisory Group for Emergencies"], kind: adv)
        add("spi-m", "Scientific Pandemic Influenza Group on Modelling", ["SPI-M"],
            aliases: ["Scientific Pandemic Influenza Sub-Group on Modelling", "Scientific Pandemic Influenza Modelling group"],
            kind: adv)
        add("spi-m-o", "Scientific Pandemic Influenza Group on Modelling, Operational sub-group", ["SPI-M-O"],
            kind: adv)
        // GOV.UK names it "Independent Scientific Pandemic Insights Group on Behaviours".
        add("spi-b", "Independent Scientific Pandemic Insights Group on Behaviours", ["SPI-B"],
            aliases: ["Scientific Pandemic Insights Group on Behaviours", "Scientific Pandemic Influenza Group on Behaviours"],
            kind: adv)
        add("nervtag", "New and Emerging Respiratory Virus Threats Advisory Group", ["NERVTAG"], kind: adv)
        add("gmc", "General Medical Council", ["GMC"], kind: reg)
        add("nmc", "Nursing and Midwifery Council", ["NMC"], kind: reg)
        add("hcpc", "Health and Care Professions Council", ["HCPC"], kind: reg)
        add("gphc", "General Pharmaceutical Council", ["GPhC"], kind: reg)
        add("gdc", "General Dental Council", ["GDC"], kind: reg)
        add("goc", "General Optical Council", ["GOC"], kind: reg)
        add("healthwatch-england", "Healthwatch England", [], kind: "statutory body")
        add("nihr", "National Institute for Health and Care Research", ["NIHR"], kind: alb,
            former: ["National Institute for Health Research"])
        add("mrc", "Medical Research Council", ["MRC"], kind: alb)
        add("ukri", "UK Research and Innovation", ["UKRI"], kind: alb)
        add("skills-for-care", "Skills for Care", [], kind: charity)
        add("scie", "Social Care Institute for Excellence", ["SCIE"], kind: charity)
        add("jdac", "Joint Data and Analysis Centre", ["JDAC"], kind: "government unit")
        // MARK: Education bodies and unions (schools' closures and exams run through pandemic evidence)
        add("sqa", "Scottish Qualifications Authority", ["SQA"], kind: alb)
        add("qualifications-wales", "Qualifications Wales", [], kind: reg)
        add("ccea", "Council for the Curriculum, Examinations and Assessment", ["CCEA"], kind: alb)
        add("jcq", "Joint Council for Qualifications", ["JCQ"], kind: rep)
        add("education-scotland", "Education Scotland", [], kind: alb)
        add("estyn", "Estyn", [], kind: reg)
        add("oak-national-academy", "Oak National Academy", [], aliases: ["Oak Academy"], kind: alb)
        add("neu", "National Education Union", ["NEU"], kind: union)
        add("nasuwt", "NASUWT", [], aliases: ["NASUWT The Teachers' Union"], kind: union)
        add("naht", "National Association of Head Teachers", ["NAHT"], kind: union)
        add("ascl", "Association of School and College Leaders", ["ASCL"], kind: union)
        add("eis", "Educational Institute of Scotland", ["EIS"], kind: union)
        add("ucu", "University and College Union", ["UCU"], kind: union)
        add("cc-wales", "Children's Commissioner for Wales", [], kind: "statutory body")
        add("cyp-commissioner-scotland", "Children and Young People's Commissioner Scotland", [], kind: "statutory body")
        add("niccy", "Northern Ireland Commissioner for Children and Young People", ["NICCY"], kind: "statutory body")
        add("social-work-england", "Social Work England", [], kind: reg)
        add("hra", "Health Research Authority", ["HRA"], kind: alb)
        add("hta", "Human Tissue Authority", [], kind: reg)
        add("hfea", "Human Fertilisation and Embryology Authority", ["HFEA"], kind: reg)
        add("psa", "Professional Standards Authority for Health and Social Care", [],
            aliases: ["Professional Standards Authority"], kind: reg)
        add("genomics-england", "Genomics England", [], kind: company)
        add("uk-biobank", "UK Biobank", [], kind: charity)
        add("hdruk", "Health Data Research UK", ["HDR UK"], kind: "research institute")

        // MARK: Parliament's committees (the bodies, not the chambers)
        add("hsc-committee", "Health and Social Care Committee", [],
            aliases: ["Health and Social Care Select Committee", "Commons Health and Social Care Committee",
                      "Health & Social Care Committee"], kind: comm,
            former: ["Health Committee", "Health Select Committee"])
        add("pac", "Public Accounts Committee", ["PAC"], aliases: ["Committee of Public Accounts"], kind: comm)
        add("stc", "Science and Technology Committee", [], aliases: ["Science, Innovation and Technology Committee"],
            kind: comm)
        add("pacac", "Public Administration and Constitutional Affairs Committee", ["PACAC"], kind: comm)

        // MARK: Royal colleges, faculties and professional bodies (official names)
        add("rcp", "Royal College of Physicians", ["RCP"], aliases: ["Royal College of Physicians of London"], kind: college)
        add("rcpe", "Royal College of Physicians of Edinburgh", ["RCPE"], kind: college)
        add("rcpsg", "Royal College of Physicians and Surgeons of Glasgow", ["RCPSG"], kind: college)
        add("rcs-england", "Royal College of Surgeons of England", ["RCS", "RCS England", "RCSEng"],
            aliases: ["Royal College of Surgeons"], kind: college)
        add("rcsed", "Royal College of Surgeons of Edinburgh", ["RCSEd"], kind: college)
        add("rcgp", "Royal College of General Practitioners", ["RCGP"], aliases: ["Royal College of GPs"], kind: college)
        add("rcpsych", "Royal College of Psychiatrists", ["RCPsych"], kind: college)
        add("rcpch", "Royal College of Paediatrics and Child Health", ["RCPCH"], kind: college)
        add("rcog", "Royal College of Obstetricians and Gynaecologists", ["RCOG"], aliases: ["Royal College of Obstetricians"],
            kind: college)
        add("rcem", "Royal College of Emergency Medicine", ["RCEM"], kind: college,
            former: ["College of Emergency Medicine"])
        add("rcr", "Royal College of Radiologists", ["RCR"], kind: college)
        add("rcm", "Royal College of Midwives", ["RCM"], kind: college)
        add("rcn", "Royal College of Nursing", ["RCN"], kind: college)
        add("rcoa", "Royal College of Anaesthetists", ["RCoA"], kind: college)
        add("rcpath", "Royal College of Pathologists", ["RCPath"], kind: college)
        add("rcophth", "Royal College of Ophthalmologists", ["RCOphth"], kind: college)
        add("rcot", "Royal College of Occupational Therapists", ["RCOT"], kind: college)
        add("rcslt", "Royal College of Speech and Language Therapists", ["RCSLT"], kind: college)
        add("rcpod", "Royal College of Podiatry", [], kind: college)
        add("aomrc", "Academy of Medical Royal Colleges", ["AoMRC"], aliases: ["Academy of Royal Colleges"], kind: college)
        add("fph", "Faculty of Public Health", ["FPH"], kind: college)
        add("ficm", "Faculty of Intensive Care Medicine", ["FICM"], kind: college)
        add("rps", "Royal Pharmaceutical Society", ["RPS"], kind: rep)
        add("ics-society", "Intensive Care Society", [], kind: rep)
        add("icnarc", "Intensive Care National Audit and Research Centre", ["ICNARC"], kind: charity)
        add("bgs", "British Geriatrics Society", ["BGS"], kind: rep)
        add("csp", "Chartered Society of Physiotherapy", ["CSP"], kind: union)
        add("association-of-anaesthetists", "Association of Anaesthetists", [], kind: rep)
        add("rsm", "Royal Society of Medicine", ["RSM"], kind: rep)
        add("royal-society", "Royal Society", [], kind: "learned society")
        add("ams", "Academy of Medical Sciences", ["AMS"], kind: "learned society")
        add("adph", "Association of Directors of Public Health", ["ADPH"], kind: rep)
        add("adass", "Association of Directors of Adult Social Services", ["ADASS"], kind: rep)
        add("adcs", "Association of Directors of Children's Services", ["ADCS"], kind: rep)
        add("aace", "Association of Ambulance Chief Executives", ["AACE"], kind: rep)
        add("bapio", "British Association of Physicians of Indian Origin", ["BAPIO"], kind: rep)
        // its own submissions spell the acronym both ways
        add("femho", "Federation of Ethnic Minority Healthcare Organisations", ["FEMHO", "FEHMO"], kind: rep)
        add("npa", "National Pharmacy Association", ["NPA"], kind: rep)
        add("cpe", "Community Pharmacy England", [], kind: rep,
            former: ["Pharmaceutical Services Negotiating Committee"])
        add("sign", "Scottish Intercollegiate Guidelines Network", ["SIGN"], kind: "guideline body")
        add("rsph", "Royal Society for Public Health", ["RSPH"], kind: rep)
        add("royal-statistical-society", "Royal Statistical Society", [], kind: "learned society")
        add("bts", "British Thoracic Society", ["BTS"], kind: rep)
        add("bsi-immunology", "British Society for Immunology", [], kind: "learned society")
        add("qni", "Queen's Nursing Institute", ["QNI"], aliases: ["The Queen's Nursing Institute"], kind: charity)
        add("fom", "Faculty of Occupational Medicine", [], kind: college)
        add("som", "Society of Occupational Medicine", [], kind: rep)
        add("council-of-deans", "Council of Deans of Health", [], kind: rep)
        add("medical-schools-council", "Medical Schools Council", [], kind: rep)
        add("uuk", "Universities UK", ["UUK"], kind: rep)
        add("basw", "British Association of Social Workers", ["BASW"], kind: rep)
        add("psni-pharm", "Pharmaceutical Society of Northern Ireland", [], kind: reg)
        add("abpi", "Association of the British Pharmaceutical Industry", ["ABPI"], kind: rep)
        add("bia", "BioIndustry Association", ["BIA"], kind: rep)
        add("bivda", "British In Vitro Diagnostics Association", ["BIVDA"], kind: rep)

        // MARK: Trade unions
        add("bma", "British Medical Association", ["BMA"], kind: union)
        add("unison", "UNISON", [], aliases: ["Unison"], kind: union)
        add("unite", "Unite the Union", [], aliases: ["Unite"], kind: union)
        add("gmb", "GMB", [], kind: union)
        add("pcs", "Public and Commercial Services Union", ["PCS"], kind: union)
        add("tuc", "Trades Union Congress", ["TUC"], kind: union)
        add("stuc", "Scottish Trades Union Congress", ["STUC"], kind: union)
        add("hcsa", "Hospital Consultants and Specialists Association", ["HCSA"], kind: union)
        add("bda", "British Dental Association", ["BDA"], kind: union)
        add("dauk", "Doctors' Association UK", ["DAUK"], aliases: ["Doctors Association UK"], kind: rep)
        add("gmb-scotland", "GMB Scotland", [], kind: union)

        // MARK: Think tanks, foundations and charities
        add("kings-fund", "The King's Fund", [], aliases: ["King's Fund", "Kings Fund"], kind: think)
        add("nuffield-trust", "Nuffield Trust", [], aliases: ["The Nuffield Trust"], kind: think)
        add("health-foundation", "The Health Foundation", [], aliases: ["Health Foundation"], kind: think)
        add("nuffield-council-bioethics", "Nuffield Council on Bioethics", [], kind: think)
        add("ifs", "Institute for Fiscal Studies", ["IFS"], kind: think)
        add("ifg", "Institute for Government", ["IfG"], kind: think)
        add("resolution-foundation", "Resolution Foundation", [], kind: think)
        add("ncvo", "National Council for Voluntary Organisations", ["NCVO"], kind: rep)
        // no acronym: "CPAG" is also the Clinical and Professional Advisory Group, which texts
        // name without defining
        add("cpag", "Child Poverty Action Group", [], kind: charity)
        add("jrf", "Joseph Rowntree Foundation", ["JRF"], kind: think)
        add("wellcome", "Wellcome Trust", [], aliases: ["Wellcome"], kind: charity)
        add("lga", "Local Government Association", ["LGA"], kind: rep)
        add("care-england", "Care England", [], kind: rep)
        add("care-providers-alliance", "Care Providers Alliance", [], kind: rep)
        add("ncf", "National Care Forum", ["NCF"], kind: rep)
        add("national-care-association", "National Care Association", [], kind: rep)
        add("homecare-association", "Homecare Association", [], kind: rep,
            former: ["United Kingdom Homecare Association", "UK Homecare Association"])
        add("patients-association", "Patients Association", [], aliases: ["The Patients Association"], kind: charity)
        add("national-voices", "National Voices", [], kind: charity)
        add("age-uk", "Age UK", [], kind: charity)
        add("mencap", "Mencap", [], kind: charity)
        add("alzheimers-society", "Alzheimer's Society", [], kind: charity)
        add("marie-curie", "Marie Curie", [], kind: charity)
        add("macmillan", "Macmillan Cancer Support", [], kind: charity)
        add("cruk", "Cancer Research UK", ["CRUK"], kind: charity)
        add("bhf", "British Heart Foundation", ["BHF"], kind: charity)
        add("diabetes-uk", "Diabetes UK", [], kind: charity)
        add("parkinsons-uk", "Parkinson's UK", [], kind: charity)
        add("stroke-association", "Stroke Association", [], kind: charity)
        add("asthma-lung-uk", "Asthma + Lung UK", [], aliases: ["Asthma and Lung UK"], kind: charity,
            former: ["Asthma UK", "British Lung Foundation"])
        add("kidney-care-uk", "Kidney Care UK", [], kind: charity)
        add("versus-arthritis", "Versus Arthritis", [], kind: charity)
        add("richmond-group", "Richmond Group of Charities", [], kind: charity)
        add("nhs-charities-together", "NHS Charities Together", [], kind: charity)
        add("st-johns-ambulance", "St John Ambulance", [], kind: charity)
        add("samaritans", "Samaritans", [], kind: charity)
        add("citizens-advice", "Citizens Advice", [], kind: charity)
        add("barnardos", "Barnardo's", [], kind: charity)
        add("save-the-children", "Save the Children", [], aliases: ["Save the Children UK"], kind: charity)
        add("nspcc", "National Society for the Prevention of Cruelty to Children", ["NSPCC"], kind: charity)
        add("childrens-commissioner", "Children's Commissioner for England", [], aliases: ["Office of the Children's Commissioner"],
            kind: "statutory body")
        add("carers-uk", "Carers UK", [], kind: charity)
        add("independent-age", "Independent Age", [], kind: charity)
        add("disability-rights-uk", "Disability Rights UK", [], kind: charity)
        add("race-equality-foundation", "Race Equality Foundation", [], kind: charity)
        add("pilc", "Public Interest Law Centre", ["PILC"], kind: charity)
        add("social-partnership-forum", "NHS Social Partnership Forum", [], aliases: ["Social Partnership Forum"], kind: rep)
        add("welsh-rugby-union", "Welsh Rugby Union", ["WRU"], kind: "sports body")
        add("ihcp", "Independent Health and Care Providers", ["IHCP"], kind: rep)
        add("nacas", "National Association of Care and Support Workers", ["NACAS"], kind: rep)
        add("healthwatch", "Healthwatch", [], kind: "statutory body")
        add("covid-bereaved", "Covid-19 Bereaved Families for Justice", ["CBFFJ", "CBFJ"],
            aliases: ["Covid Bereaved Families for Justice", "COVID-19 Bereaved Families for Justice",
                      "Covid-19 Bereaved Families for Justice UK", "Covid Bereaved Families for Justice UK"],
            kind: "campaign group")
        add("ni-covid-bereaved", "Northern Ireland Covid Bereaved Families for Justice", ["NICBFFJ", "NI CBFFJ"],
            aliases: ["Northern Irish Covid Bereaved Families for Justice", "NI Covid Bereaved Families for Justice",
                      "Northern Ireland Covid-19 Bereaved Families for Justice",
                      "Northern Irish Covid-19 Bereaved Families for Justice"], kind: "campaign group")
        add("scottish-covid-bereaved", "Scottish Covid Bereaved", [], aliases: ["Scottish Covid-19 Bereaved"],
            kind: "campaign group")
        add("cbffj-cymru", "Covid-19 Bereaved Families for Justice Cymru", [],
            aliases: ["Covid Bereaved Families for Justice Cymru"], kind: "campaign group")
        add("learning-disability-england", "Learning Disability England", [], kind: charity)
        add("article-39", "Article 39", [], kind: charity)
        add("independent-care-group", "Independent Care Group", [], kind: rep)
        add("runnymede", "Runnymede Trust", [], aliases: ["The Runnymede Trust"], kind: think)
        add("ippr", "Institute for Public Policy Research", ["IPPR"], kind: think)
        add("centre-for-ageing-better", "Centre for Ageing Better", [], kind: charity)
        add("policy-exchange", "Policy Exchange", [], kind: think)
        add("nesta", "Nesta", [], kind: charity)
        add("full-fact", "Full Fact", [], kind: charity)
        add("gates-foundation", "Bill & Melinda Gates Foundation", [],
            aliases: ["Gates Foundation", "Bill and Melinda Gates Foundation"], kind: charity)
        add("msf", "Médecins Sans Frontières", ["MSF"], aliases: ["Medecins Sans Frontieres", "Doctors Without Borders"],
            kind: charity)
        add("inclusion-scotland", "Inclusion Scotland", [], kind: charity)
        add("disability-wales", "Disability Wales", [], kind: charity)
        add("disability-action-ni", "Disability Action Northern Ireland", [], aliases: ["Disability Action"], kind: charity)
        add("scope", "Scope", [], kind: charity)
        add("mind", "Mind", [], kind: charity)
        add("rnib", "Royal National Institute of Blind People", ["RNIB"], kind: charity)
        add("rnid", "Royal National Institute for Deaf People", ["RNID"], kind: charity)
        add("national-autistic-society", "National Autistic Society", [], kind: charity)
        add("long-covid-groups", "Long Covid Groups", [], kind: "campaign group")
        add("long-covid-kids", "Long Covid Kids", [], kind: "campaign group")
        add("long-covid-sos", "Long Covid SOS", [], kind: "campaign group")
        add("long-covid-support", "Long Covid Support", [], kind: "campaign group")
        add("long-covid-physio", "Long Covid Physio", [], kind: "campaign group")
        add("vib-uk", "Vaccine Injured and Bereaved UK", ["VIB UK"], kind: "campaign group")
        add("uk-cv-family", "UK CV Family", [], kind: "campaign group")
        add("scottish-vaccine-injury-group", "Scottish Vaccine Injury Group", [], kind: "campaign group")
        add("cvf", "Clinically Vulnerable Families", ["CVF"], kind: "campaign group")
        add("johns-campaign", "John's Campaign", [], kind: "campaign group")
        add("care-rights-uk", "Care Rights UK", [], kind: charity)
        add("british-red-cross", "British Red Cross", [], kind: charity)

        // MARK: Universities and research institutes
        add("oxford", "University of Oxford", [], aliases: ["Oxford University"], kind: uni)
        add("cambridge", "University of Cambridge", [], aliases: ["Cambridge University"], kind: uni)
        add("imperial", "Imperial College London", [], aliases: ["Imperial College"], kind: uni)
        add("lshtm", "London School of Hygiene & Tropical Medicine", ["LSHTM"],
            aliases: ["London School of Hygiene and Tropical Medicine"], kind: uni)
        add("ucl", "University College London", ["UCL"], kind: uni)
        add("uclh", "University College London Hospitals NHS Foundation Trust", ["UCLH"],
            aliases: ["University College London Hospitals"], kind: "NHS trust")
        add("md-tec", "Medical Devices, Testing and Evaluation Centre", ["MD-TEC", "MDTEC"], kind: "research centre")
        add("sport-england", "Sport England", [], kind: alb)
        add("kcl", "King's College London", ["KCL"], kind: uni)
        add("lse", "London School of Economics and Political Science", ["LSE"],
            aliases: ["London School of Economics"], kind: uni)
        add("edinburgh", "University of Edinburgh", [], aliases: ["Edinburgh University"], kind: uni)
        add("warwick", "University of Warwick", [], aliases: ["Warwick University"], kind: uni)
        add("cog-uk", "COVID-19 Genomics UK Consortium", ["COG-UK"], aliases: ["Covid-19 Genomics UK Consortium"],
            kind: "research consortium")
        add("francis-crick", "Francis Crick Institute", [], aliases: ["Crick Institute"], kind: "research institute")
        add("lstm", "Liverpool School of Tropical Medicine", ["LSTM"], kind: uni)
        add("jenner", "Jenner Institute", [], kind: "research institute")
        add("oxford-vaccine-group", "Oxford Vaccine Group", [], kind: "research institute")
        add("sanger", "Wellcome Sanger Institute", [], aliases: ["Sanger Institute"], kind: "research institute")

        // MARK: International bodies
        add("who", "World Health Organization", ["WHO"], aliases: ["World Health Organisation"], kind: intl)
        add("ecdc", "European Centre for Disease Prevention and Control", ["ECDC"], kind: intl)
        add("cdc", "Centers for Disease Control and Prevention", ["CDC"],
            aliases: ["Centres for Disease Control and Prevention", "Centers for Disease Control"], kind: intl)
        add("ema", "European Medicines Agency", ["EMA"], kind: intl)
        add("eu", "European Union", ["EU"], kind: intl)
        add("european-commission", "European Commission", [], kind: intl)
        add("nato", "North Atlantic Treaty Organization", ["NATO"], aliases: ["North Atlantic Treaty Organisation"], kind: intl)
        add("un", "United Nations", ["UN"], kind: intl)
        add("unicef", "UNICEF", [], aliases: ["United Nations Children's Fund"], kind: intl)
        add("fda", "Food and Drug Administration", ["FDA"], aliases: ["US Food and Drug Administration"], kind: intl)
        add("cepi", "Coalition for Epidemic Preparedness Innovations", ["CEPI"], kind: intl)
        add("gavi", "Gavi, the Vaccine Alliance", [], aliases: ["Gavi"], kind: intl)
        add("oecd", "Organisation for Economic Co-operation and Development", ["OECD"],
            aliases: ["Organisation for Economic Cooperation and Development"], kind: intl)
        add("health-canada", "Health Canada", [], kind: "government department")
        add("phac", "Public Health Agency of Canada", ["PHAC"], kind: "public health agency")
        add("imf", "International Monetary Fund", ["IMF"], kind: intl)
        add("world-bank", "World Bank", [], aliases: ["World Bank Group"], kind: intl)
        add("global-fund", "Global Fund to Fight AIDS, Tuberculosis and Malaria", [], aliases: ["Global Fund"], kind: intl)
        add("gpmb", "Global Preparedness Monitoring Board", ["GPMB"], kind: intl)
        add("africa-cdc", "Africa Centres for Disease Control and Prevention", ["Africa CDC"],
            aliases: ["Africa Centers for Disease Control and Prevention"], kind: intl)
        add("rki", "Robert Koch Institute", ["RKI"], aliases: ["Robert Koch Institut"], kind: "public health agency")
        add("spf", "Santé publique France", [], aliases: ["Sante publique France", "Santé publique"], kind: "public health agency")
        add("rivm", "National Institute for Public Health and the Environment", ["RIVM"], kind: "public health agency")
        add("kdca", "Korea Disease Control and Prevention Agency", ["KDCA"], kind: "public health agency")
        add("cda-singapore", "Communicable Diseases Agency", [], aliases: ["Communicable Disease Agency"],
            kind: "public health agency")
        add("promed", "ProMED", [], aliases: ["ProMED-mail", "Program for Monitoring Emerging Diseases"],
            kind: "surveillance network")
        add("icrc", "International Committee of the Red Cross", ["ICRC"], kind: intl)
        add("isaric", "International Severe Acute Respiratory and Emerging Infection Consortium", ["ISARIC"],
            aliases: ["International Severe Acute Respiratory and emerging Infection Consortium"], kind: "research consortium")

        // MARK: Companies that health-policy evidence keeps naming
        add("astrazeneca", "AstraZeneca", [], aliases: ["Astra Zeneca"], kind: company)
        add("pfizer", "Pfizer", [], kind: company)
        add("biontech", "BioNTech", [], kind: company)
        add("moderna", "Moderna", [], kind: company)
        add("serco", "Serco", [], kind: company)
        add("sitel", "Sitel", [], kind: company)
        add("deloitte", "Deloitte", [], kind: company)
        add("randox", "Randox", [], aliases: ["Randox Laboratories"], kind: company)
        add("palantir", "Palantir", [], aliases: ["Palantir Technologies"], kind: company)
        add("mckinsey", "McKinsey & Company", [], aliases: ["McKinsey"], kind: company)
        add("ppe-medpro", "PPE Medpro", [], kind: company)
        add("roche", "Roche", [], kind: company)
        add("abbott", "Abbott Laboratories", [], kind: company)
        add("innova", "Innova Medical Group", [], aliases: ["Innova"], kind: company)
        add("thermo-fisher", "Thermo Fisher Scientific", [], aliases: ["Thermo Fisher"], kind: company)
        add("oxford-nanopore", "Oxford Nanopore Technologies", [], aliases: ["Oxford Nanopore"], kind: company)
        add("pwc", "PricewaterhouseCoopers", ["PwC"], kind: company)
        add("kpmg", "KPMG", [], kind: company)
        add("accenture", "Accenture", [], kind: company)
        add("boston-consulting-group", "Boston Consulting Group", [], kind: company)
        add("capita", "Capita", [], kind: company)
        add("g4s", "G4S", [], kind: company)
        add("ipsos", "Ipsos", [], aliases: ["Ipsos MORI", "Ipsos Mori"], kind: company)
        add("yougov", "YouGov", [], kind: company)
        add("google", "Google", [], kind: company)
        add("microsoft", "Microsoft", [], kind: company)
        add("amazon", "Amazon", [], kind: company)
        add("bbc", "British Broadcasting Corporation", ["BBC"], kind: "public broadcaster")
        return list
    }
}
