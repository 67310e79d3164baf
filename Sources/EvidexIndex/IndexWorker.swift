import EvidexDocuments
import EvidexText

/// One indexing thread's state: an analyzer and the segment it is building. Create one per
/// thread with `IndexWriter.makeWorker()`; call `finish()` before the writer commits.
public final class IndexWorker {
    private unowned let writer: IndexWriter
    private let analyzer: Analyzer
    private var builder: SegmentBuilder
    private var sequences: [UInt64] = []
    private let budget: Int

    init(writer: IndexWriter, budget: Int) throws(IndexError) {
        self.writer = writer
        do {
            analyzer = try Analyzer()
        } catch {
            throw .invalidArgument("cannot start the text analyzer: \(error)")
        }
        builder = SegmentBuilder(analyzer: analyzer)
        self.budget = budget
    }

    /// Adds a document. `path` is its file relative to the indexed root; a later `add` of the
    /// same id (higher sequence) replaces an earlier one at commit.
    public func add(_ doc: Document, path: String = "") throws(IndexError) {
        builder.add(doc, path: path)
        sequences.append(writer.nextSequence())
        if builder.estimatedBytes >= budget { try flush() }
    }

    /// Writes what is buffered as a segment (invisible until the writer commits).
    public func finish() throws(IndexError) {
        if builder.docCount > 0 { try flush() }
    }

    private func flush() throws(IndexError) {
        let bytes = builder.build()
        let ids = builder.ids
        try writer.registerSegment(bytes: bytes, ids: ids, sequences: sequences)
        builder = SegmentBuilder(analyzer: analyzer)
        sequences = []
    }
}
