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
        let turnQuotes = turns(of: doc, at: paragraphs)
        result.quotes += turnQuotes
        result.quotes.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.kind == .turn }
        if !turnQuotes.isEmpty { Self.resolvePersonalPronouns(&result.quotes, scalars: scalars, witnesses: WitnessList.surnames([doc])) }
        return result
    }

    /// Annotates a file's text exactly as read (offsets into it): quotes and mentions found in
    /// the raw text, and, for transcripts, each parsed turn located in it.
    public func annotate(fileText: String, documents: [Document]) -> TextAnnotations {
        let turnDocs = documents.filter { $0.paragraphs.contains { $0.speaker != nil } }
        guard !turnDocs.isEmpty else { return annotator.annotate(fileText) }
        var scalars = Array(fileText.unicodeScalars)
        var located: [(doc: Document, ranges: [Range<Int>])] = []
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
            located.append((doc, ranges))
        }
        // A turn's speaker label ("**Lead 5**: ") is markup, not text: read as text it became a
        // speaker ("Lead") or an organisation. It is read as spaces, so offsets stay the file's.
        let raw = scalars
        for (doc, ranges) in located {
            for (p, r) in zip(doc.paragraphs, ranges) where p.speaker != nil && !r.isEmpty {
                var k = r.lowerBound
                while k > 0 && scalars[k - 1] != "\n" {
                    k -= 1
                    scalars[k] = " "
                }
            }
        }
        var result = annotator.annotate(scalars: scalars)
        // texts as the file has them (a quote may run on past a label into the next turn)
        func cut(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(raw[r])) }
        for i in result.quotes.indices { result.quotes[i].text = cut(result.quotes[i].range) }
        for i in result.organisations.indices { result.organisations[i].surface = cut(result.organisations[i].range) }
        for (doc, ranges) in located { result.quotes += turns(of: doc, at: ranges).filter { !$0.range.isEmpty } }
        result.quotes.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.kind == .turn }
        Self.resolvePersonalPronouns(&result.quotes, scalars: raw, witnesses: WitnessList.surnames(turnDocs))
        return result
    }

    /// Quotations cued by "you" or "I" inside a transcript turn, which the text alone resolved
    /// to whatever it had named last (on the 271 hearing days, "you" gave "Counsel Inquiry
    /// inquiry" 613 times). Counsel reads a witness's own words back to them ("At paragraph 35
    /// of your statement you say: '…'"): the speaker is the person addressed, the next other
    /// person to speak. A witness quoting themself ("I said to him: '…'") is the turn's
    /// speaker. A witness's own "you" is anyone's ("you don't turn round and say, '…'"): no
    /// speaker. `witnesses`: `WitnessList.surnames`; `quotes` sorted by start, turns among them.
    static func resolvePersonalPronouns(_ quotes: inout [Quote], scalars: [Unicode.Scalar], witnesses: Set<Substring>) {
        let turns = quotes.indices.filter { quotes[$0].kind == .turn && !quotes[$0].range.isEmpty }
        guard !turns.isEmpty else { return }
        for i in quotes.indices where quotes[i].kind != .turn {
            guard let m = quotes[i].speaker?.mention, m.upperBound <= scalars.count, m.count <= 8 else { continue }
            let word = String(String.UnicodeScalarView(scalars[m])).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            let second = Self.secondPerson.contains(word)
            guard second || Self.firstPerson.contains(word) else { continue }
            // the turn holding the mention: the last one starting at or before it
            var lo = 0, hi = turns.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if quotes[turns[mid]].range.lowerBound <= m.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { continue }
            let k = lo - 1
            let turn = quotes[turns[k]]
            guard turn.range.contains(m.lowerBound), let own = turn.speaker else { continue }
            var speaker: QuoteSpeaker?
            if second {
                if let surname = own.name.split(separator: " ").last, witnesses.contains(surname) {
                    quotes[i].speaker = nil
                    continue
                }
                // the person addressed: the one who answers, the next other speaker (counsel's
                // first question to a witness follows the chair's turn, not the witness's),
                // else the last other speaker before
                func other(_ range: StrideThrough<Int>) -> QuoteSpeaker? {
                    for j in range where j >= 0 && j < turns.count {
                        if let s = quotes[turns[j]].speaker, s.name != own.name { return s }
                    }
                    return nil
                }
                speaker = other(stride(from: k + 1, through: k + 50, by: 1)) ?? other(stride(from: k - 1, through: k - 50, by: -1))
            } else {
                speaker = own
            }
            guard var s = speaker else { continue }
            s.mention = m
            quotes[i].speaker = s
        }
    }

    static let secondPerson: Set<String> = ["you", "you've", "you'd", "you'll", "you're"]
    static let firstPerson: Set<String> = ["i", "i've", "i'd", "i'll", "i'm"]

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
