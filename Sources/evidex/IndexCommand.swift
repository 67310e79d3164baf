import ArgumentParser
import Evidex
import Foundation

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index folders and files (default: corpus/) into the index folder.",
        discussion: """
            Formats: raw news text (.txt), Markdown or text with front matter (.md, .txt), HTML \
            (.html, .htm), evidence transcripts (.rst, plain-text oral evidence), JSONL (.jsonl, \
            .ndjson), and .gz versions of each. A document whose id is already indexed is replaced. \
            Files that fail are listed at the end and the exit code is 2.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "Folders or files to index.")
    var paths: [String] = []

    @Option(name: .customLong("files-from"), help: "Also the folders or files listed in FILE, one a line (- for standard input): for many files.")
    var filesFrom: String?

    @Option(help: "Indexing threads; with more than one, the closing merge also runs on two (default: every core).")
    var threads: Int = IndexWriterOptions.defaultThreads

    @Option(name: .customLong("memory-mb"), help: "Memory budget for indexing, in MB: buffered postings, segments being written and caches stay within it.")
    var memoryMB: Int = 256

    @Flag(help: "Delete documents whose files are no longer under the indexed folders.")
    var prune = false

    @Flag(help: "Discard the existing index and build it again.")
    var rebuild = false

    @Option(name: .customLong("max-segments"), help: "Merge down to this many segments after indexing.")
    var maxSegments: Int = 8

    @Option(name: .customLong("orgs"), help: "An organisation list to link mentions and speakers to as well: GOV.UK organisations API JSON or NHS ODS CSV; repeatable. Kept in the index for org: queries.")
    var organisationLists: [String] = []

    @Flag(name: .customLong("no-quotes"), help: "Skip quotation extraction and organisation linking.")
    var noQuotes = false

    @Option(name: .customLong("max-document-mb"), help: "Largest document accepted, in MB (a file, a JSONL line or a .gz file's content); larger ones are reported and skipped.")
    var maxDocumentMB: Int = 8

    @Option(help: "Where document text is kept: `source` reads it back from the indexed files (a small index; re-index after editing or moving them), `copy` keeps a compressed copy in the index (self-contained).")
    var store: DocumentStoreMode = .references

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let listed: [String]
        do { listed = try PathList.paths(self.paths, filesFrom: filesFrom) } catch { throw fail(error.description) }
        let paths = listed.isEmpty && filesFrom == nil ? ["corpus"] : listed
        guard !paths.isEmpty else { throw fail("the path list \(filesFrom ?? "") is empty: give folders or files to index") }
        for p in paths where !FileManager.default.fileExists(atPath: p) {
            throw fail("\(p) does not exist: give a folder or file to index")
        }
        let records = try OrganisationLists.records(loading: organisationLists)
        let options = IndexingOptions(threads: threads, memoryBudget: memoryMB << 20, prune: prune, rebuild: rebuild,
                                      maxFileBytes: max(1, maxDocumentMB) << 20, maxSegments: maxSegments, organisations: records, annotate: !noQuotes, store: store)
        let report: IndexingReport
        do {
            report = try CorpusIndexer.run(paths: paths, indexDirectory: indexOptions.directory, options: options,
                                           progress: json ? nil : Terminal.progressPrinter())
        } catch {
            Terminal.clearProgress()
            throw fail(String(describing: error))
        }
        Terminal.clearProgress()
        if json {
            JSONOutput.print(IndexReportJSON(report))
        } else {
            let mb = Double(report.bytes) / 1e6
            print("Indexed \(report.documents) documents from \(report.files) files (\(String(format: "%.1f", mb)) MB) in \(String(format: "%.2f", report.seconds)) s"
                + (report.seconds > 0 ? String(format: ": %.0f docs/s, %.1f MB/s", Double(report.documents) / report.seconds, mb / report.seconds) : "")
                + (report.unchangedFiles > 0 ? "; \(report.unchangedFiles) unchanged files skipped" : ""))
            if let c = report.commit {
                print("Commit \(c.generation): \(c.segments) segments, \(c.replacedDocuments) replaced, \(report.pruned) pruned, \(report.mergedSegments) segments merged")
            }
        }
        for w in report.warnings { Terminal.error("warning: " + w.description) }
        if !report.failures.isEmpty {
            Terminal.error("\(report.failures.count) file(s) or line(s) failed and were not indexed:")
            for f in report.failures { Terminal.error("  " + f.description) }
            throw ExitStatus.partial
        }
    }
}

struct IndexReportJSON: Encodable {
    var files: Int
    /// Files skipped as unchanged since they were indexed.
    var unchanged: Int
    var documents: Int
    var bytes: Int
    var seconds: Double
    var generation: UInt64?
    var segments: Int?
    var replaced: Int?
    var pruned: Int
    var errors: [String]
    var warnings: [String]

    init(_ r: IndexingReport) {
        files = r.files
        unchanged = r.unchangedFiles
        documents = r.documents
        bytes = r.bytes
        seconds = r.seconds
        generation = r.commit?.generation
        segments = r.commit?.segments
        replaced = r.commit?.replacedDocuments
        pruned = r.pruned
        errors = r.failures.map(\.description)
        warnings = r.warnings.map(\.description)
    }
}

extension DocumentStoreMode: ExpressibleByArgument {}
