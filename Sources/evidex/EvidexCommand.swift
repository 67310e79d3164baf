import ArgumentParser
import Evidex
import Foundation

@main
struct EvidexCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "evidex",
        abstract: "Full-text search for news articles and committee evidence.",
        discussion: """
            Exit codes: 0 success; 1 error (no index, damaged index, bad query, I/O); \
            2 indexing finished but some files or lines failed (listed on stderr); \
            3 the document id does not exist (show, delete); 64 bad command-line usage.
            """,
        version: version,
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self,
            AnalyzeCommand.self, DeleteCommand.self, VerifyCommand.self, QueryCommand.self, ExtractCommand.self,
            QuotesCommand.self, OrgsCommand.self, ServeCommand.self, EvalCommand.self,
        ]
    )

    static func main() {
        // A write past the file-size limit (`ulimit -f`) then fails with EFBIG, which the
        // index reports as an I/O error naming the file, instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}

/// Options every command that touches an index takes.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "Index folder (default: $EVIDEX_INDEX or ./index).")
    var index: String?

    var directory: String {
        index ?? ProcessInfo.processInfo.environment["EVIDEX_INDEX"] ?? "index"
    }
}

/// Exit statuses (README, "Exit codes").
enum ExitStatus {
    static let failure = ExitCode(1)
    static let partial = ExitCode(2)
    static let notFound = ExitCode(3)
}

/// Prints a user-facing error to stderr and returns the failure exit code.
func fail(_ message: String, code: ExitCode = ExitStatus.failure) -> ExitCode {
    Terminal.error("evidex: " + message)
    return code
}

/// Opens the index, building it from ./corpus first when the default index is missing, so
/// that the README's one command works on a fresh clone.
func openSnapshot(_ options: IndexOptions) throws -> IndexSnapshot {
    let dir = options.directory
    if !IndexDirectory.exists(dir) {
        let corpus = "corpus"
        if options.index == nil && ProcessInfo.processInfo.environment["EVIDEX_INDEX"] == nil
            && FileManager.default.fileExists(atPath: corpus) {
            Terminal.error("evidex: no index at \(dir); building it from \(corpus)/ …")
            let report = try CorpusIndexer.run(paths: [corpus], indexDirectory: dir, progress: Terminal.progressPrinter())
            Terminal.clearProgress()
            Terminal.error("evidex: indexed \(report.documents) documents from \(report.files) files in \(String(format: "%.1f", report.seconds)) s")
            for p in report.problems { Terminal.error("  " + p.description) }
        } else {
            throw IndexError.notFound(path: dir)
        }
    }
    do {
        return try IndexSnapshot(directory: dir)
    } catch {
        // The default index is built from the shipped corpus, so an old format is rebuilt
        // rather than refused.
        guard case .unsupportedVersion(let file, let found, let supported) = error,
              options.index == nil, ProcessInfo.processInfo.environment["EVIDEX_INDEX"] == nil,
              FileManager.default.fileExists(atPath: "corpus") else { throw error }
        Terminal.error("evidex: \(file) is index format \(found); rebuilding \(dir) from corpus/ in format \(supported) …")
        let report = try CorpusIndexer.run(paths: ["corpus"], indexDirectory: dir,
                                           options: IndexingOptions(rebuild: true), progress: Terminal.progressPrinter())
        Terminal.clearProgress()
        Terminal.error("evidex: indexed \(report.documents) documents from \(report.files) files in \(String(format: "%.1f", report.seconds)) s")
        return try IndexSnapshot(directory: dir)
    }
}
