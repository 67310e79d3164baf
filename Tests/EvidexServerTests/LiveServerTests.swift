@testable import EvidexServer
import HummingbirdTesting
import Testing

@Suite("Over a real socket")
struct LiveServerTests {
    @Test("The HTTP server answers, refuses a 100 KB request line without falling over, and goes on")
    func live() async throws {
        let app = try SearchServer.application(
            ServerFixture.configuration(index: try ServerFixture.corpusIndex()), logger: ServerFixture.quietLogger)
        try await app.test(.live) { client in
            let r = try await client.get("/api/search?q=%22bitter+irony%22")
            #expect(r.status == .ok)
            #expect(r.text.contains(ServerFixture.seedID))

            let long = try await client.get("/api/search?q=" + String(repeating: "a", count: 9000))
            #expect(long.status == .uriTooLong)
            #expect(try long.errorCode() == "uri_too_long")

            let port = try #require(client.port)
            // Past the HTTP parser's limit on a request head (80 KB) the server refuses the
            // request and closes that connection, on a connection of its own here.
            let huge = String(repeating: "nurse+", count: 100_000 / 6)
            try await TestClient.withClient(host: "127.0.0.1", port: port) { other in
                do {
                    let r = try await other.get("/api/search?q=" + huge)
                    #expect((400..<500).contains(r.status.code))
                } catch {
                    // Closed without an answer: a refusal too.
                }
            }
            // The server goes on answering, on the first connection and on new ones.
            #expect(try await client.get("/healthz").status == .ok)
            let fresh = try await TestClient.withClient(host: "127.0.0.1", port: port) { other in
                try await other.get("/api/search?q=burnout").status
            }
            #expect(fresh == .ok)
        }
    }
}
