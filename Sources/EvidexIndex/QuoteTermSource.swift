import CEvidexScan
import EvidexDocuments
import EvidexText

/// The term occurrences of a document's title and paragraphs, kept while the document is
/// added so that its quote field takes its terms from them rather than analysing every quote
/// a second time (that analysis, ICU word breaks and all, was a fifth of what quotations
/// added to indexing). A quote's range is in code points of the annotation text
/// (`StoredAnnotations.text(of:)`: title, blank line, one paragraph a line); occurrences are
/// in UTF-8 bytes of each piece, so each range is converted piece by piece.
///
/// A quote gets the occurrences that overlap it. Analysing the quote alone gave the same
/// tokens except where a mark cuts a word, which now keeps the whole word.
struct QuoteTermSource {
    /// A piece of the annotation text (`StoredAnnotations.pieces(of:)`).
    private struct Piece {
        var text: String
        /// First code point in the annotation text, and how many the piece has.
        var scalarStart: Int
        var scalarCount: Int
        var isASCII: Bool
        /// A quote overlaps it, so its occurrences are recorded.
        var wanted: Bool
        /// Its range of `occurrences` (in order of position, so of offset).
        var occurrences: Range<Int>
    }

    private var occurrences: [TermOccurrence] = []
    private var pieces: [Piece] = []
    private var current = -1

    /// Starts a document: its pieces are `StoredAnnotations.pieces(of:)`, numbered the same;
    /// `quotes` are the ranges of the quotes to be indexed, in order of start. Only the pieces
    /// they overlap need recording (a hearing day of some thousand paragraphs may quote a
    /// document in a few).
    mutating func reset(_ doc: Document, quotes: some Sequence<Range<Int>>) {
        occurrences.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
        var start = 0
        for text in StoredAnnotations.pieces(of: doc) {
            let (count, ascii) = Self.scalarCount(text)
            pieces.append(Piece(text: text, scalarStart: start, scalarCount: count, isASCII: ascii, wanted: false,
                                occurrences: 0..<0))
            start += count
        }
        for range in quotes { for p in overlapping(range) { pieces[p].wanted = true } }
    }

    /// Whether piece `piece`'s occurrences are needed (`reset`); pieces not recorded have none.
    func wants(piece: Int) -> Bool { pieces[piece].wanted }

    /// Indices of the pieces that overlap `range`.
    private func overlapping(_ range: Range<Int>) -> Range<Int> {
        // the first piece ending after the range starts (a transcript has thousands of
        // paragraphs: a scan from the first piece would make this quadratic)
        var p = 0
        var q = pieces.count
        while p < q {
            let mid = (p + q) / 2
            if pieces[mid].scalarStart + pieces[mid].scalarCount <= range.lowerBound { p = mid + 1 } else { q = mid }
        }
        var e = p
        while e < pieces.count && (pieces[e].scalarStart < range.upperBound || (range.isEmpty && e == p)) { e += 1 }
        return p..<e
    }

    /// Piece `piece`'s occurrences are those recorded into the buffer `begin` returns until
    /// `end` takes it back (a local buffer, so the analyzer's callback appends to it without
    /// an exclusivity check per occurrence).
    mutating func begin(piece: Int) -> [TermOccurrence] {
        current = piece
        let buffer = occurrences
        occurrences = []
        pieces[piece].occurrences = buffer.count..<buffer.count
        return buffer
    }

    mutating func end(_ buffer: [TermOccurrence]) {
        occurrences = buffer
        pieces[current].occurrences = pieces[current].occurrences.lowerBound..<occurrences.count
    }

    /// Calls `body` with each occurrence overlapping the annotation-text range `range`, in order.
    func forEachOccurrence(in range: Range<Int>, _ body: (TermOccurrence) -> Void) {
        for piece in pieces[overlapping(range)] {
            let end = piece.scalarStart + piece.scalarCount
            guard range.lowerBound < end, piece.scalarStart < range.upperBound else { continue }
            let lo = max(range.lowerBound, piece.scalarStart) - piece.scalarStart
            let hi = min(range.upperBound, end) - piece.scalarStart
            let (a, b) = piece.isASCII ? (lo, hi) : Self.utf8Offsets(lo, hi, in: piece.text)
            // the first occurrence ending after `a`: offsets rise with position
            var first = piece.occurrences.lowerBound
            var last = piece.occurrences.upperBound
            while first < last {
                let mid = (first + last) / 2
                if Int(occurrences[mid].end) <= a { first = mid + 1 } else { last = mid }
            }
            var k = first
            while k < piece.occurrences.upperBound && Int(occurrences[k].start) < b {
                body(occurrences[k])
                k += 1
            }
        }
    }

    /// The code points in `text` and whether all are ASCII (the count is then its UTF-8 count).
    static func scalarCount(_ text: String) -> (Int, Bool) {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return (0, true) }
            var ascii: Int32 = 0
            let count = evx_utf8_count(base, utf8.count, &ascii)
            return (count, ascii != 0)
        }
    }

    /// The UTF-8 offsets in `text` of the code-point offsets `lo` and `hi`.
    static func utf8Offsets(_ lo: Int, _ hi: Int, in text: String) -> (Int, Int) {
        var text = text
        return text.withUTF8 { utf8 in
            var scalar = 0
            var a = utf8.count, b = utf8.count
            for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
                if scalar == lo { a = i }
                if scalar == hi { b = i; break }
                scalar += 1
            }
            return (a, b)
        }
    }
}
