/// Deleted documents of one segment as a bitset. On disk (`<segment>.del-<generation>`):
/// magic "EVXD", version, doc count, deleted count, ⌈docs/8⌉ bitset bytes (bit d of byte d/8
/// set = document d deleted), then the common footer. A new generation is written for every
/// commit that deletes more documents, so a committed file never changes.
public struct DeleteSet: Sendable, Equatable {
    public private(set) var bits: [UInt8]
    public let docCount: Int
    public private(set) var count: Int

    public init(docCount: Int) {
        self.docCount = docCount
        bits = [UInt8](repeating: 0, count: (docCount + 7) / 8)
        count = 0
    }

    @inline(__always)
    public func contains(_ doc: UInt32) -> Bool {
        bits[Int(doc >> 3)] & (1 << (doc & 7)) != 0
    }

    /// Returns true when the document was live.
    @discardableResult
    public mutating func insert(_ doc: UInt32) -> Bool {
        if contains(doc) { return false }
        bits[Int(doc >> 3)] |= 1 << (doc & 7)
        count += 1
        return true
    }

    func encoded() -> [UInt8] {
        var out = ByteBuffer(capacity: bits.count + 32)
        out.appendLE(IndexFormat.deletesMagic)
        out.appendLE(IndexFormat.version)
        out.appendLE(UInt32(docCount))
        out.appendLE(UInt32(count))
        out.append(contentsOf: bits)
        IndexFormat.appendFooter(to: &out)
        return out.bytes
    }

    static func read(path: String, name: String, docCount: Int, verify: Bool) throws(IndexError) -> DeleteSet {
        let file = try MappedFile(path: path)
        if verify { try IndexFormat.verifyChecksum(file.bytes, file: name) } else { try IndexFormat.checkFooter(file.bytes, file: name) }
        let b = file.bytes
        guard b.count == 16 + (docCount + 7) / 8 + IndexFormat.footerSize,
              loadLE32(b.baseAddress!, 0) == IndexFormat.deletesMagic,
              Int(loadLE32(b.baseAddress!, 8)) == docCount
        else { throw .corrupt("\(name) does not match its segment") }
        var set = DeleteSet(docCount: docCount)
        set.bits = Array(b[16..<(16 + (docCount + 7) / 8)])
        set.count = Int(loadLE32(b.baseAddress!, 12))
        return set
    }
}
