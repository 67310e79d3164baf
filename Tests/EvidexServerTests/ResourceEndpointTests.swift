import Evidex
@testable import EvidexServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("Quotes, organisations, documents, stats, health, OpenAPI")
struct ResourceEndpointTests {
    @Test("GET /api/quotes: the seed quote with speaker, role and organisation")
    func quotes() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/quotes?q=bitter+irony")
            #expect(r.status == .ok)
            let result = try r.decode(QuoteSearchResult.self)
            let q = try #require(result.quotes.first)
            #expect(q.text.hasPrefix("It is a bitter irony"))
            #expect(q.speaker?.name == "Suzie Bailey")
            #expect(q.speaker?.role?.contains("King’s Fund") == true)
            #expect(q.speaker?.organisation == "The King's Fund")
            #expect(q.document.id == ServerFixture.seedID)

            let bySpeaker = try await client.get("/api/quotes?speaker=Bailey&from=2021-06-01&to=2021-06-30").decode(QuoteSearchResult.self)
            #expect(bySpeaker.quotes.contains { $0.text == q.text })
            #expect(bySpeaker.quotes.allSatisfy { $0.speaker?.name.contains("Bailey") == true })

            let byOrg = try await client.get("/api/quotes?org=King%27s+Fund").decode(QuoteSearchResult.self)
            #expect(byOrg.quotes.allSatisfy { $0.speaker?.organisation == "The King's Fund" })
            #expect(!byOrg.quotes.isEmpty)

            let everything = try await client.get("/api/quotes?q=").decode(QuoteSearchResult.self)
            #expect(everything.total > result.total)
            #expect(everything.quotes.count == 20)

            #expect(try await client.get("/api/quotes?limit=101").errorCode() == "bad_parameter")
            #expect(try await client.get("/api/quotes?from=2021").errorCode() == "bad_parameter")
            #expect(try await client.get("/api/quotes?speaker=").errorCode() == "bad_parameter")
        }
    }

    @Test("GET /api/orgs and /api/orgs/{name} by name, acronym or alias")
    func organisations() async throws {
        try await ServerFixture.withServer { client in
            let all = try await client.get("/api/orgs").decode([OrganisationSummary].self)
            #expect(all.contains { $0.name == "Health Education England" })
            let two = try await client.get("/api/orgs?limit=2").decode([OrganisationSummary].self)
            #expect(two == Array(all.prefix(2)))

            let hee = try await client.get("/api/orgs/HEE")
            #expect(hee.status == .ok)
            let detail = try hee.decode(OrganisationDetail.self)
            #expect(detail.name == "Health Education England")
            #expect(detail.acronyms.contains("HEE"))
            #expect(hee.text.contains("\"former_names\""))

            let kf = try await client.get("/api/orgs/Kings%20Fund").decode(OrganisationDetail.self)
            #expect(kf.name == "The King's Fund")
            #expect(kf.speakers.contains { $0.name == "Suzie Bailey" })

            let none = try await client.get("/api/orgs/No%20Such%20Body%20Anywhere")
            #expect(none.status == .notFound)
            #expect(try none.errorCode() == "not_found")
        }
    }

    @Test("GET /api/documents/{id}: plain ids, ids with slashes (raw or %2F), unknown ids")
    func documents() async throws {
        try await ServerFixture.withServer { client in
            let seed = try await client.get("/api/documents/" + ServerFixture.seedID)
            #expect(seed.status == .ok)
            let doc = try seed.decode(Document.self)
            #expect(doc.id == ServerFixture.seedID)
            #expect(doc.body.contains("It is a bitter irony"))

            let hits = try await client.get("/api/search?q=*&limit=100").decode(SearchResult.self).hits
            let nested = try #require(hits.first { $0.id.contains("/") }?.id)
            let raw = try await client.get("/api/documents/" + nested)
            #expect(raw.status == .ok)
            let encoded = try await client.get("/api/documents/" + nested.replacingOccurrences(of: "/", with: "%2F"))
            #expect(encoded.status == .ok)
            #expect(try encoded.decode(Document.self).id == nested)

            let missing = try await client.get("/api/documents/no-such-document.txt")
            #expect(missing.status == .notFound)
            #expect(try missing.errorCode() == "not_found")
        }
    }

    @Test("A document whose source file is gone is 409 source_unavailable; searches still list it")
    func sourceGone() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-serve-src-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ServerFixture.corpus, toPath: scratch + "/corpus")
        _ = try CorpusIndexer.run(paths: [scratch + "/corpus"], indexDirectory: scratch + "/index", options: IndexingOptions(threads: 1))
        try FileManager.default.removeItem(atPath: scratch + "/corpus/" + ServerFixture.seedID)
        try await ServerFixture.withServer(index: scratch + "/index") { client in
            let gone = try await client.get("/api/documents/" + ServerFixture.seedID)
            #expect(gone.status == .conflict)
            #expect(try gone.errorCode() == "source_unavailable")
            let hit = try #require(try await client.get("/api/search?q=%22bitter+irony%22").decode(SearchResult.self).hits.first)
            #expect(hit.id == ServerFixture.seedID && hit.problem != nil && hit.snippets.isEmpty)
        }
    }

    @Test("Traversal in document ids is only an id that does not exist", arguments: [
        "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2E%2E/%2E%2E/etc/passwd",
        "..", "%2e%2e", "news/../../Package.swift", "..%5c..%5cetc%5cpasswd",
    ])
    func traversal(_ id: String) async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/api/documents/" + id)
            #expect(r.status == .notFound)
            #expect(try r.errorCode() == "not_found")
            #expect(!r.text.contains("root:"))
            #expect(!r.text.contains("PackageDescription"))
        }
    }

    @Test("Bad encoding in a path id is 400, an empty id is no route")
    func badPathIDs() async throws {
        try await ServerFixture.withServer { client in
            #expect(try await client.get("/api/documents/%ZZ").errorCode() == "bad_encoding")
            #expect(try await client.get("/api/documents/%C3%28").errorCode() == "bad_encoding")
            #expect(try await client.get("/api/orgs/%FF").errorCode() == "bad_encoding")
            let empty = try await client.get("/api/documents/")
            #expect(empty.status == .notFound)
        }
    }

    @Test("GET /api/stats is `evidex stats --json`; /healthz answers")
    func statsAndHealth() async throws {
        let dir = try ServerFixture.corpusIndex()
        let expected = IndexStats(snapshot: try IndexSnapshot(directory: dir))
        try await ServerFixture.withServer { client in
            let stats = try await client.get("/api/stats")
            #expect(try stats.decode(IndexStats.self) == expected)
            #expect(stats.text == JSONOutput.encode(expected))
            #expect(expected.documents >= 15)
            let withSections = try await client.get("/api/stats?sections=true").decode(IndexStats.self)
            #expect(withSections.sections?["storeData"] != nil)

            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.text == "{\"documents\":\(expected.documents),\"generation\":\(expected.generation),\"status\":\"ok\"}")
        }
    }

    @Test("GET /openapi.yaml is OpenAPI 3.1 and describes every route the server has")
    func openAPI() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/openapi.yaml")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(r.text.hasPrefix("openapi: 3.1.0"))
            for path in ServerRoutes.exactPaths where path != "/app.js" {
                #expect(r.text.contains("\n  \(path):\n"), "\(path) is not in openapi.yaml")
            }
            #expect(r.text.contains("\n  /api/documents/{id}:\n"))
            #expect(r.text.contains("\n  /api/orgs/{name}:\n"))
            #expect(r.text.contains("\n  /documents/{id}:\n"))
            // The limits the document states are the server's.
            let limits = ServerLimits()
            #expect(r.text.contains("at most \(limits.maxQueryStringBytes) bytes"))
            #expect(r.text.contains("maximum: \(limits.maxLimit), default: 10"))
            #expect(r.text.contains("maxLength: \(limits.maxParameterBytes)"))
        }
    }

    @Test("Unknown routes are a JSON 404; other methods a 405 with Allow; HEAD works")
    func routing() async throws {
        try await ServerFixture.withServer { client in
            let unknown = try await client.get("/api/nothing")
            #expect(unknown.status == .notFound)
            #expect(try unknown.errorCode() == "not_found")

            let post = try await client.execute(uri: "/api/search?q=x", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(try post.errorCode() == "method_not_allowed")
            #expect(post.headers[.allow] == "GET, HEAD")

            let delete = try await client.execute(uri: "/api/documents/" + ServerFixture.seedID, method: .delete)
            #expect(delete.status == .methodNotAllowed)

            let head = try await client.execute(uri: "/healthz", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
        }
    }
}
