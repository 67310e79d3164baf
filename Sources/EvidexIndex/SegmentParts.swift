/// The per-document parts of a segment (everything but the term dictionary and postings),
/// filled in doc-id order by the builder and by the merger, and the final file assembly.
struct SegmentParts {
    private(set) var ids: [String] = []
    /// Heap bytes of the ids longer than 15 bytes, kept as they are added: the memory budget
    /// is checked for every document, and summing the ids there made building quadratic.
    private var heapIDBytes = 0
    var dates: [Int32] = []
    var kinds: [UInt8] = []
    var sources: [String] = []
    var paths: [String] = []
    var fieldLengths: [[UInt32]] = Array(repeating: [], count: IndexField.textFields.count)
    var store: DocumentStoreWriter
    /// Absolute paths of the files that reference records read, in order of first use (store
    /// blocks are written as documents arrive, so ordinals cannot wait for a sort).
    private(set) var sourceFiles: [String] = []
    private var sourceFileOrdinals: [String: UInt32] = [:]

    /// `spillDirectory`: where large sections may spill while the segment is built (the
    /// index folder); nil keeps them in memory.
    init(spillDirectory: String? = nil) {
        store = DocumentStoreWriter(spillDirectory: spillDirectory)
    }

    var docCount: Int { ids.count }

    /// The ordinal of a source file in `sourceFiles`, added on first use.
    mutating func sourceFileOrdinal(_ path: String) -> UInt32 {
        if let o = sourceFileOrdinals[path] { return o }
        let o = UInt32(sourceFiles.count)
        sourceFiles.append(path)
        sourceFileOrdinals[path] = o
        return o
    }

    /// A rough count of the bytes the per-document columns hold (for the memory budget).
    var memoryBytes: Int {
        docCount * (4 + 1 + 3 * 16 + 4 * fieldLengths.count) + heapIDBytes
    }

    mutating func appendID(_ id: String) {
        ids.append(id)
        // Strings longer than 15 bytes live on the heap.
        let n = id.utf8.count
        if n > 15 { heapIDBytes += n + 32 }
    }

    func totalLength(_ field: Int) -> UInt64 {
        fieldLengths[field].reduce(0) { $0 + UInt64($1) }
    }

    /// Writes a complete segment file from these parts and encoded term data; `stamps` gives
    /// the source files' stamps by path.
    mutating func write(to path: String, dictionary: TermDictionaryBuilder, encoder: PostingsEncoder,
                        stamps: [String: FileStamp]) throws(IndexError) {
        try write(to: path, dictionary: dictionary, encoders: [encoder], stamps: stamps)
    }

    /// `write` with the postings and positions sections made of several encoders' streams,
    /// one after another (the dictionary's offsets already account for that).
    mutating func write(to path: String, dictionary: TermDictionaryBuilder, encoders: [PostingsEncoder],
                        stamps: [String: FileStamp]) throws(IndexError) {
        let encoder = encoders[encoders.count - 1]
        let n = ids.count
        var sections: [(SegmentSection, SectionBytes)] = []
        var stats = ByteBuffer()
        stats.appendLE(UInt32(n))
        stats.appendLE(UInt32(IndexField.textFields.count))
        for f in 0..<IndexField.textFields.count { stats.appendLE(totalLength(f)) }
        sections.append((.stats, .memory(stats)))
        let (blockKeys, blockOffsets, blocks) = dictionary.finish()
        sections.append((.termBlockKeys, .memory(blockKeys)))
        sections.append((.termBlockOffsets, .memory(blockOffsets)))
        sections.append((.termBlocks, .memory(blocks)))
        // Slack for the 8-byte unaligned loads of unpacking.
        for _ in 0..<16 { encoder.postingsStream.tail.append(0) }
        sections.append((.postings, .streams(encoders.map(\.postingsStream))))
        for _ in 0..<16 { encoder.positionsStream.tail.append(0) }
        sections.append((.positions, .streams(encoders.map(\.positionsStream))))

        // Each column is let go once encoded: the parts of a merged segment of millions of
        // documents are the largest memory of a merge, and the copies would double them.
        var lengths = ByteBuffer(capacity: n * 2 * IndexField.textFields.count)
        for f in 0..<IndexField.textFields.count {
            PackedColumn.encode(fieldLengths[f], into: &lengths)
            fieldLengths[f] = []
        }
        sections.append((.fieldLengths, .memory(lengths)))
        // Dates as days after the earliest (1 = the earliest, 0 = no date), which most
        // corpora's date span packs into two bytes.
        let earliest = dates.lazy.filter { $0 != Int32.min }.min() ?? 0
        var dateCol = ByteBuffer(capacity: 4 + n * 2)
        dateCol.appendLE(UInt32(bitPattern: earliest))
        PackedColumn.encode(dates.lazy.map { $0 == Int32.min ? 0 : UInt32(Int64($0) - Int64(earliest) + 1) }, into: &dateCol)
        dates = []
        sections.append((.dates, .memory(dateCol)))
        var kindCol = ByteBuffer(capacity: n)
        for k in kinds { kindCol.append(k) }
        kinds = []
        sections.append((.kinds, .memory(kindCol)))
        let (srcOrd, srcTable) = SegmentParts.ordinals(sources)
        sources = []
        sections.append((.sourceOrdinals, .memory(srcOrd)))
        sections.append((.sourceStrings, .memory(srcTable)))
        let (pathOrd, pathTable, distinctPaths) = SegmentParts.ordinalsAndValues(paths)
        paths = []
        sections.append((.pathOrdinals, .memory(pathOrd)))
        sections.append((.pathStrings, .memory(pathTable)))
        var stampCol = ByteBuffer(capacity: distinctPaths.count * 16)
        for p in distinctPaths {
            let s = stamps[p] ?? .none
            stampCol.appendLE(s.size)
            stampCol.appendLE(UInt64(bitPattern: s.modified))
        }
        sections.append((.pathStamps, .memory(stampCol)))

        store.finish()
        var storeIndex = ByteBuffer()
        storeIndex.appendLE(store.blockCount)
        storeIndex.append(contentsOf: store.index.bytes)
        sections.append((.storeIndex, .memory(storeIndex)))
        sections.append((.storeData, .streams([store.data])))
        sections.append((.sourceFiles, .memory(StringTableWriter.encode(sourceFiles.map { Array($0.utf8) }))))

        let idOrder = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        sections.append((.idKeys, .memory(StringTableWriter.encode(ids, order: idOrder))))
        var idDocs = ByteBuffer(capacity: 1 + n * 4)
        PackedColumn.encode(idOrder.lazy.map { UInt32($0) }, into: &idDocs)
        sections.append((.idDocs, .memory(idDocs)))
        // Inverse: doc → position in the sorted id table, so hits resolve ids without the store.
        var inverse = [UInt32](repeating: 0, count: n)
        for (rank, doc) in idOrder.enumerated() { inverse[doc] = UInt32(rank) }
        var idOrd = ByteBuffer(capacity: 1 + n * 4)
        PackedColumn.encode(inverse, into: &idOrd)
        sections.append((.idOrdinals, .memory(idOrd)))
        try SegmentFileLayout.write(sections, to: path)
    }

    /// A sorted string table of the distinct values and a packed column of each document's ordinal.
    static func ordinals(_ values: [String]) -> (ByteBuffer, ByteBuffer) {
        let (col, table, _) = ordinalsAndValues(values)
        return (col, table)
    }

    /// `ordinals`, with the sorted distinct values.
    static func ordinalsAndValues(_ values: [String]) -> (ByteBuffer, ByteBuffer, [String]) {
        let distinct = Array(Set(values)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var ordOf: [String: UInt32] = [:]
        for (i, v) in distinct.enumerated() { ordOf[v] = UInt32(i) }
        var col = ByteBuffer(capacity: 1 + values.count)
        PackedColumn.encode(values.lazy.map { ordOf[$0]! }, into: &col)
        return (col, StringTableWriter.encode(distinct.map { Array($0.utf8) }), distinct)
    }
}

/// A section's bytes: built in memory, or a stream that may have spilled to disk.
enum SectionBytes {
    case memory(ByteBuffer)
    /// Streams written one after another as one section.
    case streams([SpillFile])
}

/// Places sections in a segment file: header, 8-aligned sections, directory, footer. Sections
/// go straight to the file with the CRC computed as they pass (no whole-file copy in memory),
/// and the file is fsynced before it is named in any commit.
enum SegmentFileLayout {
    static func write(_ sections: [(SegmentSection, SectionBytes)], to path: String) throws(IndexError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "create", errno: errno) }
        defer { close(fd) }
        do {
            try write(sections, fd: fd, path: path)
        } catch {
            // A full disk or a file-size limit: no commit names the partial file, so it goes now
            // rather than waiting for the next writer to sweep it.
            unlink(path)
            throw error
        }
    }

    private static func write(_ sections: [(SegmentSection, SectionBytes)], fd: Int32, path: String) throws(IndexError) {
        var offset = 0
        var crc: UInt32 = 0
        func put(_ raw: UnsafeRawBufferPointer, checksummed: Bool = true) throws(IndexError) {
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            if checksummed { crc = evx_crc32(crc, base.assumingMemoryBound(to: UInt8.self), raw.count) }
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .io(path: path, operation: "write", errno: errno)
                }
                done += n
            }
            offset += raw.count
        }
        func put(_ buffer: ByteBuffer, checksummed: Bool = true) throws(IndexError) {
            try buffer.bytes.withRawBytes { (raw) throws(IndexError) in try put(raw, checksummed: checksummed) }
        }
        func padding() throws(IndexError) {
            let pad = (8 - offset % 8) % 8
            if pad > 0 { try put(ByteBuffer.zeros(pad)) }
        }
        var header = ByteBuffer()
        header.appendLE(IndexFormat.segmentMagic)
        header.appendLE(IndexFormat.version)
        try put(header)
        var directory = ByteBuffer()
        directory.appendLE(UInt32(sections.count))
        for (id, body) in sections {
            try padding()
            directory.appendLE(id.rawValue)
            directory.appendLE(UInt64(offset))
            switch body {
            case .memory(let buf):
                directory.appendLE(UInt64(buf.count))
                try put(buf)
            case .streams(let streams):
                directory.appendLE(UInt64(streams.reduce(0) { $0 + $1.count }))
                for stream in streams {
                    // Spilled bytes go file to file, their CRC taken when they were spilled.
                    if stream.spilled > 0, try stream.copySpilled(to: fd, path: path) {
                        crc = evx_crc32_combine(crc, stream.spilledCRC, UInt64(stream.spilled))
                        offset += stream.spilled
                        try stream.withTail { (raw) throws(IndexError) in try put(raw) }
                    } else {
                        try stream.forEachChunk { (raw) throws(IndexError) in try put(raw) }
                    }
                }
            }
        }
        try padding()
        directory.appendLE(UInt64(offset))  // where the directory starts
        try put(directory)
        var version = ByteBuffer()
        version.appendLE(IndexFormat.version)
        try put(version)
        var tail = ByteBuffer()
        tail.appendLE(crc)
        tail.appendLE(IndexFormat.footerMagic)
        try put(tail, checksummed: false)
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CEvidexZlib
