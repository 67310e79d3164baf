import Evidex
@testable import EvidexServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("GET /api/search")
struct SearchEndpointTests {
    @Test("\"bitter irony\" finds the seed article with the phrase highlighted as one span")
    func bitterIrony() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/search?q=%22bitter+irony%22")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json; charset=utf-8")
            #expect(r.headers[ServerHeaders.generation] != nil)
            let result = try r.decode(SearchResult.self)
            #expect(result.query == "\"bitter irony\"")
            #expect(result.total == 1)
            let top = try #require(result.hits.first)
            #expect(top.id == ServerFixture.seedID)
            #expect(top.date == "2021-06-08")
            let marked = top.snippets.flatMap { highlightedTexts($0.text, $0.highlights) }
            #expect(marked.contains { $0.lowercased() == "bitter irony" }, "\(marked)")
            let facets = try #require(result.facets)
            #expect(facets.organisation.contains { $0.value == "The King's Fund" })
            #expect(facets.year.map(\.value) == ["2021"])
        }
    }

    @Test("The body is the CLI's --json for the same search, byte for byte but the time")
    func sameShapeAsCLI() async throws {
        let dir = try ServerFixture.corpusIndex()
        let snapshot = try IndexSnapshot(directory: dir)
        let searcher = try Searcher(snapshot: snapshot, organisations: try OrganisationStore.gazetteer(in: dir))
        var cli = try searcher.search("burnout", options: SearchRequest(query: "burnout", limit: 3, kind: "news").options())
        cli.tookMs = 0
        let expected = cli
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/search?q=burnout&limit=3&kind=news")
            var got = try r.decode(SearchResult.self)
            #expect(got.hits.count >= 1)
            got.tookMs = 0
            #expect(JSONOutput.encode(got) == JSONOutput.encode(expected))
            // Keys exactly as the CLI writes them (snake case took_ms, sorted keys).
            #expect(r.text.hasPrefix("{\"facets\":"))
            #expect(r.text.contains("\"took_ms\":"))
        }
    }

    @Test("+ and %20 are both a space; %2B is a plus")
    func formEncoding() async throws {
        try await ServerFixture.withServer { client in
            let plus = try await client.get("/api/search?q=%22bitter+irony%22").decode(SearchResult.self)
            let pct = try await client.get("/api/search?q=%22bitter%20irony%22").decode(SearchResult.self)
            #expect(plus.query == "\"bitter irony\"")
            #expect(plus.hits.map(\.id) == pct.hits.map(\.id))
            let literal = try await client.get("/api/search?q=%2Bburnout").decode(SearchResult.self)
            #expect(literal.query == "+burnout")
        }
    }

    @Test("Filters: kind, dates, source, org; and paging")
    func filters() async throws {
        try await ServerFixture.withServer { client in
            let evidence = try await client.get("/api/search?q=workforce&kind=evidence").decode(SearchResult.self)
            #expect(!evidence.hits.isEmpty)
            #expect(evidence.hits.allSatisfy { $0.kind == "evidence" })

            let dated = try await client.get("/api/search?q=staff&from=2021-01-01&to=2021-12-31&limit=100").decode(SearchResult.self)
            #expect(!dated.hits.isEmpty)
            #expect(dated.hits.allSatisfy { ($0.date ?? "").hasPrefix("2021") })

            let all = try await client.get("/api/search?q=staff&limit=100").decode(SearchResult.self)
            #expect((all.total ?? 0) > (dated.total ?? 0))

            let byOrg = try await client.get("/api/search?q=burnout&org=Kings+Fund").decode(SearchResult.self)
            #expect(byOrg.hits.map(\.id).contains(ServerFixture.seedID))

            let page2 = try await client.get("/api/search?q=staff&limit=2&offset=2").decode(SearchResult.self)
            #expect(page2.hits.map(\.id) == Array(all.hits.map(\.id)[2..<4]))

            let none = try await client.get("/api/search?q=staff&limit=0").decode(SearchResult.self)
            #expect(none.hits.isEmpty)
            #expect(none.total == all.total)
        }
    }

    @Test("explain=true adds each hit's score breakdown")
    func explain() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/search?q=burnout&explain=true&limit=1").decode(SearchResult.self)
            let e = try #require(r.hits.first?.explanation)
            #expect(abs(e.value - r.hits[0].score) < 1e-9)
            let plain = try await client.get("/api/search?q=burnout&limit=1").decode(SearchResult.self)
            #expect(plain.hits.first?.explanation == nil)
        }
    }

    @Test("Unknown parameters are ignored")
    func unknownParameters() async throws {
        try await ServerFixture.withServer { client in
            let plain = try await client.get("/api/search?q=burnout").decode(SearchResult.self)
            let extra = try await client.get("/api/search?utm_source=x&q=burnout&flag&=v&&").decode(SearchResult.self)
            #expect(plain.hits.map(\.id) == extra.hits.map(\.id))
            #expect(!plain.hits.isEmpty)
        }
    }

    @Test("limit and offset out of range, not numbers, or huge are 400, never clamped", arguments: [
        "limit=-1", "limit=101", "limit=99999999999999999999999", "limit=abc", "limit=1.5", "limit=", "limit=+5",
        "offset=-1", "offset=10001", "explain=yes", "kind=podcast", "from=2021-13-01", "from=2021-1-5", "to=yesterday",
        "source=",
    ])
    func badParameters(_ parameter: String) async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/search?q=burnout&" + parameter)
            #expect(r.status == .badRequest)
            #expect(try r.errorCode() == "bad_parameter")
        }
    }

    @Test("A missing or empty query and a query that does not parse are 400")
    func badQueries() async throws {
        try await ServerFixture.withServer { client in
            #expect(try await client.get("/api/search").errorCode() == "bad_parameter")
            #expect(try await client.get("/api/search?q=").errorCode() == "bad_parameter")
            let r = try await client.get("/api/search?q=%28burnout")
            #expect(r.status == .badRequest)
            let body = try r.decode(ErrorBody.self)
            #expect(body.error.code == "bad_query")
            #expect(body.error.message.contains("column"))
        }
    }
}
