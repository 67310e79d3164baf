import Evidex
import Foundation
import Testing

@Suite("BBC News known-item search")
struct BBCKnownItemTests {
    @Test("100 article titles as phrase queries find their own article first (≥ 95%)",
          .enabled(if: SharedData.data("bbc-news-2225/bbc") != nil, Comment(rawValue: SharedData.missingMessage)))
    func titlesFindTheirArticles() throws {
        let bbc = try #require(SharedData.data("bbc-news-2225/bbc"))
        let idx = ScratchIndex()
        let report = try CorpusIndexer.run(paths: [bbc.path], indexDirectory: idx.path, options: IndexingOptions(threads: 2))
        // 2,225 articles plus the collection's README.TXT.
        #expect(report.documents == 2226)
        #expect(report.failures.isEmpty, "\(report.failures.prefix(5))")
        let snapshot = try IndexSnapshot(directory: idx.path)
        #expect(snapshot.liveDocCount == 2226)
        let searcher = try Searcher(snapshot: snapshot)

        // A known-item test needs a unique known item: the collection holds duplicate articles
        // under identical headlines (e.g. tech/311.txt and tech/095.txt), so sample among the
        // articles whose headline is unique. Evenly spaced in path order: 100 titles
        // across all five sections.
        let all = snapshot.segments.flatMap { seg in (0..<UInt32(seg.reader.docCount)).map { seg.reader.id(of: $0) } }
            .filter { $0.contains("/") }.sorted()
        #expect(all.count == 2225)
        var titleCount: [String: Int] = [:]
        var titles: [String: String] = [:]
        for id in all {
            let t = try #require(try snapshot.document(id: id)).title
            titles[id] = t
            titleCount[t, default: 0] += 1
        }
        let unique = all.filter { titleCount[titles[$0]!] == 1 }
        print("BBC known-item: \(all.count - unique.count) articles share their headline with another and are not sampled")
        let step = unique.count / 100
        let sample = (0..<100).map { unique[$0 * step] }
        #expect(sample.count == 100)
        var found = 0
        var misses: [String] = []
        for id in sample {
            let title = try #require(try snapshot.document(id: id)).title
            let phrase = title.replacingOccurrences(of: "\\", with: " ").replacingOccurrences(of: "\"", with: " ")
            let r = try searcher.search("\"\(phrase)\"", options: SearchOptions(limit: 1, snippets: false))
            if r.hits.first?.id == id { found += 1 } else { misses.append("\(id): \(title) → \(r.hits.first?.id ?? "none")") }
        }
        print("BBC known-item: \(found)/100 titles return their own article first")
        #expect(found >= 95, "misses: \(misses)")
    }
}
