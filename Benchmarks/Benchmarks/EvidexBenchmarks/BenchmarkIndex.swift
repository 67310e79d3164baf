import Evidex
import Foundation

/// The index read by the postings and query benchmarks: the benchmark corpus indexed with the
/// public writer API (`IndexWriter` → `makeWorker()` → `add(_:path:)` → `finish()` →
/// `commit()`), merged to one segment, then opened with `IndexSnapshot(directory:)`.
///
/// The benchmark tool runs each benchmark in a process of its own, and indexing the BBC corpus
/// takes well under a second, so every such process builds its own temporary index in
/// `$TMPDIR/evidex-bench-index-<pid>` during setup (not measured) and deletes it in teardown.
/// Folders left by a process that died are deleted by the next setup.
enum BenchmarkIndex {
    struct Opened {
        var snapshot: IndexSnapshot
        /// "BBC News 2225" or "synthetic": which queries apply.
        var source: String
    }

    private static let prefix = "evidex-bench-index-"

    static var directory: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())")
    }

    static func open() throws -> Opened {
        removeAbandoned()
        let (source, documents) = BenchmarkCorpus.indexDocuments()
        let dir = directory
        try? FileManager.default.removeItem(at: dir)
        let start = ContinuousClock.now
        do {
            let writer = try IndexWriter(directory: dir.path, options: IndexWriterOptions(threads: 1))
            let worker = try writer.makeWorker()
            for d in documents { try worker.add(d, path: d.id) }
            try worker.finish()
            try writer.commit()
            try writer.merge(maxSegments: 1)
        }  // the writer and its lock end here
        let snapshot = try IndexSnapshot(directory: dir.path)
        benchmarkNote(
            "indexed \(source): \(snapshot.liveDocCount) documents, \(snapshot.segments.count) segment(s), "
                + "\(snapshot.byteSize) bytes in \(String(format: "%.2f", (ContinuousClock.now - start).seconds)) s")
        return Opened(snapshot: snapshot, source: source)
    }

    /// Teardown: delete this process's index (its files stay mapped until the process exits).
    static func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Deletes index folders of benchmark processes that are no longer running.
    private static func removeAbandoned() {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
    }
}
