/// The per-document parts of a segment (everything but the term dictionary and postings),
/// filled in doc-id order by the builder and by the merger, and the final file assembly.
struct SegmentParts {
    var ids: [String] = []
    var dates: [Int32] = []
    var kinds: [UInt8] = []
    var sources: [String] = []
    var paths: [String] = []
    var fieldLengths: [[UInt32]] = Array(repeating: [], count: IndexField.textFields.count)
    var store = DocumentStoreWriter()

    var docCount: Int { ids.count }

    func totalLength(_ field: Int) -> UInt64 {
        fieldLengths[field].reduce(0) { $0 + UInt64($1) }
    }

    /// Assembles a complete segment file from these parts and encoded term data.
    mutating func assemble(termKeys: [[UInt8]], termInfos: [TermInfo], encoder: PostingsEncoder) -> [UInt8] {
        let n = ids.count
        var sections: [(SegmentSection, ByteBuffer)] = []
        var stats = ByteBuffer()
        stats.appendLE(UInt32(n))
        stats.appendLE(UInt32(IndexField.textFields.count))
        for f in 0..<IndexField.textFields.count { stats.appendLE(totalLength(f)) }
        sections.append((.stats, stats))
        let (blockKeys, blockOffsets, blocks) = TermDictionaryWriter.encode(keys: termKeys, infos: termInfos)
        sections.append((.termBlockKeys, blockKeys))
        sections.append((.termBlockOffsets, blockOffsets))
        sections.append((.termBlocks, blocks))
        var post = encoder.postings
        for _ in 0..<16 { post.append(0) }  // slack for the 8-byte unaligned loads of unpacking
        sections.append((.postings, post))
        var pos = encoder.positions
        for _ in 0..<16 { pos.append(0) }
        sections.append((.positions, pos))

        var lengths = ByteBuffer(capacity: n * 4 * IndexField.textFields.count)
        for f in 0..<IndexField.textFields.count { for l in fieldLengths[f] { lengths.appendLE(l) } }
        sections.append((.fieldLengths, lengths))
        var dateCol = ByteBuffer(capacity: n * 4)
        for d in dates { dateCol.appendLE(d) }
        sections.append((.dates, dateCol))
        var kindCol = ByteBuffer(capacity: n)
        for k in kinds { kindCol.append(k) }
        sections.append((.kinds, kindCol))
        let (srcOrd, srcTable) = SegmentParts.ordinals(sources)
        sections.append((.sourceOrdinals, srcOrd))
        sections.append((.sourceStrings, srcTable))
        let (pathOrd, pathTable) = SegmentParts.ordinals(paths)
        sections.append((.pathOrdinals, pathOrd))
        sections.append((.pathStrings, pathTable))

        store.finish()
        var storeIndex = ByteBuffer()
        storeIndex.appendLE(store.blockCount)
        storeIndex.append(contentsOf: store.index.bytes)
        sections.append((.storeIndex, storeIndex))
        sections.append((.storeData, store.data))

        let idOrder = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        sections.append((.idKeys, StringTableWriter.encode(idOrder.map { Array(ids[$0].utf8) })))
        var idDocs = ByteBuffer(capacity: n * 4)
        for i in idOrder { idDocs.appendLE(UInt32(i)) }
        sections.append((.idDocs, idDocs))
        // Inverse: doc → position in the sorted id table, so hits resolve ids without the store.
        var inverse = [UInt32](repeating: 0, count: n)
        for (rank, doc) in idOrder.enumerated() { inverse[doc] = UInt32(rank) }
        var idOrd = ByteBuffer(capacity: n * 4)
        for v in inverse { idOrd.appendLE(v) }
        sections.append((.idOrdinals, idOrd))
        return SegmentFileLayout.assemble(sections)
    }

    /// A sorted string table of the distinct values and a u32 ordinal per document.
    static func ordinals(_ values: [String]) -> (ByteBuffer, ByteBuffer) {
        let distinct = Array(Set(values)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var ordOf: [String: UInt32] = [:]
        for (i, v) in distinct.enumerated() { ordOf[v] = UInt32(i) }
        var col = ByteBuffer(capacity: values.count * 4)
        for v in values { col.appendLE(ordOf[v]!) }
        return (col, StringTableWriter.encode(distinct.map { Array($0.utf8) }))
    }
}

/// Places sections in a segment file: header, 8-aligned sections, directory, footer.
enum SegmentFileLayout {
    static func assemble(_ sections: [(SegmentSection, ByteBuffer)]) -> [UInt8] {
        let total = sections.reduce(64) { $0 + $1.1.count + 8 } + sections.count * 20 + 32
        var out = ByteBuffer(capacity: total)
        out.appendLE(IndexFormat.segmentMagic)
        out.appendLE(IndexFormat.version)
        var directory: [(UInt32, UInt64, UInt64)] = []
        for (id, buf) in sections {
            out.pad(toMultipleOf: 8)
            directory.append((id.rawValue, UInt64(out.count), UInt64(buf.count)))
            out.append(contentsOf: buf.bytes)
        }
        out.pad(toMultipleOf: 8)
        let dirAt = UInt64(out.count)
        out.appendLE(UInt32(directory.count))
        for (id, off, len) in directory {
            out.appendLE(id)
            out.appendLE(off)
            out.appendLE(len)
        }
        out.appendLE(dirAt)
        IndexFormat.appendFooter(to: &out)
        return out.bytes
    }
}
