@testable import Evidex
import EvidexIndex
import EvidexSearch
import Foundation
import Testing

@Suite("Indexing with one reader for two workers")
struct SharedReaderTests {
    /// The shipped articles, many times over under new ids: one JSONL file of many batches.
    static func articles(copies: Int) throws -> (file: String, scratch: ScratchIndex, count: Int) {
        let articles = SharedData.repositoryRoot.appendingPathComponent("corpus/articles.jsonl")
        let lines = try String(contentsOf: articles, encoding: .utf8).split(separator: "\n")
        var out = ""
        for copy in 0..<copies {
            for line in lines {
                var doc = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                doc["id"] = "\(doc["id"] ?? "")-\(copy)"
                out += String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self) + "\n"
            }
        }
        let scratch = ScratchIndex()
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        let file = scratch.path + "/articles.jsonl"
        try out.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, scratch, lines.count * copies)
    }

    /// The shipped articles, many times over, one file each: a folder of many small files.
    static func articleFiles(copies: Int) throws -> (folder: String, scratch: ScratchIndex, count: Int) {
        let (file, scratch, count) = try articles(copies: copies)
        let folder = scratch.path + "/files"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        for (n, line) in lines.enumerated() {
            try (String(line) + "\n").write(toFile: folder + "/article-\(n).jsonl", atomically: false, encoding: .utf8)
        }
        try FileManager.default.removeItem(atPath: file)
        return (folder, scratch, count)
    }

    /// Builds `file` with one worker, and with one reader feeding a worker and a second worker
    /// started at the first batch; both indexes must hold the same documents and hits (and
    /// quotations, when annotating). Returns the second build's report.
    static func compare(_ file: String, count: Int, annotate: Bool) throws -> IndexingReport {
        let alone = ScratchIndex()
        let one = try CorpusIndexer.run(paths: [file], indexDirectory: alone.path,
                                        options: IndexingOptions(threads: 1, annotate: annotate))
        var options = IndexingOptions(threads: 2, annotate: annotate)
        options.sharedReader = IndexingOptions.SharedReader(unreadBytes: 0, fullPuts: 0)
        let shared = ScratchIndex()
        let two = try CorpusIndexer.run(paths: [file], indexDirectory: shared.path, options: options)
        #expect(one.failures.isEmpty && two.failures.isEmpty)
        #expect(one.documents == count && two.documents == count)
        #expect(try IndexSnapshot(directory: shared.path).liveDocCount == count)

        let a = try Searcher(snapshot: try IndexSnapshot(directory: alone.path))
        let b = try Searcher(snapshot: try IndexSnapshot(directory: shared.path))
        for q in ["\"Health Education England\"", "workforce AND training", "merger", "trainee~1"] {
            let x = try a.search(q, options: SearchOptions(limit: 1000))
            let y = try b.search(q, options: SearchOptions(limit: 1000))
            #expect((x.total ?? 0) > 0 && x.total == y.total, "\(q)")
            #expect(Set(x.hits.map(\.id)) == Set(y.hits.map(\.id)), "\(q)")
        }
        if annotate {
            let x = try a.search("org:HEE", options: SearchOptions(limit: 1000))
            let y = try b.search("org:HEE", options: SearchOptions(limit: 1000))
            #expect((x.total ?? 0) > 0 && x.total == y.total)
            let p = try a.quotes("workforce"), q = try b.quotes("workforce")
            #expect(p.total > 0 && p.total == q.total)
            #expect(p.quotes.map(\.text).sorted() == q.quotes.map(\.text).sorted())
        }
        return two
    }

    /// Without quotations the reader is far ahead, so both workers usually take batches and
    /// write segments, which the build then merges (how many each takes is up to the
    /// scheduler; `BatchPipeTests` checks that two takers share a pipe).
    @Test("A second worker started mid-build loses and doubles nothing")
    func secondWorkerMidBuild() throws {
        let (file, scratch, count) = try Self.articles(copies: 200)
        _ = try Self.compare(file, count: count, annotate: false)
        _ = scratch
    }

    /// A folder of many files: a worker that finds no batch waiting reads the next file
    /// itself, beside the reader.
    @Test("Workers that read files beside the reader lose and double nothing")
    func workersHelpRead() throws {
        let (folder, scratch, count) = try Self.articleFiles(copies: 40)
        let two = try Self.compare(folder, count: count, annotate: true)
        #expect(two.files == count)
        _ = scratch
    }

    /// With quotations the workers annotate the batches the reader hands over unannotated.
    @Test("Quotations and organisations are the same with a shared reader")
    func annotatedWithSharedReader() throws {
        let (file, scratch, count) = try Self.articles(copies: 40)
        _ = try Self.compare(file, count: count, annotate: true)
        _ = scratch
    }
}
