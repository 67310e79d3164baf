import EvidexDocuments

/// The binary form of a stored document inside a store block (FORMAT.md, "Stored documents").
enum StoredDocumentCodec {
    static func encode(_ d: Document, into out: inout ByteBuffer) {
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
    }

    static func decode(_ r: inout ByteReader) throws(IndexError) -> Document {
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
        return Document(
            id: id, kind: kind, title: title, author: author,
            date: ord == Int32.min ? nil : Day(ordinal: ord), source: source, url: url,
            headings: headings, paragraphs: paragraphs, metadata: metadata)
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
