@testable import EvidexServer
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Keeps every log message, so that a test can read what the server logged.
final class CapturedLog: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        var l = Logger(label: "evidex.serve.test") { _ in CapturingHandler(log: self) }
        l.logLevel = .trace
        return l
    }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let text = "\(event.level) \(event.message) " + all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            log.lines.withLock { $0.append(text) }
        }
    }
}

@Suite("Access log")
struct AccessLogTests {
    @Test("One line per request with method, path, status and duration, and never the query")
    func accessLines() async throws {
        let log = CapturedLog()
        try await ServerFixture.withServer(logger: log.logger) { client in
            _ = try await client.get("/api/search?q=confidentialword+xyzzy&limit=1")
            _ = try await client.get("/api/search?q=%ZZsecretescape")
            _ = try await client.get("/?q=privatepagequery")
            _ = try await client.get("/api/nothing?q=hiddentoo")
        }
        let lines = log.lines.withLock { $0 }
        let access = lines.filter { $0.contains(" ms") && $0.hasPrefix("info GET ") }
        #expect(access.count == 4, "\(lines)")
        #expect(access.contains { $0.hasPrefix("info GET /api/search 200 ") })
        #expect(access.contains { $0.hasPrefix("info GET /api/search 400 ") })
        #expect(access.contains { $0.hasPrefix("info GET / 200 ") })
        #expect(access.contains { $0.hasPrefix("info GET /api/nothing 404 ") })
        for secret in ["confidentialword", "xyzzy", "secretescape", "privatepagequery", "hiddentoo"] {
            #expect(!lines.contains { $0.contains(secret) }, "\(secret) was logged")
        }
    }
}
