import EvidexDocuments
import EvidexQuotes

/// The binary form of a stored document inside a store block (FORMAT.md, "Stored documents").
enum StoredDocumentCodec {
    static func encode(_ d: Document, annotations: TextAnnotations, into out: inout ByteBuffer) {
        out.appendString(d.id)
        out.append(kindCode(d.kind))
        out.appendString(d.title)
        appendOptional(d.author, &out)
        out.appendLE(d.date?.ordinal ?? Int32.min)
        appendOptional(d.source, &out)
        appendOptional(d.url, &out)
        out.appendVarint(UInt32(d.headings.count))
        for h in d.headings { out.appendString(h) }
        out.appendVarint(UInt32(d.paragraphs.count))
        for p in d.paragraphs {
            out.appendString(p.text)
            appendOptional(p.speaker, &out)
            out.appendVarint(p.section.map { UInt32($0) + 1 } ?? 0)
        }
        let keys = d.metadata.keys.sorted()
        out.appendVarint(UInt32(keys.count))
        for k in keys {
            out.appendString(k)
            out.appendString(d.metadata[k]!)
        }
        out.appendVarint(UInt32(annotations.quotes.count))
        for q in annotations.quotes {
            out.appendVarint(UInt32(q.range.lowerBound))
            out.appendVarint(UInt32(q.range.count))
            out.append(quoteKindCode(q.kind))
            if let s = q.speaker {
                out.append(1)
                out.appendString(s.name)
                appendOptional(s.role, &out)
                appendOptional(s.organisation, &out)
                appendRange(s.mention, &out)
            } else {
                out.append(0)
            }
            appendRange(q.cue, &out)
            out.appendVarint(UInt32(q.nested.count))
            for r in q.nested { appendRange(r, &out) }
        }
        out.appendVarint(UInt32(annotations.organisations.count))
        for m in annotations.organisations {
            out.appendVarint(UInt32(m.range.lowerBound))
            out.appendVarint(UInt32(m.range.count))
            out.appendString(m.organisationID)
            out.appendString(m.name)
        }
    }

    static func decode(_ r: inout ByteReader) throws(IndexError) -> Document {
        try decodeRecord(&r, annotations: false).document
    }

    /// The document and, when asked, its annotations; the quote and mention texts are cut
    /// from the document's annotation text.
    static func decodeRecord(_ r: inout ByteReader, annotations wanted: Bool) throws(IndexError) -> (document: Document, annotations: TextAnnotations) {
        let id = try r.string()
        let kind = kindFrom(try r.u8())
        let title = try r.string()
        let author = try optional(&r)
        let ord = Int32(bitPattern: try r.u32())
        let source = try optional(&r)
        let url = try optional(&r)
        var headings: [String] = []
        let nh = try r.varint()
        for _ in 0..<nh { headings.append(try r.string()) }
        var paragraphs: [Paragraph] = []
        let np = try r.varint()
        paragraphs.reserveCapacity(Int(np))
        for _ in 0..<np {
            let text = try r.string()
            let speaker = try optional(&r)
            let sec = try r.varint()
            paragraphs.append(Paragraph(text: text, speaker: speaker, section: sec == 0 ? nil : Int(sec - 1)))
        }
        var metadata: [String: String] = [:]
        let nm = try r.varint()
        for _ in 0..<nm {
            let k = try r.string()
            metadata[k] = try r.string()
        }
        let doc = Document(
            id: id, kind: kind, title: title, author: author,
            date: ord == Int32.min ? nil : Day(ordinal: ord), source: source, url: url,
            headings: headings, paragraphs: paragraphs, metadata: metadata)
        guard wanted else { return (doc, TextAnnotations()) }
        let scalars = Array(StoredAnnotations.text(of: doc).text.unicodeScalars)
        func cut(_ range: Range<Int>) throws(IndexError) -> String {
            guard range.upperBound <= scalars.count else { throw .corrupt("stored quote of \(id) lies outside its text") }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return String(s)
        }
        var result = TextAnnotations()
        let nq = try r.varint()
        for _ in 0..<nq {
            let start = Int(try r.varint())
            let range = start..<(start + Int(try r.varint()))
            let kind = quoteKindFrom(try r.u8())
            var speaker: QuoteSpeaker?
            if try r.u8() == 1 {
                let name = try r.string()
                let role = try optional(&r)
                let org = try optional(&r)
                speaker = QuoteSpeaker(name: name, mention: try readRange(&r), role: role, organisation: org)
            }
            let cue = try readRange(&r)
            var nested: [Range<Int>] = []
            let nn = try r.varint()
            for _ in 0..<nn { if let x = try readRange(&r) { nested.append(x) } }
            result.quotes.append(Quote(range: range, text: try cut(range), kind: kind, speaker: speaker, cue: cue, nested: nested))
        }
        let no = try r.varint()
        for _ in 0..<no {
            let start = Int(try r.varint())
            let range = start..<(start + Int(try r.varint()))
            let oid = try r.string()
            let name = try r.string()
            result.organisations.append(OrganisationMention(range: range, surface: try cut(range), organisationID: oid, name: name))
        }
        return (doc, result)
    }

    static func quoteKindCode(_ k: QuoteKind) -> UInt8 {
        switch k {
        case .full: 0
        case .partial: 1
        case .scare: 2
        case .turn: 3
        }
    }

    static func quoteKindFrom(_ c: UInt8) -> QuoteKind {
        switch c {
        case 0: .full
        case 1: .partial
        case 3: .turn
        default: .scare
        }
    }

    /// A range as start + 1 (0 = none) and length.
    private static func appendRange(_ r: Range<Int>?, _ out: inout ByteBuffer) {
        guard let r else {
            out.appendVarint(0)
            return
        }
        out.appendVarint(UInt32(r.lowerBound + 1))
        out.appendVarint(UInt32(r.count))
    }

    private static func readRange(_ r: inout ByteReader) throws(IndexError) -> Range<Int>? {
        let s = Int(try r.varint())
        if s == 0 { return nil }
        let n = Int(try r.varint())
        return (s - 1)..<(s - 1 + n)
    }

    static func kindCode(_ k: DocumentKind) -> UInt8 {
        switch k {
        case .news: 0
        case .evidence: 1
        case .other: 2
        }
    }

    static func kindFrom(_ c: UInt8) -> DocumentKind {
        switch c {
        case 0: .news
        case 1: .evidence
        default: .other
        }
    }

    private static func appendOptional(_ s: String?, _ out: inout ByteBuffer) {
        if let s {
            out.append(1)
            out.appendString(s)
        } else {
            out.append(0)
        }
    }

    private static func optional(_ r: inout ByteReader) throws(IndexError) -> String? {
        try r.u8() == 0 ? nil : try r.string()
    }
}
