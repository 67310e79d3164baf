import Evidex
import Foundation
import Testing

/// The default store keeps references to the indexed files; `copy` keeps the text. Both must
/// show, snippet and quote the same documents, and a reference whose file changed must be
/// reported for that document alone.
@Suite("Document store: references and copies")
struct DocumentStoreTests {
    static func ids(_ searcher: Searcher) throws -> [String] {
        try searcher.search("*", options: SearchOptions(limit: 100)).hits.map(\.id).sorted()
    }

    static func storeBytes(_ directory: String) throws -> Int {
        try IndexSnapshot(directory: directory).sectionSizes.filter { $0.name.hasPrefix("store") }.reduce(0) { $0 + $1.bytes }
    }

    @Test("references read back the same documents, snippets and quotes as copies, through merges")
    func referencesMatchCopies() throws {
        let scratch = ScratchIndex()
        let corpus = scratch.path + "/corpus"
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.repositoryRoot.appendingPathComponent("corpus").path, toPath: corpus)
        let refs = ScratchIndex()
        let copies = ScratchIndex()
        // Two commits (the evidence folder arrives second), so there are segments to merge.
        let fm = FileManager.default
        try fm.moveItem(atPath: corpus + "/evidence", toPath: scratch.path + "/evidence")
        var merged = 0
        for _ in 0..<2 {
            merged = try CorpusIndexer.run(paths: [corpus], indexDirectory: refs.path, options: IndexingOptions(threads: 2, store: .references)).mergedSegments
            _ = try CorpusIndexer.run(paths: [corpus], indexDirectory: copies.path, options: IndexingOptions(threads: 2, store: .copies))
            if !fm.fileExists(atPath: corpus + "/evidence") { try fm.moveItem(atPath: scratch.path + "/evidence", toPath: corpus + "/evidence") }
        }
        #expect(try Self.storeBytes(refs.path) * 4 < Self.storeBytes(copies.path))

        // One segment from several (small segments of similar size merge after each run):
        // references must survive the merge's rewrite.
        #expect(merged >= 2)
        let a = try IndexSnapshot(directory: refs.path)
        let b = try IndexSnapshot(directory: copies.path)
        #expect(a.segments.count == 1)
        let sa = try Searcher(snapshot: a)
        let sb = try Searcher(snapshot: b)
        let ids = try Self.ids(sa)
        #expect(ids.count >= 15)
        #expect(ids == (try Self.ids(sb)))
        for id in ids {
            let da = try #require(try a.document(id: id))
            var db = try #require(try b.document(id: id))
            db.span = da.span
            #expect(da == db, "\(id)")
        }
        for q in ["\"bitter irony\"", "burnout", "speaker:penhaligon"] {
            let ra = try sa.search(q)
            let rb = try sb.search(q)
            #expect(ra.hits.map(\.id) == rb.hits.map(\.id))
            #expect(ra.hits.map(\.snippets) == rb.hits.map(\.snippets))
            #expect(ra.hits.allSatisfy { $0.problem == nil })
        }
        let qa = try sa.quotes("", options: QuoteSearchOptions(limit: 500))
        let qb = try sb.quotes("", options: QuoteSearchOptions(limit: 500))
        #expect(qa.total > 10)
        // Order among equal scores follows segment layout, which the merge changed.
        func keys(_ r: QuoteSearchResult) -> [String] {
            r.quotes.map { "\($0.document.id)|\($0.text)|\($0.speaker?.name ?? "")|\($0.speaker?.organisation ?? "")|\($0.sentence)" }.sorted()
        }
        #expect(qa.total == qb.total)
        let (ka, kb) = (keys(qa), keys(qb))
        #expect(ka.count == kb.count)
        #expect(zip(ka, kb).filter { $0 != $1 }.map(\.0).prefix(3) == [])
    }

    @Test("a source edited or deleted after indexing is reported for its document, and re-indexing mends it")
    func changedSource() throws {
        let scratch = ScratchIndex()
        let corpus = scratch.path + "/corpus"
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.repositoryRoot.appendingPathComponent("corpus").path, toPath: corpus)
        let idx = ScratchIndex()
        _ = try CorpusIndexer.run(paths: [corpus], indexDirectory: idx.path, options: IndexingOptions(threads: 1))
        let seed = corpus + "/ics-discrimination-2021-06-08.txt"
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        try text.replacingOccurrences(of: "bitter irony", with: "bitter truths", options: .caseInsensitive).write(toFile: seed, atomically: true, encoding: .utf8)

        var searcher = try Searcher(snapshot: try IndexSnapshot(directory: idx.path))
        let hit = try #require(try searcher.search("\"bitter irony\"").hits.first)
        #expect(hit.id == "ics-discrimination-2021-06-08.txt")
        #expect(hit.date == "2021-06-08")
        #expect(hit.snippets.isEmpty)
        #expect(hit.problem?.contains("has changed since it was indexed") == true)
        // Other documents are unaffected.
        #expect(try searcher.search("burnout").hits.contains { $0.problem == nil && !$0.snippets.isEmpty })
        let quotes = try searcher.quotes("irony")
        #expect(quotes.problems?.isEmpty == false)
        #expect(throws: IndexError.sourceChanged(id: hit.id)) { _ = try IndexSnapshot(directory: idx.path).document(id: hit.id) }
        // `evidex verify --sources` finds exactly that document.
        let (checked, problems) = try IndexSnapshot(directory: idx.path).sourceProblems()
        #expect(checked >= 10)
        #expect(problems == [.sourceChanged(id: hit.id)])

        // Re-indexing reads the changed file again.
        _ = try CorpusIndexer.run(paths: [corpus], indexDirectory: idx.path, options: IndexingOptions(threads: 1))
        searcher = try Searcher(snapshot: try IndexSnapshot(directory: idx.path))
        #expect(try searcher.search("\"bitter irony\"").hits.isEmpty)
        let mended = try #require(try searcher.search("\"bitter truths\"").hits.first)
        #expect(mended.problem == nil && !mended.snippets.isEmpty)
        #expect(try IndexSnapshot(directory: idx.path).sourceProblems().problems.isEmpty)

        try FileManager.default.removeItem(atPath: seed)
        searcher = try Searcher(snapshot: try IndexSnapshot(directory: idx.path))
        let gone = try #require(try searcher.search("\"bitter truths\"").hits.first)
        #expect(gone.problem?.contains("no such file") == true)
    }
}
