import CEvidexZlib
import EvidexDocuments
import Foundation
import EvidexQuotes

/// An open, immutable segment: the mapped file and typed views of its sections.
public final class SegmentReader: @unchecked Sendable {
    public let name: String
    let file: MappedFile
    /// The segment file's size.
    var fileBytes: Int { file.bytes.count }
    public let docCount: Int
    /// Total tokens per text field, for average field lengths.
    public let totalFieldLengths: [UInt64]
    let dictionary: TermDictionary
    let postings: UnsafePointer<UInt8>
    let positions: UnsafePointer<UInt8>
    /// Section sizes, which cursors do not read past.
    let postingsSize: Int
    let positionsSize: Int
    /// One column per text field, in field order.
    let fieldLengths: [PackedColumn]
    /// Days after `earliestDate` (1 = that day), 0 for no date.
    let dates: PackedColumn
    let earliestDate: Int32
    let kinds: UnsafePointer<UInt8>
    let sourceOrdinals: PackedColumn
    let sourceStrings: StringTable
    let pathOrdinals: PackedColumn
    let pathStrings: StringTable
    private let pathStamps: UnsafeRawBufferPointer
    let storeIndex: UnsafeRawPointer
    let storeBlocks: Int
    let storeData: UnsafeRawBufferPointer
    let idKeys: StringTable
    let idDocs: PackedColumn
    let idOrdinals: PackedColumn
    /// Absolute paths of the files that reference records are read from.
    let sourceFiles: StringTable

    public var termCount: Int { dictionary.count }
    public var byteSize: Int { file.bytes.count }
    /// The bytes of each section, in the order of the file's section directory.
    public var sectionSizes: [(name: String, bytes: Int)] {
        // Named only when asked: interpolating the enum (reflection) cost every open.
        sectionIDs.map { (SegmentSection(rawValue: $0.id).map { "\($0)" } ?? "section \($0.id)", $0.bytes) }
    }
    private let sectionIDs: [(id: UInt32, bytes: Int)]

    public init(path: String, name: String) throws(IndexError) {
        self.name = name
        let name = name
        file = try MappedFile(path: path)
        let data = file.bytes
        try IndexFormat.checkFooter(data, file: name)
        guard data.count >= 8 + 8 + IndexFormat.footerSize,
              loadLE32(data.baseAddress!, 0) == IndexFormat.segmentMagic
        else { throw .corrupt("\(name) is not a segment file") }
        let base = data.baseAddress!
        let dirAt = Int(truncatingIfNeeded: loadLE64(base, data.count - IndexFormat.footerSize - 8))
        guard dirAt >= 0, dirAt <= data.count - 4 else { throw .corrupt("\(name): section directory out of range") }
        let n = Int(loadLE32(base, dirAt))
        var sections: [UInt32: UnsafeRawBufferPointer] = [:]
        var sizes: [(id: UInt32, bytes: Int)] = []
        for i in 0..<n {
            let e = dirAt + 4 + i * 20
            guard e + 20 <= data.count else { throw .corrupt("\(name): section directory truncated") }
            let id = loadLE32(base, e)
            // Read as they lie: a damaged directory must be an error, not an overflow trap.
            let off = Int(truncatingIfNeeded: loadLE64(base, e + 4))
            let len = Int(truncatingIfNeeded: loadLE64(base, e + 12))
            guard off >= 0, len >= 0, off <= dirAt, len <= dirAt - off else { throw .corrupt("\(name): section \(id) out of range") }
            sections[id] = UnsafeRawBufferPointer(start: base + off, count: len)
            sizes.append((id, len))
        }
        sectionIDs = sizes
        func section(_ s: SegmentSection) throws(IndexError) -> UnsafeRawBufferPointer {
            guard let r = sections[s.rawValue] else { throw .corrupt("\(name): missing section \(s)") }
            return r
        }
        let stats = try section(.stats)
        guard stats.count >= 8 else { throw .corrupt("\(name): stats section too short") }
        let dc = Int(loadLE32(stats.baseAddress!, 0))
        docCount = dc
        let nf = Int(loadLE32(stats.baseAddress!, 4))
        guard nf == IndexField.textFields.count, stats.count >= 8 + nf * 8 else { throw .corrupt("\(name): unexpected field count") }
        totalFieldLengths = (0..<nf).map { loadLE64(stats.baseAddress!, 8 + $0 * 8) }

        dictionary = try TermDictionary(
            firstKeys: try StringTable(try section(.termBlockKeys)),
            offsets: try section(.termBlockOffsets), blocks: try section(.termBlocks))
        let postingsSection = try section(.postings)
        let positionsSection = try section(.positions)
        guard let pb = postingsSection.baseAddress, let qb = positionsSection.baseAddress else { throw .corrupt("\(name): empty postings or positions section") }
        postings = pb.assumingMemoryBound(to: UInt8.self)
        positions = qb.assumingMemoryBound(to: UInt8.self)
        postingsSize = postingsSection.count
        positionsSize = positionsSection.count
        func column(_ s: SegmentSection, width: Int) throws(IndexError) -> UnsafeRawPointer {
            let r = try section(s)
            guard r.count == dc * width else { throw .corrupt("\(name): column \(s) has the wrong size") }
            return r.baseAddress ?? UnsafeRawPointer(base)
        }
        /// A section that is exactly one packed column of a value per document.
        func packed(_ s: SegmentSection) throws(IndexError) -> PackedColumn {
            let r = try section(s)
            let c = try PackedColumn(r, count: dc, name: "\(name): \(s)")
            guard c.encodedSize == r.count else { throw .corrupt("\(name): column \(s) has the wrong size") }
            return c
        }
        let lengthSection = try section(.fieldLengths)
        var lengthColumns: [PackedColumn] = []
        var at = 0
        for _ in 0..<nf {
            let c = try PackedColumn(UnsafeRawBufferPointer(rebasing: lengthSection[at...]), count: dc, name: "\(name): fieldLengths")
            lengthColumns.append(c)
            at += c.encodedSize
        }
        guard at == lengthSection.count else { throw .corrupt("\(name): column fieldLengths has the wrong size") }
        fieldLengths = lengthColumns
        let dateSection = try section(.dates)
        guard dateSection.count >= 4 else { throw .corrupt("\(name): column dates has the wrong size") }
        earliestDate = Int32(bitPattern: loadLE32(dateSection.baseAddress!, 0))
        dates = try PackedColumn(UnsafeRawBufferPointer(rebasing: dateSection[4...]), count: dc, name: "\(name): dates")
        guard 4 + dates.encodedSize == dateSection.count else { throw .corrupt("\(name): column dates has the wrong size") }
        kinds = try column(.kinds, width: 1).assumingMemoryBound(to: UInt8.self)
        sourceOrdinals = try packed(.sourceOrdinals)
        sourceStrings = try StringTable(try section(.sourceStrings))
        pathOrdinals = try packed(.pathOrdinals)
        pathStrings = try StringTable(try section(.pathStrings))
        pathStamps = try section(.pathStamps)
        guard pathStamps.count == pathStrings.count * 16 else { throw .corrupt("\(name): path stamps do not match the paths") }
        let si = try section(.storeIndex)
        guard si.count >= 4 else { throw .corrupt("\(name): store index too short") }
        storeBlocks = Int(loadLE32(si.baseAddress!, 0))
        guard si.count == 4 + storeBlocks * 20 else { throw .corrupt("\(name): store index size") }
        storeIndex = si.baseAddress! + 4
        storeData = try section(.storeData)
        idKeys = try StringTable(try section(.idKeys))
        guard idKeys.count == dc else { throw .corrupt("\(name): id table size") }
        idDocs = try packed(.idDocs)
        idOrdinals = try packed(.idOrdinals)
        sourceFiles = try StringTable(try section(.sourceFiles))
    }

    // MARK: terms

    public func termInfo(_ key: TermKey) -> TermInfo? {
        dictionary.info(key.bytes)
    }

    /// Every term whose key starts with `prefix`, in key order.
    public func forEachTerm(withPrefix prefix: TermKey, _ body: (TermKey, TermInfo) -> Void) {
        dictionary.forEach(withPrefix: prefix.bytes) { _, k, info in body(TermKey(raw: k), info) }
    }

    /// Ordinals of the terms whose key starts with `prefix` (a range of the sorted dictionary).
    public func termOrdinals(withPrefix prefix: TermKey) -> Range<Int> {
        var first = -1
        var last = -1
        dictionary.forEach(withPrefix: prefix.bytes) { o, _, _ in
            if first < 0 { first = o }
            last = o
        }
        return first < 0 ? 0..<0 : first..<(last + 1)
    }

    /// Random access by ordinal (decodes one dictionary block).
    public func termInfo(ordinal: Int) -> TermInfo { dictionary.entry(ordinal: ordinal).1 }
    public func termKey(ordinal: Int) -> TermKey { TermKey(raw: dictionary.entry(ordinal: ordinal).0) }

    public func postings(_ info: TermInfo) -> PostingsCursor {
        PostingsCursor(postings: postings, positions: positions, info: checked(info), postingsEnd: postingsSize, positionsEnd: positionsSize)
    }

    /// A term info a damaged dictionary cannot turn into a read outside the segment: more
    /// documents than the segment holds read as an empty list.
    @inline(__always)
    private func checked(_ info: TermInfo) -> TermInfo {
        info.docFreq <= UInt32(docCount) ? info : TermInfo(docFreq: 0, postingsOffset: 0, positionsOffset: 0)
    }

    /// The words of a word group (its `group` entry's info and stem), in ordinal order; empty
    /// when the entry is damaged.
    public func forms(ofGroup info: TermInfo, stem: String) -> [String] {
        formTable(info, stem).map { String(decoding: $0.word, as: UTF8.self) }
    }

    /// A word's ordinal in its group's list and the documents holding it there (nil: no
    /// document of the segment has it).
    public func form(_ word: String, ofGroup info: TermInfo, stem: String) -> (ordinal: UInt32, docFreq: UInt32)? {
        if info.formCount == 0 { return word == stem ? (0, info.docFreq) : nil }
        var word = word
        var stem = stem
        return word.withUTF8 { w in
            stem.withUTF8 { s in dictionary.form(UnsafeRawBufferPointer(w), of: info, stem: UnsafeRawBufferPointer(s)) }
        }
    }

    private func formTable(_ info: TermInfo, _ stem: String) -> [(word: [UInt8], docFreq: UInt32)] {
        var stem = stem
        return stem.withUTF8 { dictionary.forms(of: info, stem: UnsafeRawBufferPointer($0)) } ?? []
    }

    /// The stem a `form` entry names (its info and the word); nil when damaged.
    public func stem(ofForm info: TermInfo, form: String) -> String? {
        var form = form
        return form.withUTF8 { dictionary.stem(of: info, form: UnsafeRawBufferPointer($0)) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A cursor that also knows its field's lengths, for exact bounds on short lists.
    public func postings(_ info: TermInfo, field: IndexField) -> PostingsCursor {
        let lengths = field.isText ? fieldLengths[Int(field.rawValue)] : nil
        return PostingsCursor(postings: postings, positions: positions, info: checked(info), lengths: lengths,
                              postingsEnd: postingsSize, positionsEnd: positionsSize)
    }

    // MARK: per-document values

    @inline(__always)
    public func fieldLength(_ field: IndexField, _ doc: UInt32) -> UInt32 {
        fieldLengths[Int(field.rawValue)][Int(doc)]
    }

    @inline(__always)
    public func dateOrdinal(_ doc: UInt32) -> Int32? {
        let v = dates[Int(doc)]
        return v == 0 ? nil : Int32(truncatingIfNeeded: Int64(earliestDate) + Int64(v) - 1)
    }

    @inline(__always)
    public func kind(_ doc: UInt32) -> DocumentKind { StoredDocumentCodec.kindFrom(kinds[Int(doc)]) }

    @inline(__always)
    public func sourceOrdinal(_ doc: UInt32) -> Int { Int(sourceOrdinals[Int(doc)]) }

    /// The facet values of a set of documents, tallied in one pass in this module: called per
    /// document from the searcher, the three column reads were a quarter of an exhaustive
    /// search of a frequent word on synth-1M (`evidex search`'s facets count every match).
    /// `words`: bit d % 64 of word d / 64 marks document d; documents in `deletes` are
    /// skipped, the others set in `matched` when it is given. Adds to `sourceCounts` (by source
    /// ordinal, `sourceCount` entries), `kindCounts` (by `DocumentKind.allCases` order) and `dateCounts`
    /// (by date value: `dateOrdinal(value:)`, 0 = no date; grown as needed, values of 2^20
    /// and more, which only a damaged column holds, in `farDateCounts`); returns how many documents
    /// it tallied.
    public func tallyFacets(_ words: UnsafeBufferPointer<UInt64>, deletes: DeleteSet?, matched: UnsafeMutableBufferPointer<Bool>?,
                            sourceCounts: UnsafeMutableBufferPointer<Int>, kindCounts: UnsafeMutableBufferPointer<Int>,
                            dateCounts: inout [Int], farDateCounts: inout [Int: Int]) -> Int {
        var tallied = 0
        var kindsByCode = [Int](repeating: 0, count: 256)
        for (i, word) in words.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                let d = i << 6 | w.trailingZeroBitCount
                w &= w &- 1
                guard d < docCount else { break }
                if let deletes, deletes.contains(UInt32(d)) { continue }
                tallied += 1
                matched?[d] = true
                let so = Int(sourceOrdinals[d])
                if so < sourceCounts.count { sourceCounts[so] += 1 }
                kindsByCode[Int(kinds[d])] += 1
                let v = Int(dates[d])
                if v >= 1 << 20 {
                    farDateCounts[v, default: 0] += 1
                    continue
                }
                if v >= dateCounts.count { dateCounts.append(contentsOf: repeatElement(0, count: v + 1 - dateCounts.count)) }
                dateCounts[v] += 1
            }
        }
        for (code, n) in kindsByCode.enumerated() where n > 0 {
            let kind = StoredDocumentCodec.kindFrom(UInt8(code))
            if let k = DocumentKind.allCases.firstIndex(of: kind), k < kindCounts.count { kindCounts[k] += n }
        }
        return tallied
    }

    /// The day of a date value of the dates column (≥ 1; 0 means no date).
    public func dateOrdinal(value: Int) -> Int32 { Int32(truncatingIfNeeded: Int64(earliestDate) + Int64(value) - 1) }

    public var sourceCount: Int { sourceStrings.count }
    public func sourceName(ordinal: Int) -> String { sourceStrings.string(ordinal) }

    public func path(_ doc: UInt32) -> String { pathStrings.string(Int(pathOrdinals[Int(doc)])) }
    public var pathCount: Int { pathStrings.count }
    public var distinctPaths: [String] { (0..<pathStrings.count).map { pathStrings.string($0) } }
    public func pathOrdinal(_ doc: UInt32) -> Int { Int(pathOrdinals[Int(doc)]) }

    /// The size and modification time the file at a path ordinal had when it was indexed
    /// (nil for documents not read from a file).
    public func stamp(pathOrdinal o: Int) -> FileStamp? {
        let size = loadLE64(pathStamps.baseAddress!, o * 16)
        if size == UInt64.max { return nil }
        return FileStamp(size: size, modified: Int64(bitPattern: loadLE64(pathStamps.baseAddress!, o * 16 + 8)))
    }

    /// The segment-local doc ids holding an external id (more than one only when a batch
    /// added the same id twice; all but the newest are then deleted).
    public func docs(forID id: String) -> [UInt32] {
        var id = id
        return id.withUTF8 { u in
            let k = UnsafeRawBufferPointer(u)
            var lo = 0
            var hi = idKeys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compareBytes(idKeys.bytes(mid), k) < 0 { lo = mid + 1 } else { hi = mid }
            }
            var out: [UInt32] = []
            while lo < idKeys.count && compareBytes(idKeys.bytes(lo), k) == 0 {
                out.append(idDocs[lo])
                lo += 1
            }
            return out
        }
    }

    /// The external id of a document.
    public func id(of doc: UInt32) -> String {
        idKeys.string(Int(idOrdinals[Int(doc)]))
    }

    /// All (id, doc) pairs in id order.
    public func forEachID(_ body: (String, UInt32) -> Void) {
        for i in 0..<idKeys.count { body(idKeys.string(i), idDocs[i]) }
    }

    // MARK: stored documents

    public func document(_ doc: UInt32) throws(IndexError) -> Document {
        try storedRecord(doc, annotations: false).document
    }

    /// The stored document with its quotes and organisation mentions (offsets into
    /// `StoredAnnotations.text(of:)`).
    public func annotatedDocument(_ doc: UInt32) throws(IndexError) -> (document: Document, annotations: TextAnnotations) {
        try storedRecord(doc, annotations: true)
    }

    private func storedRecord(_ doc: UInt32, annotations: Bool) throws(IndexError) -> (document: Document, annotations: TextAnnotations) {
        try withRecord(doc) { (r) throws(IndexError) in
            try StoredDocumentCodec.decodeRecord(&r, annotations: annotations) { (ref) throws(IndexError) in
                try self.reload(ref, doc: doc)
            }
        }
    }

    /// Calls body with a reader over a document's record (its store block decompressed).
    private func withRecord<R>(_ doc: UInt32, _ body: (inout ByteReader) throws(IndexError) -> R) throws(IndexError) -> R {
        guard Int(doc) < docCount else { throw .invalidArgument("document \(doc) out of range in \(name)") }
        // Binary search for the block whose first doc ≤ doc.
        var lo = 0
        var hi = storeBlocks
        while lo < hi {
            let mid = (lo + hi) / 2
            if loadLE32(storeIndex, mid * 20) <= doc { lo = mid + 1 } else { hi = mid }
        }
        let b = lo - 1
        guard b >= 0 else { throw .corrupt("\(name): store has no block for document \(doc)") }
        let e = b * 20
        let first = loadLE32(storeIndex, e)
        let off = Int(truncatingIfNeeded: loadLE64(storeIndex, e + 4))
        let clen = Int(loadLE32(storeIndex, e + 12))
        let rlen = Int(loadLE32(storeIndex, e + 16))
        guard off >= 0, off <= storeData.count - clen else { throw .corrupt("\(name): store block out of range") }
        // Deflate expands at most 1032:1, so a larger length is damage; allocating it could
        // take gigabytes (a FuzzSegment out-of-memory input).
        guard rlen <= clen &* 1032 &+ 64 else { throw .corrupt("\(name): store block \(b) claims \(rlen) bytes from \(clen)") }
        var raw = [UInt8](repeating: 0, count: rlen)
        let rc = raw.withUnsafeMutableBufferPointer { dst in
            evx_inflate(storeData.baseAddress!.assumingMemoryBound(to: UInt8.self) + off, clen, dst.baseAddress, rlen)
        }
        guard rc == 0 else { throw .corrupt("\(name): store block \(b) does not decompress") }
        return try raw.withRawBytes { (buf) throws(IndexError) -> R in
            var r = ByteReader(buf)
            var skip = doc - first
            while skip > 0 {
                let n = Int(try r.varint())
                r.offset += n
                skip -= 1
            }
            let n = Int(try r.varint())
            guard r.offset + n <= buf.count else { throw .corrupt("\(name): stored document truncated") }
            var dr = ByteReader(UnsafeRawBufferPointer(rebasing: buf[r.offset..<(r.offset + n)]))
            return try body(&dr)
        }
    }

    /// Reading back needs no limit: the span was read once already.
    private static let reloader = DocumentLoader(maxFileBytes: Int.max / 4, maxCollectionBytes: Int.max / 4)

    /// A reference record's document, parsed again from its source file.
    private func reload(_ ref: StoredDocumentCodec.Reference, doc: UInt32) throws(IndexError) -> Document {
        guard Int(ref.file) < sourceFiles.count else { throw .corrupt("\(name): stored reference to source file \(ref.file) of \(sourceFiles.count)") }
        let file = SourceFile(url: URL(fileURLWithPath: sourceFiles.string(Int(ref.file))), relativePath: path(doc))
        switch SegmentReader.reloader.reload(file, span: ref.span) {
        case .success(var d):
            d.id = id(of: doc)
            return d
        case .failure(let e) where e.reason == .changedSinceIndexed:
            throw .sourceChanged(id: id(of: doc))
        case .failure(let e):
            throw .sourceUnavailable(id: id(of: doc), path: e.path, problem: e.message)
        }
    }

    /// Whether a document's text is read from its source file rather than stored.
    public func isReference(_ doc: UInt32) throws(IndexError) -> Bool {
        var form: UInt8 = 0
        try withRecord(doc) { (r) throws(IndexError) in form = try r.u8() }
        return form == StoredDocumentCodec.Form.reference.rawValue
    }

    /// Calls body with each document's encoded bytes in doc-id order, decompressing each
    /// block once (merges copy documents without decoding them).
    func forEachEncodedDocument(_ body: (UInt32, UnsafeRawBufferPointer) throws(IndexError) -> Void) throws(IndexError) {
        try forEachStoreBlock { (block) throws(IndexError) in
            for (doc, record) in zip(block.firstDoc..., block.records) { try body(doc, record) }
        }
    }

    /// A block of the document store, decompressed, with its compressed bytes.
    struct StoreBlock {
        let firstDoc: UInt32
        /// The block's records (each document's encoded bytes), in doc order.
        let records: [UnsafeRawBufferPointer]
        let compressed: UnsafeRawBufferPointer
        let rawLength: Int
    }

    /// Each block of the document store in order (the buffers are valid during `body`), so that
    /// a merge may copy a block's compressed bytes as they are.
    func forEachStoreBlock(_ body: (StoreBlock) throws(IndexError) -> Void) throws(IndexError) {
        var raw: [UInt8] = []
        for b in 0..<storeBlocks {
            let e = b * 20
            var doc = loadLE32(storeIndex, e)
            let off = Int(truncatingIfNeeded: loadLE64(storeIndex, e + 4))
            let clen = Int(loadLE32(storeIndex, e + 12))
            let rlen = Int(loadLE32(storeIndex, e + 16))
            let nextFirst = b + 1 < storeBlocks ? loadLE32(storeIndex, (b + 1) * 20) : UInt32(docCount)
            guard off >= 0, off <= storeData.count - clen else { throw .corrupt("\(name): store block out of range") }
            guard rlen <= clen &* 1032 &+ 64 else { throw .corrupt("\(name): store block \(b) claims \(rlen) bytes from \(clen)") }
            raw = [UInt8](repeating: 0, count: rlen)
            let rc = raw.withUnsafeMutableBufferPointer { dst in
                evx_inflate(storeData.baseAddress!.assumingMemoryBound(to: UInt8.self) + off, clen, dst.baseAddress, rlen)
            }
            guard rc == 0 else { throw .corrupt("\(name): store block \(b) does not decompress") }
            let first = doc
            try raw.withRawBytes { (buf) throws(IndexError) in
                var r = ByteReader(buf)
                var records: [UnsafeRawBufferPointer] = []
                while doc < nextFirst {
                    let n = Int(try r.varint())
                    guard r.offset + n <= buf.count else { throw .corrupt("\(name): stored document truncated") }
                    records.append(UnsafeRawBufferPointer(rebasing: buf[r.offset..<(r.offset + n)]))
                    r.offset += n
                    doc += 1
                }
                try body(StoreBlock(firstDoc: first, records: records,
                                    compressed: UnsafeRawBufferPointer(rebasing: storeData[off..<(off + clen)]), rawLength: rlen))
            }
        }
    }

    /// Full checksum and structure check.
    public func verify() throws(IndexError) {
        try IndexFormat.verifyChecksum(file.bytes, file: name)
        var seen = 0
        try forEachEncodedDocument { (_, bytes) throws(IndexError) in
            var r = ByteReader(bytes)
            if let ref = try StoredDocumentCodec.validate(&r), Int(ref.file) >= sourceFiles.count {
                throw .corrupt("\(name): stored reference to a missing source file")
            }
            seen += 1
        }
        guard seen == docCount else { throw .corrupt("\(name): store holds \(seen) documents, expected \(docCount)") }
        // Every posting list must decode in range.
        var problem: IndexError?
        var positionScratch: [UInt32] = []
        var previous: [UInt8] = []
        dictionary.forEach { _, key, info in
            if problem != nil { return }
            if !previous.isEmpty && !previous.lexicographicallyPrecedes(key) {
                problem = .corrupt("\(name): term dictionary out of order")
                return
            }
            previous = key
            let c = postings(info)
            var n = 0
            var last: Int64 = -1
            let term = TermKey(raw: key)
            let namespace = TermDictionaryWriter.namespace(key)
            let field = IndexField(rawValue: key[0])
            if namespace != TermNamespace.exact.rawValue {
                let ok = key[2...].withUnsafeBytes { rest in
                    namespace == TermNamespace.group.rawValue
                        ? dictionary.forms(of: info, stem: rest)?.count == max(Int(info.formCount), 1)
                        : dictionary.stem(of: info, form: rest) != nil
                }
                guard ok, namespace <= TermNamespace.form.rawValue else {
                    problem = .corrupt("\(name): the term dictionary entry of \(term.term) is damaged")
                    return
                }
            }
            let forms = UInt32(max(info.formCount, 1))
            var tags: [UInt32] = []
            while c.doc != PostingsCursor.exhausted {
                guard Int64(c.doc) > last, Int(c.doc) < docCount else {
                    problem = .corrupt("\(name): posting list of \(term.term) is out of order or range")
                    return
                }
                // A document's positions: one per occurrence, strictly increasing, each of a
                // form the group lists, and none in a field the document has no tokens in.
                if let field, field.isText {
                    positionScratch.removeAll(keepingCapacity: true)
                    tags.removeAll(keepingCapacity: true)
                    c.taggedPositions(into: &positionScratch, forms: &tags)
                    let ordered = zip(positionScratch, positionScratch.dropFirst()).allSatisfy { $0 < $1 }
                    guard positionScratch.count == Int(c.freq), ordered, fieldLength(field, c.doc) > 0,
                          tags.allSatisfy({ $0 < forms }) else {
                        problem = .corrupt("\(name): positions of \(term.term) in document \(c.doc) do not match its frequency, forms or field length")
                        return
                    }
                }
                last = Int64(c.doc)
                n += 1
                c.next()
            }
            if n != Int(info.docFreq) { problem = .corrupt("\(name): posting list length mismatch") }
        }
        if let problem { throw problem }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
