import Evidex
import Foundation
import Testing

@Suite("Shipped corpus")
struct CorpusSearchTests {
    @Test("\"bitter irony\" returns the seed article first with the phrase highlighted")
    func bitterIrony() throws {
        let idx = ScratchIndex()
        let corpus = SharedData.repositoryRoot.appendingPathComponent("corpus").path
        let report = try CorpusIndexer.run(paths: [corpus], indexDirectory: idx.path, options: IndexingOptions(threads: 2))
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.documents >= 15)
        let searcher = try Searcher(snapshot: try IndexSnapshot(directory: idx.path))
        let r = try searcher.search("\"bitter irony\"")
        let top = try #require(r.hits.first)
        #expect(top.id == "ics-discrimination-2021-06-08.txt")
        #expect(top.date == "2021-06-08")
        let highlighted = top.snippets.flatMap { s in
            s.highlights.map { h -> String in
                var w = ""
                w.unicodeScalars.append(contentsOf: Array(s.text.unicodeScalars)[h[0]..<h[1]])
                return w
            }
        }
        #expect(highlighted.contains { $0.lowercased() == "bitter irony" })

        // Every input format made it in, and transcripts are searchable by speaker.
        let kinds = Set(try searcher.search("*", options: SearchOptions(limit: 100)).hits.map(\.kind))
        #expect(kinds.contains("news") && kinds.contains("evidence"))
        let bySpeaker = try searcher.search("speaker:penhaligon")
        #expect(bySpeaker.total ?? 0 >= 1)

        // Re-indexing the same folder skips unchanged files; a changed file replaces its
        // documents rather than duplicating them.
        let copy = ScratchIndex()
        try FileManager.default.copyItem(atPath: corpus, toPath: copy.path + "/corpus")
        let idx2 = ScratchIndex()
        let first = try CorpusIndexer.run(paths: [copy.path + "/corpus"], indexDirectory: idx2.path, options: IndexingOptions(threads: 2))
        let again = try CorpusIndexer.run(paths: [copy.path + "/corpus"], indexDirectory: idx2.path, options: IndexingOptions(threads: 2))
        #expect(again.files == 0)
        #expect(again.unchangedFiles == first.files)
        #expect(again.commit?.replacedDocuments == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: copy.path + "/corpus").filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".md") || $0.hasSuffix(".html") || $0.hasSuffix(".rst") }
        for f in files {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: copy.path + "/corpus/" + f)
        }
        let touched = try CorpusIndexer.run(paths: [copy.path + "/corpus"], indexDirectory: idx2.path, options: IndexingOptions(threads: 2))
        #expect(touched.unchangedFiles == first.files - files.count)
        #expect(try IndexSnapshot(directory: idx2.path).liveDocCount == first.documents)
        #expect((touched.commit?.replacedDocuments ?? 0) == touched.documents)
    }
}
