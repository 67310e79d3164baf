import EvidexDocuments
import EvidexQuotes

/// How a document's quotes and organisation mentions relate to what is stored: their offsets
/// are code points into `text(of:)`, a rendering of the stored document, so nothing but the
/// document needs storing to show a quote in its sentence.
public enum StoredAnnotations {
    /// The pieces of the text a document is annotated in, in order: the title line and a blank
    /// line (when there is a title), then the paragraphs with a line break between them (the
    /// shape of a news file). Paragraph i is piece `paragraphPiece(i, of:)`. Every rendering of
    /// that text (`text(of:)`, `scalars(of:)`, the stored check, the quote field's term map)
    /// is made from these pieces, so they cannot disagree.
    public static func pieces(of doc: Document) -> [String] {
        var pieces: [String] = []
        pieces.reserveCapacity(doc.paragraphs.count * 2 + 2)
        if !doc.title.isEmpty { pieces += [doc.title, "\n\n"] }
        for (i, p) in doc.paragraphs.enumerated() {
            if i > 0 { pieces.append("\n") }
            pieces.append(p.text)
        }
        return pieces
    }

    /// The piece of paragraph i in `pieces(of:)`, and of the title (nil when it is empty).
    public static func paragraphPiece(_ i: Int, of doc: Document) -> Int { (doc.title.isEmpty ? 0 : 2) + 2 * i }
    public static func titlePiece(of doc: Document) -> Int? { doc.title.isEmpty ? nil : 0 }

    /// The text a document is annotated in (`pieces(of:)` joined), with the code-point range
    /// of each paragraph.
    public static func text(of doc: Document) -> (text: String, paragraphs: [Range<Int>]) {
        let pieces = pieces(of: doc)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieces.count)
        var count = 0
        for piece in pieces {
            let n = piece.unicodeScalars.count
            ranges.append(count..<(count + n))
            count += n
        }
        return (pieces.joined(), doc.paragraphs.indices.map { ranges[paragraphPiece($0, of: doc)] })
    }

    /// `text(of:)` as code points, made without the string: what indexing annotates.
    public static func scalars(of doc: Document) -> (scalars: [Unicode.Scalar], paragraphs: [Range<Int>], quoteBytes: Bool) {
        let (scalars, ranges, quoteBytes) = ScalarText.joined(pieces(of: doc))
        return (scalars, doc.paragraphs.indices.map { ranges[paragraphPiece($0, of: doc)] }, quoteBytes)
    }

    /// Quotes that are evidence of what someone said, so searchable: transcript turns, and
    /// quotations with a speaker that are not scare quotes.
    public static func isSearchable(_ q: Quote) -> Bool {
        q.kind == .turn || (q.kind != .scare && q.speaker != nil)
    }
}
