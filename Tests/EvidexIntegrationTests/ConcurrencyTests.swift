import Dispatch
import Evidex
import Foundation
import Synchronization
import Testing

/// Readers open snapshots and search while a writer commits, replaces, deletes and merges:
/// every search must succeed and see one whole commit.
@Suite("Readers during commits")
struct ConcurrencyTests {
    static func document(_ i: Int, version: Int) -> Document {
        Document(id: "doc-\(i)", kind: .news, title: "Report \(i) on staffing",
                 paragraphs: [Paragraph(text: "Nurses said the burnout was real, version \(version) of item \(i).")])
    }

    @Test("10,000 searches during 40 commits: no errors, and each sees a whole commit")
    func readersDuringCommits() throws {
        let idx = ScratchIndex()
        let batch = 25
        do {
            let writer = try IndexWriter(directory: idx.path, options: IndexWriterOptions(threads: 1, maxSegments: 3))
            let w = try writer.makeWorker()
            for i in 0..<batch { try w.add(Self.document(i, version: 0)) }
            try w.finish()
            try writer.commit()
        }
        let done = Atomic<Bool>(false)
        let errors = Mutex<[String]>([])
        let searches = Atomic<Int>(0)
        let path = idx.path
        let readers = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: readers) {
                while !done.load(ordering: .acquiring) || searches.load(ordering: .relaxed) < 10_000 {
                    do {
                        let snapshot = try IndexSnapshot(directory: path)
                        let searcher = try Searcher(snapshot: snapshot)
                        let r = try searcher.search("burnout", options: SearchOptions(limit: 5))
                        // Every live document says "burnout": a whole commit answers with all of them.
                        if r.total != snapshot.liveDocCount {
                            errors.withLock { $0.append("saw \(r.total ?? -1) of \(snapshot.liveDocCount) documents") }
                        }
                        if let top = r.hits.first, top.snippets.isEmpty {
                            errors.withLock { $0.append("\(top.id) has no snippet") }
                        }
                    } catch {
                        errors.withLock { $0.append(String(describing: error)) }
                    }
                    searches.add(1, ordering: .relaxed)
                }
            }
        }
        // The writer: 40 commits that add, replace and delete, with merges on the way.
        let writer = try IndexWriter(directory: idx.path, options: IndexWriterOptions(threads: 1, maxSegments: 3))
        for round in 1...40 {
            let w = try writer.makeWorker()
            for i in (round * 3)..<(round * 3 + batch / 2) { try w.add(Self.document(i, version: round)) }
            try w.finish()
            if round % 4 == 0 { _ = writer.delete(id: "doc-\(round)") }
            try writer.commit()
            try writer.merge()
        }
        done.store(true, ordering: .releasing)
        readers.wait()
        let problems = errors.withLock { $0 }
        #expect(searches.load(ordering: .relaxed) >= 10_000)
        #expect(problems.isEmpty, "\(problems.count) errors, first: \(problems.prefix(3))")
    }

    @Test("a lock file left by a killed writer does not stop the next one")
    func staleLock() throws {
        let idx = ScratchIndex()
        try FileManager.default.createDirectory(atPath: idx.path, withIntermediateDirectories: true)
        // What a killed writer leaves: the file with its pid, but no lock held (the kernel
        // drops a process's flock when it dies).
        try "999999".write(toFile: idx.path + "/LOCK", atomically: true, encoding: .utf8)
        let writer = try IndexWriter(directory: idx.path)
        let w = try writer.makeWorker()
        try w.add(Self.document(1, version: 0))
        try w.finish()
        try writer.commit()
        #expect(try IndexSnapshot(directory: idx.path).liveDocCount == 1)
        // While this writer lives, a second one is refused with a message saying what to do.
        #expect(throws: IndexError.self) { _ = try IndexWriter(directory: idx.path) }
    }
}
