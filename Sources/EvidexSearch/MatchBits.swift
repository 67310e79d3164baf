/// The matching documents of one segment as a bit set: what an exhaustive search needs for its
/// exact total and facets, without stepping a scorer document by document. Scorers that are a
/// union of lists (a word's lists, an OR) fill it list by list, each list at the cost of
/// decoding it; the bits are then walked in document order.
struct MatchBits {
    private var words: [UInt64]
    private let documents: Int

    init(documents: Int) {
        self.documents = documents
        words = [UInt64](repeating: 0, count: (documents + 63) / 64)
    }

    /// Adds a document (one past the segment, which only a damaged list gives, is ignored).
    @inline(__always)
    mutating func insert(_ doc: UInt32) {
        if Int(doc) < documents { words[Int(doc >> 6)] |= 1 &<< UInt64(doc & 63) }
    }

    /// The set's words (bit d % 64 of word d / 64 is document d), valid during `body`.
    func withWords<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R { words.withUnsafeBufferPointer(body) }

    /// Each document in the set, ascending.
    func forEach<E: Error>(_ body: (UInt32) throws(E) -> Void) throws(E) {
        for (i, word) in words.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                try body(UInt32(i << 6 | w.trailingZeroBitCount))
                w &= w &- 1
            }
        }
    }
}
