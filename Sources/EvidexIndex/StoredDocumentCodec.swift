import CEvidexZlib
import EvidexDocuments
import EvidexQuotes

/// The binary form of a stored document inside a store block (FORMAT.md, "Stored documents").
/// A record is a copy of the document, or a reference to the bytes of its source file that
/// give it again when parsed: the text then stays in the corpus, as with SQLite FTS5's
/// external content tables, and the index holds only what parsing cannot give back.
enum StoredDocumentCodec {
    /// The first byte of a record.
    enum Form: UInt8 {
        case copy = 0
        case reference = 1
    }

    /// A source file's bytes that parse to the document, and a check that they still do.
    struct Reference {
        /// Index into the segment's `sourceFiles` table.
        var file: UInt32
        var span: SourceSpan
        var check: UInt32
    }

    static func encode(_ d: Document, annotations: TextAnnotations, into out: inout ByteBuffer) {
        out.append(Form.copy.rawValue)
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
        encodeAnnotations(annotations, into: &out)
    }

    /// A reference record: the source file ordinal, its span and the document's check.
    static func encodeReference(file: UInt32, span: SourceSpan, document d: Document, annotations: TextAnnotations, into out: inout ByteBuffer) {
        out.append(Form.reference.rawValue)
        out.appendVarint(file)
        out.appendVarint64(UInt64(span.offset))
        out.appendVarint64(UInt64(span.length))
        out.appendLE(contentCheck(d))
        encodeAnnotations(annotations, into: &out)
    }

    /// CRC-32 of the UTF-8 of the document's annotation text (`StoredAnnotations.text(of:)`),
    /// computed without building it: it tells whether parsing the source again gave the
    /// text the quotes' and mentions' offsets point into.
    static func contentCheck(_ d: Document) -> UInt32 {
        var crc: UInt32 = 0
        func add(_ s: String) {
            var s = s
            s.withUTF8 { crc = evx_crc32(crc, $0.baseAddress, $0.count) }
        }
        for piece in StoredAnnotations.pieces(of: d) { add(piece) }
        return crc
    }

    /// Rewrites a record for another segment: a reference's file ordinal goes through `remap`;
    /// everything else is copied as it is.
    static func copy(_ record: UnsafeRawBufferPointer, remap: (UInt32) throws(IndexError) -> UInt32, into out: inout ByteBuffer) throws(IndexError) {
        var r = ByteReader(record)
        guard try r.u8() == Form.reference.rawValue else {
            out.append(contentsOf: record)
            return
        }
        let file = try r.varint()
        out.append(Form.reference.rawValue)
        out.appendVarint(try remap(file))
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[r.offset...]))
    }

    private static func encodeAnnotations(_ annotations: TextAnnotations, into out: inout ByteBuffer) {
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

    /// The document and, when asked, its annotations; the quote and mention texts are cut
    /// from the document's annotation text. `resolve` gives a reference's document (parsed
    /// from its source); its content check is verified here.
    static func decodeRecord(
        _ r: inout ByteReader, annotations wanted: Bool,
        resolve: (Reference) throws(IndexError) -> Document
    ) throws(IndexError) -> (document: Document, annotations: TextAnnotations) {
        let doc: Document
        switch Form(rawValue: try r.u8()) {
        case .copy: doc = try decodeCopy(&r)
        case .reference:
            let ref = try readReference(&r)
            doc = try resolve(ref)
            guard contentCheck(doc) == ref.check else { throw .sourceChanged(id: doc.id) }
        case nil: throw .corrupt("stored document of unknown form")
        }
        guard wanted else { return (doc, TextAnnotations()) }
        return (doc, try decodeAnnotations(&r, of: doc))
    }

    /// Checks a record's structure without reading any source file; returns its reference,
    /// if it is one, for the caller to check against the segment's tables.
    @discardableResult
    static func validate(_ r: inout ByteReader) throws(IndexError) -> Reference? {
        var reference: Reference?
        switch Form(rawValue: try r.u8()) {
        case .copy: _ = try decodeCopy(&r)
        case .reference: reference = try readReference(&r)
        case nil: throw .corrupt("stored document of unknown form")
        }
        try skipAnnotations(&r)
        return reference
    }

    static func readReference(_ r: inout ByteReader) throws(IndexError) -> Reference {
        let file = try r.varint()
        let offset = try r.varint64()
        let length = try r.varint64()
        guard offset < UInt64(Int.max / 2), length < UInt64(Int.max / 2) else { throw .corrupt("stored reference out of range") }
        return Reference(file: file, span: SourceSpan(offset: Int(offset), length: Int(length)), check: try r.u32())
    }

    private static func decodeCopy(_ r: inout ByteReader) throws(IndexError) -> Document {
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
        // each paragraph takes at least 3 bytes: a damaged count must not size the array
        paragraphs.reserveCapacity(min(Int(np), r.remaining / 3))
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

    private static func skipAnnotations(_ r: inout ByteReader) throws(IndexError) {
        let nq = try r.varint()
        for _ in 0..<nq {
            _ = try r.varint()
            _ = try r.varint()
            _ = try r.u8()
            if try r.u8() == 1 {
                _ = try r.string()
                _ = try optional(&r)
                _ = try optional(&r)
                _ = try readRange(&r)
            }
            _ = try readRange(&r)
            let nn = try r.varint()
            for _ in 0..<nn { _ = try readRange(&r) }
        }
        let no = try r.varint()
        for _ in 0..<no {
            _ = try r.varint()
            _ = try r.varint()
            _ = try r.string()
            _ = try r.string()
        }
    }

    private static func decodeAnnotations(_ r: inout ByteReader, of doc: Document) throws(IndexError) -> TextAnnotations {
        let id = doc.id
        // Quote and mention texts are cut from the annotation text's UTF-8 by code-point
        // offsets: appending scalars one by one to a String (thousands of turns a hearing day)
        // was a third of a quote search over transcripts.
        let utf8 = Array(StoredAnnotations.text(of: doc).text.utf8)
        // Where code point i starts in `utf8` (with one entry past the end); nil when every code
        // point is one byte.
        var starts: [Int32]? = nil
        var scalarCount = utf8.count
        if utf8.contains(where: { $0 >= 0x80 }) {
            var table: [Int32] = []
            table.reserveCapacity(utf8.count + 1)
            for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 { table.append(Int32(i)) }
            scalarCount = table.count
            table.append(Int32(utf8.count))
            starts = table
        }
        func cut(_ range: Range<Int>) throws(IndexError) -> String {
            guard range.lowerBound >= 0, range.upperBound <= scalarCount else {
                throw .corrupt("stored quote of \(id) lies outside its text")
            }
            let a = starts.map { Int($0[range.lowerBound]) } ?? range.lowerBound
            let b = starts.map { Int($0[range.upperBound]) } ?? range.upperBound
            return String(decoding: utf8[a..<b], as: UTF8.self)
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
        return result
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
