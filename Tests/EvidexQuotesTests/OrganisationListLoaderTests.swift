import Foundation
import Testing
@testable import EvidexQuotes

private typealias S = OrganisationTestSupport

@Suite struct OrganisationListLoaderTests {
    static let govuk = S.sharedData("uk-gov-organisations")
    static let nhs = S.sharedData("nhs-organisations")

    @Test(.enabled(if: govuk != nil, "shared/data/uk-gov-organisations not found; skipping GOV.UK loader test"))
    func govukAPIJSON() throws {
        let url = Self.govuk!.appendingPathComponent("govuk-api-2026-02/govuk_extant_orgs.json")
        let records = try OrganisationListLoader.load(contentsOf: url)
        #expect(records.count > 600)
        let dhsc = records.first { $0.id == "department-of-health-and-social-care" }
        #expect(dhsc?.acronyms == ["DHSC"])
        let merged = OrganisationGazetteer.builtIn.merging(records)
        #expect(merged.record(named: "DHSC")?.id == "dhsc")
        #expect(merged.record(named: "OHID")?.name == "Office for Health Improvement and Disparities")
        #expect(merged.record(named: "NHSBSA") != nil)
    }

    @Test(.enabled(if: govuk != nil, "shared/data/uk-gov-organisations not found; skipping register TSV test"))
    func govukRegisterTSV() throws {
        let url = Self.govuk!.appendingPathComponent("openregister-2017/lists/govuk/list.tsv")
        let records = try OrganisationListLoader.load(contentsOf: url)
        #expect(records.contains { $0.name == "Health Education England" && $0.acronyms == ["HEE"] })
    }

    @Test(.enabled(if: nhs != nil, "shared/data/nhs-organisations not found; skipping ODS loader test"))
    func odsTrustsAndCCGs() throws {
        let trusts = try OrganisationListLoader.load(contentsOf: Self.nhs!.appendingPathComponent("etr.csv"))
        #expect(trusts.count > 200)
        #expect(trusts.contains { $0.name == "North London NHS Foundation Trust" && $0.kind == "NHS trust" })
        let ccgs = try OrganisationListLoader.load(contentsOf: Self.nhs!.appendingPathComponent("eccg.csv"))
        #expect(ccgs.contains { $0.name == "NHS North East and North Cumbria Integrated Care Board" })
        #expect(ccgs.contains { $0.kind == "CCG" && $0.successor != nil })
        let linker = OrganisationLinker(gazetteer: .builtIn.merging(trusts))
        #expect(S.names("Staff at North London NHS Foundation Trust said", linker) == ["North London NHS Foundation Trust"])
    }

    @Test(.enabled(if: nhs != nil, "shared/data/nhs-organisations not found; skipping ONS ICB test"))
    func onsICBNames() throws {
        let icbs = try OrganisationListLoader.load(contentsOf: Self.nhs!.appendingPathComponent("icb_names_codes_dec_2024.csv"))
        #expect(icbs.count == 42)
        let linker = OrganisationLinker(gazetteer: .builtIn.merging(icbs))
        #expect(S.names("Cheshire and Merseyside ICB agreed", linker) == ["NHS Cheshire and Merseyside Integrated Care Board"])
        #expect(linker.link("Cheshire and Merseyside ICB").first?.organisationID == "ods:QYG")
    }

    @Test func typedErrorsNameTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.json")
        #expect(throws: OrganisationListError.self) { try OrganisationListLoader.load(contentsOf: missing) }
        let odd = dir.appendingPathComponent("odd.txt")
        try Data("hello world\n".utf8).write(to: odd)
        do {
            _ = try OrganisationListLoader.load(contentsOf: odd)
            Issue.record("expected an error")
        } catch {
            #expect(error == .unrecognisedFormat(path: odd.path))
            #expect(error.description.contains("odd.txt"))
        }
        let badJSON = dir.appendingPathComponent("bad.json")
        try Data("[{\"title\": 3}".utf8).write(to: badJSON)
        #expect(throws: OrganisationListError.self) { try OrganisationListLoader.load(contentsOf: badJSON) }
    }
}
