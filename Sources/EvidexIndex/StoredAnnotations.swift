import EvidexDocuments
import EvidexQuotes

/// How a document's quotes and organisation mentions relate to what is stored: their offsets
/// are code points into `text(of:)`, a rendering of the stored document, so nothing but the
/// document needs storing to show a quote in its sentence.
public enum StoredAnnotations {
    /// The text a document is annotated in: the title line, a blank line, then one paragraph a
    /// line (the shape of a news file), with the code-point range of each paragraph.
    public static func text(of doc: Document) -> (text: String, paragraphs: [Range<Int>]) {
        var text = ""
        var count = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(doc.paragraphs.count)
        if !doc.title.isEmpty {
            text += doc.title
            count += doc.title.unicodeScalars.count
            text += "\n\n"
            count += 2
        }
        for (i, p) in doc.paragraphs.enumerated() {
            if i > 0 {
                text += "\n"
                count += 1
            }
            let n = p.text.unicodeScalars.count
            ranges.append(count..<(count + n))
            text += p.text
            count += n
        }
        return (text, ranges)
    }

    /// `text(of:)` as code points, made without the string: what indexing annotates.
    public static func scalars(of doc: Document) -> (scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) {
        var pieces: [String] = []
        pieces.reserveCapacity(doc.paragraphs.count * 2 + 2)
        if !doc.title.isEmpty { pieces += [doc.title, "\n\n"] }
        for (i, p) in doc.paragraphs.enumerated() {
            if i > 0 { pieces.append("\n") }
            pieces.append(p.text)
        }
        let (scalars, ranges) = ScalarText.joined(pieces)
        let first = doc.title.isEmpty ? 0 : 2
        let paragraphs = doc.paragraphs.indices.map { ranges[first + 2 * $0] }
        return (scalars, paragraphs)
    }

    /// Quotes that are evidence of what someone said, so searchable: transcript turns, and
    /// quotations with a speaker that are not scare quotes.
    public static func isSearchable(_ q: Quote) -> Bool {
        q.kind == .turn || (q.kind != .scare && q.speaker != nil)
    }
}
