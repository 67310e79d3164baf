import EvidexText

/// Occurrences of one field of one document waiting to be posted, a few dozen at a time: a
/// batch is prefetched (`PostingsAccumulator.prefetch`) before it is posted, so its cache
/// misses overlap instead of coming one occurrence after another.
struct PostingBatch {
    static let size = 64

    private var occurrences: [(TermOccurrence, UInt32)] = []
    private var keys: [(table: Int, term: UInt32)] = []
    private var exactTable = 0
    private var doc: UInt32 = 0

    /// Starts the occurrences of the field whose exact-namespace table is `exactTable` in `doc`.
    mutating func start(exactTable: Int, doc: UInt32) {
        self.exactTable = exactTable
        self.doc = doc
        occurrences.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(_ occ: TermOccurrence, position: UInt32, to postings: PostingsAccumulator) {
        occurrences.append((occ, position))
        if occurrences.count == Self.size { flush(to: postings) }
    }

    /// Posts what waits, in order, each occurrence under its word and, when it differs, its stem.
    mutating func flush(to postings: PostingsAccumulator) {
        if occurrences.isEmpty { return }
        keys.removeAll(keepingCapacity: true)
        for (occ, _) in occurrences {
            keys.append((exactTable, occ.exact))
            if occ.stem != occ.exact { keys.append((exactTable + 1, occ.stem)) }
        }
        keys.withUnsafeBufferPointer { postings.prefetch($0) }
        for (occ, position) in occurrences {
            postings.add(table: exactTable, term: occ.exact, doc: doc, position: position)
            if occ.stem != occ.exact {
                postings.add(table: exactTable + 1, term: occ.stem, doc: doc, position: position)
            }
        }
        occurrences.removeAll(keepingCapacity: true)
    }
}
