@testable import EvidexServer
import HummingbirdTesting
import Testing

@Suite("Query string and path decoding")
struct InputDecodingTests {
    @Test("Pairs are split on & and =, decoded with + as space; names without = have empty values")
    func pairs() throws {
        let p = try QueryStringDecoder.decode("q=bitter+irony&x&a%20b=c%2Bd&empty=&=v", maxBytes: 100)
        #expect(p.map(\.name) == ["q", "x", "a b", "empty", ""])
        #expect(p.map(\.value) == ["bitter irony", "", "c+d", "", "v"])
        #expect(try QueryStringDecoder.decode(nil, maxBytes: 10).isEmpty)
        #expect(try QueryStringDecoder.decode("q=%E2%80%9Cquoted%E2%80%9D", maxBytes: 100).first?.value == "“quoted”")
    }

    @Test("Invalid percent-escapes are refused", arguments: ["%", "%4", "%ZZ", "%G1", "abc%", "%%41"])
    func badEscapes(_ raw: String) {
        #expect(throws: APIError.self) { try QueryStringDecoder.decode("q=" + raw, maxBytes: 100) }
        do {
            _ = try QueryStringDecoder.decode("q=" + raw, maxBytes: 100)
        } catch {
            #expect(error.code == "bad_encoding")
            #expect(error.status == .badRequest)
        }
    }

    @Test("Bytes that are not UTF-8 are refused", arguments: ["%FF", "%C3%28", "%ED%A0%80", "%F0%9F%98", "%C0%AF"])
    func badUTF8(_ raw: String) {
        do {
            _ = try QueryStringDecoder.decode("q=" + raw, maxBytes: 100)
            Issue.record("\(raw) was accepted")
        } catch {
            #expect(error.code == "bad_encoding")
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test("Over-long query strings are 414 before any decoding")
    func tooLong() {
        do {
            _ = try QueryStringDecoder.decode(String(repeating: "a", count: 101), maxBytes: 100)
            Issue.record("accepted")
        } catch {
            #expect(error.status == .uriTooLong)
        }
    }

    @Test("Through the server: bad escapes and bad UTF-8 anywhere in the query string are 400")
    func overHTTP() async throws {
        try await ServerFixture.withServer { client in
            for uri in ["/api/search?q=%ZZ", "/api/search?q=bitter%2", "/api/search?q=%C3%28", "/api/search?q=ok&x=%FF",
                        "/api/quotes?q=%E2%80", "/api/orgs?limit=%", "/api/stats?%FF=1", "/?q=%C3%28"] {
                let r = try await client.get(uri)
                #expect(r.status == .badRequest, "\(uri)")
                if !uri.hasPrefix("/?") { #expect(try r.errorCode() == "bad_encoding", "\(uri)") }
            }
        }
    }

    @Test("A 100 KB query is 414; a parameter over 2 KB is 400 too_long")
    func longQueries() async throws {
        try await ServerFixture.withServer { client in
            let huge = try await client.get("/api/search?q=" + String(repeating: "nurse+", count: 100_000 / 6))
            #expect(huge.status == .uriTooLong)
            #expect(try huge.errorCode() == "uri_too_long")
            let long = try await client.get("/api/search?q=" + String(repeating: "a", count: 3000))
            #expect(long.status == .badRequest)
            #expect(try long.errorCode() == "too_long")
            let hugePage = try await client.get("/?q=" + String(repeating: "a", count: 100_000))
            #expect(hugePage.status == .uriTooLong)
        }
    }
}
