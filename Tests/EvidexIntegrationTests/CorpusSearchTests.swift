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

        // Re-indexing the same folder replaces documents rather than duplicating them.
        let again = try CorpusIndexer.run(paths: [corpus], indexDirectory: idx.path, options: IndexingOptions(threads: 2))
        #expect(again.commit?.replacedDocuments == report.documents)
        #expect(try IndexSnapshot(directory: idx.path).liveDocCount == report.documents)
    }
}
