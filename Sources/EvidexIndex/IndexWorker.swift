import Dispatch
import EvidexDocuments
import EvidexText
import Synchronization

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
    private let budget: Int
    private let flushes = DispatchGroup()
    private let flushQueue = DispatchQueue(label: "evidex.segment-flush")
    private let flushError = FlushError()

    final class FlushError: Sendable {
        let value = Mutex<IndexError?>(nil)
    }

    init(writer: IndexWriter, budget: Int) throws(IndexError) {
        self.writer = writer
        do {
            analyzer = try Analyzer()
        } catch {
            throw .invalidArgument("cannot start the text analyzer: \(error)")
        }
        builder = SegmentBuilder(analyzer: analyzer)
        // Half the share each: one segment filling, one being written.
        self.budget = max(budget / 2, 8 << 20)
    }

    /// Adds a document. `path` is its file relative to the indexed root; a later `add` of the
    /// same id (higher sequence) replaces an earlier one at commit.
    public func add(_ doc: Document, path: String = "") throws(IndexError) {
        builder.add(doc, path: path)
        sequences.append(writer.nextSequence())
        if builder.estimatedBytes >= budget { try flush() }
    }

    /// Writes what is buffered as a segment (invisible until the writer commits) and waits for
    /// every write of this worker to finish.
    public func finish() throws(IndexError) {
        if builder.docCount > 0 { try flush() }
        flushes.wait()
        if let e = flushError.value.withLock({ $0 }) { throw e }
    }

    private func flush() throws(IndexError) {
        let frozen = builder.freeze()
        let sequences = self.sequences
        builder = SegmentBuilder(analyzer: analyzer)
        self.sequences = []
        flushes.wait()
        if let e = flushError.value.withLock({ $0 }) { throw e }
        let writer = self.writer
        let errorBox = flushError
        let name = writer.allocateSegmentName()
        let path = writer.directory + "/" + name + ".evx"
        flushQueue.async(group: flushes) {
            do throws(IndexError) {
                try frozen.serialize(to: path)
                writer.registerSegment(name: name, ids: frozen.ids, sequences: sequences)
            } catch {
                errorBox.value.withLock { $0 = $0 ?? error }
            }
        }
    }
}
