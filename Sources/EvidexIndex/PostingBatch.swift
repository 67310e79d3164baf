import EvidexText

/// Occurrences of one field of one document waiting to be posted, a few dozen at a time: a
/// batch is prefetched (`PostingsAccumulator.prefetch`) before it is posted, so its cache
/// misses overlap instead of coming one occurrence after another.
struct PostingBatch {
    static let size = 64

    private var occurrences: [(TermOccurrence, UInt32)] = []
    private var keys: [(table: Int, term: UInt32)] = []
    private var table = 0
    private var doc: UInt32 = 0

    /// Starts the occurrences of the field whose table is `table` in `doc`.
    mutating func start(table: Int, doc: UInt32) {
        self.table = table
        self.doc = doc
        occurrences.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(_ occ: TermOccurrence, position: UInt32, to postings: PostingsAccumulator) {
        occurrences.append((occ, position))
        if occurrences.count == Self.size { flush(to: postings) }
    }

    /// Posts what waits, in order, each occurrence under its word (which knows its stem).
    mutating func flush(to postings: PostingsAccumulator) {
        if occurrences.isEmpty { return }
        keys.removeAll(keepingCapacity: true)
        for (occ, _) in occurrences { keys.append((table, occ.exact)) }
        keys.withUnsafeBufferPointer { postings.prefetch($0) }
        for (occ, position) in occurrences {
            postings.add(table: table, term: occ.exact, stem: occ.stem, doc: doc, position: position)
        }
        occurrences.removeAll(keepingCapacity: true)
    }
}
