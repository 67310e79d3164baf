import EvidexDocuments
import EvidexIndex
import EvidexQuotes
import Foundation

/// Quotations, speaker turns and organisation mentions of documents: the bridge between the
/// parsers (`EvidexDocuments`) and attribution (`EvidexQuotes`), used by indexing and by
/// `evidex extract`.
public struct DocumentAnnotator: Sendable {
    public let annotator: TextAnnotator

    public init(gazetteer: OrganisationGazetteer = .builtIn) {
        annotator = TextAnnotator(gazetteer: gazetteer)
    }

    /// Annotates a parsed document in the text `StoredAnnotations.text(of:)` gives. Transcript turns become
    /// quotes of kind `turn` attributed to their labelled speaker.
    public func annotate(_ doc: Document) -> TextAnnotations {
        let (scalars, paragraphs, quoteBytes) = StoredAnnotations.scalars(of: doc)
        var result = annotator.annotate(scalars: scalars, quoteBytes: quoteBytes)
        result.quotes += turns(of: doc, at: paragraphs)
        result.quotes.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.kind == .turn }
        return result
    }

    /// Annotates a file's text exactly as read (offsets into it): quotes and mentions found in
    /// the raw text, and, for transcripts, each parsed turn located in it.
    public func annotate(fileText: String, documents: [Document]) -> TextAnnotations {
        var result = annotator.annotate(fileText)
        let turnDocs = documents.filter { $0.paragraphs.contains { $0.speaker != nil } }
        if !turnDocs.isEmpty {
            let scalars = Array(fileText.unicodeScalars)
            var from = 0
            for doc in turnDocs {
                var ranges: [Range<Int>] = []
                for p in doc.paragraphs {
                    // Find the turn's text in the file: its first words, searched forward, so
                    // markup around it (speaker labels, emphasis) does not matter.
                    guard let r = Self.locate(p.text, in: scalars, from: from) else {
                        ranges.append(0..<0)
                        continue
                    }
                    ranges.append(r)
                    from = r.upperBound
                }
                result.quotes += turns(of: doc, at: ranges).filter { !$0.range.isEmpty }
            }
            result.quotes.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.kind == .turn }
        }
        return result
    }

    /// One `turn` quote per paragraph with a speaker, at the given ranges.
    private func turns(of doc: Document, at ranges: [Range<Int>]) -> [Quote] {
        var out: [Quote] = []
        var known: [String: (role: String?, organisation: String?)] = [:]
        var witnesses: WitnessList?
        for (i, p) in doc.paragraphs.enumerated() {
            guard let speaker = p.speaker, i < ranges.count else { continue }
            if known[speaker] == nil {
                if witnesses == nil { witnesses = WitnessList(doc, annotator: annotator) }
                known[speaker] = witnesses!.describe(speaker)
            }
            let w = known[speaker]!
            out.append(Quote(range: ranges[i], text: p.text, kind: .turn,
                             speaker: QuoteSpeaker(name: speaker, role: w.role, organisation: w.organisation)))
        }
        return out
    }

    /// The code-point range of `text` in `scalars` at or after `from`, matched on its first
    /// words (up to 60 scalars) and extended by its length; nil when it is not there.
    static func locate(_ text: String, in scalars: [Unicode.Scalar], from: Int) -> Range<Int>? {
        let needle = Array(text.unicodeScalars.prefix(60))
        guard !needle.isEmpty, from + needle.count <= scalars.count else { return nil }
        let first = needle[0]
        var i = from
        let last = scalars.count - needle.count
        while i <= last {
            if scalars[i] == first {
                var k = 1
                while k < needle.count && scalars[i + k] == needle[k] { k += 1 }
                if k == needle.count {
                    let length = text.unicodeScalars.count
                    return i..<min(i + length, scalars.count)
                }
            }
            i += 1
        }
        return nil
    }
}
