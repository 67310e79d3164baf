/// A text as an array of code points, the form every annotation pass reads (offsets are code
/// points, and the passes index them at random).
public enum ScalarText {
    /// The code points of `pieces` joined, each decoded straight from its UTF-8, with each
    /// piece's range. Indexing builds a document's annotation text this way rather than as a
    /// `String` first: joining the string and counting each paragraph's code points cost more
    /// than decoding it. `quoteBytes` is false when no piece holds `"`, `'` or a non-ASCII byte,
    /// so that no quotation mark can be in the text (`TextAnnotator.annotate(scalars:quoteBytes:)`).
    public static func joined(_ pieces: [String]) -> (scalars: [Unicode.Scalar], ranges: [Range<Int>], quoteBytes: Bool) {
        var capacity = 0
        for p in pieces { capacity += p.utf8.count }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieces.count)
        var quoteBytes = false
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { out, count in
            var k = 0
            for var p in pieces {
                let start = k
                p.withUTF8 { k = ScalarInfo.decode($0, into: out, at: k, quoteBytes: &quoteBytes) }
                ranges.append(start..<k)
            }
            count = k
        }
        return (scalars, ranges, quoteBytes)
    }
}
