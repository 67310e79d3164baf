import ArgumentParser
import Evidex
import EvidexServer
import Foundation
import Logging
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the search page over HTTP.",
        discussion: """
            Endpoints: GET / (search page), /api/search, /api/quotes, /api/orgs, /api/orgs/{name}, \
            /api/documents/{id}, /api/stats, /healthz, /openapi.yaml (see README). Answers from the \
            index's latest commit: a commit by `evidex index` is picked up without a restart. \
            Stops gracefully on SIGINT or SIGTERM. One access line per request goes to stderr \
            (method, path, status, duration; never the query).
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "Address to listen on (loopback by default; the server has no authentication).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one, printed at start).") var port = 8080
    @Option(help: "Search threads (default: one per core).") var threads: Int?
    @Option(help: "Time limit per request in milliseconds (past it: 504).") var timeLimitMs = 5000
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard timeLimitMs > 0 else { throw ValidationError("--time-limit-ms must be positive") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level \(logLevel)") }
    }

    /// Synchronous, so that the other commands need no async main: an async main parks the
    /// main thread in libdispatch (`dispatchMain`), which costs every short command its start-up
    /// and makes valgrind abort. The server runs on the global executor while this thread waits.
    func run() throws {
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let command = self
        Task {
            let result: Result<Void, any Error>
            do { try await command.serve(); result = .success(()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }?.get()
    }

    private func serve() async throws {
        // The default index builds itself from corpus/ here, as for the other commands.
        do { _ = try openSnapshot(indexOptions) } catch { throw fail(String(describing: error)) }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.indexDirectory = indexOptions.directory
        if let threads { config.threads = threads }
        config.limits.timeLimit = .milliseconds(timeLimitMs)
        let logger = Logger(label: "evidex.serve")
        let host = self.host
        let directory = indexOptions.directory
        do {
            try await SearchServer.run(config, logger: logger) { port in
                Terminal.error("evidex: serving \(directory) on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            }
        } catch let error as IndexError {
            throw fail(error.description)
        }
    }
}
