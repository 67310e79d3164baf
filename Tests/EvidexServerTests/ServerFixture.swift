import Evidex
@testable import EvidexServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// An index of the repository's `corpus/`, built once per test run into a temporary folder,
/// and servers over it or over indexes a test makes itself.
enum ServerFixture {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static var corpus: String { repositoryRoot.appendingPathComponent("corpus").path }

    static let seedID = "ics-discrimination-2021-06-08.txt"

    private static let built = Mutex<String?>(nil)

    /// The shared corpus index (read-only: tests that change an index make their own).
    static func corpusIndex() throws -> String {
        try built.withLock { path in
            if let path { return path }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-serve-\(UUID().uuidString)").path
            let report = try CorpusIndexer.run(paths: [corpus], indexDirectory: dir, options: IndexingOptions(threads: 2))
            #expect(report.failures.isEmpty, "\(report.failures)")
            atexit { ServerFixture.removeCorpusIndex() }
            path = dir
            return dir
        }
    }

    private static func removeCorpusIndex() {
        if let dir = built.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: dir) }
    }

    static func configuration(index: String, limits: ServerLimits = ServerLimits()) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.indexDirectory = index
        c.port = 0
        c.threads = 2
        c.limits = limits
        return c
    }

    static let quietLogger: Logger = {
        var l = Logger(label: "evidex.serve.test", factory: { _ in SwiftLogNoOpLogHandler() })
        l.logLevel = .critical
        return l
    }()

    /// Runs `body` against a server over the corpus index (or `index`), requests going
    /// straight to the router.
    static func withServer<T: Sendable>(
        index: String? = nil, limits: ServerLimits = ServerLimits(), logger: Logger = quietLogger,
        _ body: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let dir = try index ?? corpusIndex()
        let app = try SearchServer.application(configuration(index: dir, limits: limits), logger: logger)
        return try await app.test(.router, body)
    }
}

/// `{"error": {"code", "message"}}`.
struct ErrorBody: Decodable {
    struct Detail: Decodable {
        let code: String
        let message: String
    }
    let error: Detail
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// The error's code, after checking the body has the error shape and JSON content type.
    func errorCode() throws -> String {
        #expect(headers[.contentType]?.hasPrefix("application/json") == true)
        return try decode(ErrorBody.self).error.code
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

/// The highlighted parts of a snippet's text.
func highlightedTexts(_ text: String, _ spans: [[Int]]) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return spans.map { h in
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[h[0]..<h[1]])
        return s
    }
}
