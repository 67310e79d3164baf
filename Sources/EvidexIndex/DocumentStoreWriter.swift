import CEvidexZlib

/// Groups encoded documents into blocks of about `blockBytes`, or of `blockDocuments`
/// documents when those come first, and deflates each block. Blocks make compression effective
/// on short news items while `show` and snippets decompress only one block; the document cap
/// keeps that one block small when records are (references to source files are a few hundred
/// bytes, so a 32 KB block held a hundred documents, all inflated to read one).
struct DocumentStoreWriter {
    static let blockBytes = 32 * 1024
    static let blockDocuments = 16

    private(set) var index = ByteBuffer()
    /// Compressed blocks; they spill to disk as they pile up, so a segment's documents never
    /// have to fit in the memory budget.
    let data: SpillFile
    private var pending = ByteBuffer(capacity: blockBytes + 4096)
    private var pendingFirstDoc: UInt32 = 0
    private var pendingDocs = 0
    private var nextDoc: UInt32 = 0
    private(set) var blockCount: UInt32 = 0

    init(spillDirectory: String? = nil) {
        data = SpillFile(directory: spillDirectory)
    }

    /// Bytes held in memory.
    var memoryBytes: Int { index.count + data.tail.count + pending.count }

    /// Adds the next document's encoded bytes (documents arrive in doc-id order).
    mutating func add(_ encoded: UnsafeRawBufferPointer) {
        if pending.count == 0 { pendingFirstDoc = nextDoc }
        pending.appendVarint(UInt32(encoded.count))
        pending.append(contentsOf: encoded)
        nextDoc += 1
        pendingDocs += 1
        if pending.count >= DocumentStoreWriter.blockBytes || pendingDocs >= DocumentStoreWriter.blockDocuments { flush() }
    }

    /// Appends a block another store compressed, holding the next `documents` documents, as
    /// it is (a merge copying a block with no deleted document and nothing to rewrite need not
    /// deflate it again). Documents added before it end their block first.
    mutating func appendCompressed(_ block: UnsafeRawBufferPointer, rawLength: Int, documents: Int) {
        if pending.count > 0 { flush() }
        index.appendLE(nextDoc)
        index.appendLE(UInt64(data.count))
        index.appendLE(UInt32(block.count))
        index.appendLE(UInt32(rawLength))
        data.tail.append(contentsOf: block)
        data.spillIfLarge()
        blockCount += 1
        nextDoc += UInt32(documents)
    }

    mutating func finish() {
        if pending.count > 0 { flush() }
    }

    private mutating func flush() {
        let raw = pending.bytes
        var cap = evx_deflate_bound(raw.count)
        var out = [UInt8](repeating: 0, count: cap)
        let rc = raw.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                evx_deflate(src.baseAddress, src.count, dst.baseAddress, &cap, 1)
            }
        }
        precondition(rc == 0, "deflate failed with enough output space")
        index.appendLE(pendingFirstDoc)
        index.appendLE(UInt64(data.count))
        index.appendLE(UInt32(cap))
        index.appendLE(UInt32(raw.count))
        data.tail.append(contentsOf: out[0..<cap])
        data.spillIfLarge()
        blockCount += 1
        pendingDocs = 0
        pending.removeAll()
    }
}
