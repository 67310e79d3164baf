import Dispatch
import EvidexDocuments
import EvidexQuotes
import EvidexText
import Synchronization
import CEvidexMemory

/// One indexing thread's state: an analyzer and the segment it is building. Create one per
/// thread with `IndexWriter.makeWorker()`; call `finish()` before the writer commits.
///
/// A full segment is serialised and written on a background queue while the worker goes on
/// with the next one; at most one such flush is in flight per worker, so memory stays within
/// about twice the worker's share of the budget.
public final class IndexWorker {
    private unowned let writer: IndexWriter
    private let analyzer: Analyzer
    private var builder: SegmentBuilder
    private var sequences: [UInt64] = []
    private let budgetBox: Budget
    /// The bytes a segment may fill before it is written.
    private var budget: Int { budgetBox.bytes.load(ordering: .relaxed) }
    private let flushes = DispatchGroup()
    private let flushQueue = DispatchQueue(label: "evidex.segment-flush")
    private let flushError = FlushError()
    /// The estimated bytes of the segment being written (0 when none is in flight).
    private let writing = InFlight()

    final class InFlight: Sendable {
        let bytes = Atomic<Int>(0)
    }

    /// Passes a frozen segment to the writing queue and lets go of it as soon as it is
    /// written, so its memory is free (and trimmed) before the closure that carried it ends.
    final class Handoff: @unchecked Sendable {
        private var segment: FrozenSegment?

        init(_ segment: FrozenSegment) { self.segment = segment }

        /// Writes the segment, releases it and returns its ids.
        func write(to path: String) throws(IndexError) -> [String] {
            guard let s = segment else { return [] }
            segment = nil
            let ids = s.ids
            try s.serialize(to: path)
            return ids
        }
    }

    final class FlushError: Sendable {
        let value = Mutex<IndexError?>(nil)
    }

    /// The bytes a worker's segment may fill, which the indexing threads may change while the
    /// worker runs (`IndexWriter.share`): a worker that starts alone has the whole budget, and
    /// half once a second joins it.
    public final class Budget: Sendable {
        let bytes: Atomic<Int>

        init(bytes: Int) { self.bytes = Atomic(bytes) }
    }

    /// `budget`: a worker's part of the writer's budget; `share`: the percentage of it a
    /// segment may fill (`IndexWriter.segmentBytes`).
    static func segmentBytes(budget: Int, share: Int) -> Int {
        // The share holds one segment filling, one being written, the writing's working memory
        // (about a third of a segment) and the allocator's slack. Measured at a 256 MB budget
        // on synth-100k once freed memory really went back to the system (BENCHMARKS.md): 45%
        // peaks at 231 MiB with one thread (3 segments) and 224 MiB with two. Since a worker
        // waits for its overlapping segment write (session 4), two workers at 45% of their
        // halves peaked at 198–208 MiB and wrote 10 segments; see `IndexWriter.segmentBytes`.
        max(budget * share / 100, 8 << 20)
    }

    init(writer: IndexWriter, budget: Budget) throws(IndexError) {
        // Segments written must give their memory back, or the budget is kept only on paper.
        evx_memory_fix_mmap_threshold(1 << 20)
        self.writer = writer
        do {
            analyzer = try Analyzer()
        } catch {
            throw .invalidArgument("cannot start the text analyzer: \(error)")
        }
        builder = SegmentBuilder(analyzer: analyzer, spillDirectory: writer.directory)
        budgetBox = budget
    }

    /// Adds a document. `path` is its file relative to the indexed root; a later `add` of the
    /// same id (higher sequence) replaces an earlier one at commit. With `sourceFile`, the
    /// absolute path of the file the document was loaded from (and a `span` in the document),
    /// the index keeps a reference to those bytes instead of a copy of the text, and parses
    /// them again for snippets and `show`; without, it keeps a compressed copy.
    public func add(_ doc: Document, path: String = "", sourceFile: String? = nil, annotations: TextAnnotations = TextAnnotations()) throws(IndexError) {
        builder.add(doc, path: path, sourceFile: sourceFile, annotations: annotations)
        sequences.append(writer.nextSequence())
        let filling = builder.estimatedBytes
        if filling >= budget {
            try flush()
        } else if filling >= budget / 2 {
            // A segment being written holds its own bytes and about a third more while it is
            // serialised: past half a share, the next one waits for that write to end instead
            // of growing beside it (whether they overlapped made peak RSS vary by 35 MB).
            let inFlight = writing.bytes.load(ordering: .acquiring)
            if inFlight > 0 && filling + inFlight > budget * 3 / 2 { flushes.wait() }
        }
    }

    /// Writes what is buffered as a segment (invisible until the writer commits) and waits for
    /// every write of this worker to finish.
    public func finish() throws(IndexError) {
        if builder.docCount > 0 { try flush() }
        flushes.wait()
        if let e = flushError.value.withLock({ $0 }) { throw e }
    }

    private func flush() throws(IndexError) {
        let frozenBytes = builder.estimatedBytes
        let frozen = builder.freeze(stamps: writer.fileStamps)
        let sequences = self.sequences
        // The frozen segment has its term bytes, so a vocabulary grown large (a corpus of many
        // distinct words, names and numbers) can start afresh: it then holds one segment's
        // terms at most, not the corpus's. Kept otherwise, since its cache of folded and
        // stemmed forms saves analysis time.
        if analyzer.memoryBytes > budget / 4 { analyzer.resetVocabulary() }
        builder = SegmentBuilder(analyzer: analyzer, spillDirectory: writer.directory)
        self.sequences = []
        flushes.wait()
        if let e = flushError.value.withLock({ $0 }) { throw e }
        let writer = self.writer
        let errorBox = flushError
        let name = writer.allocateSegmentName()
        let path = writer.directory + "/" + name + ".evx"
        let handoff = Handoff(frozen)
        let writing = self.writing
        writing.bytes.store(frozenBytes, ordering: .releasing)
        flushQueue.async(group: flushes) {
            defer { writing.bytes.store(0, ordering: .releasing) }
            do throws(IndexError) {
                let ids = try handoff.write(to: path)
                evx_memory_trim()
                writer.registerSegment(name: name, ids: ids, sequences: sequences)
            } catch {
                errorBox.value.withLock { $0 = $0 ?? error }
            }
        }
    }
}

