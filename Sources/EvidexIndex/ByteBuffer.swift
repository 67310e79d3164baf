/// An append-only little-endian byte buffer for building index files in memory.
public struct ByteBuffer: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        // Reserving 0 still allocated an empty buffer; the encoder makes two empty buffers a
        // posting list (to swap its streams in), 250K allocations for synth-10k.
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    public var count: Int { bytes.count }

    /// Empties the buffer, keeping its capacity for reuse.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    static func zeros(_ n: Int) -> ByteBuffer {
        var b = ByteBuffer(capacity: n)
        for _ in 0..<n { b.append(0) }
        return b
    }

    @inline(__always)
    public mutating func append(_ b: UInt8) { bytes.append(b) }

    @inline(__always)
    public mutating func append<C: Collection>(contentsOf c: C) where C.Element == UInt8 {
        bytes.append(contentsOf: c)
    }

    @inline(__always)
    public mutating func appendLE(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    @inline(__always)
    public mutating func appendLE(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func appendLE(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func appendLE(_ v: Int32) { appendLE(UInt32(bitPattern: v)) }

    @inline(__always)
    public mutating func appendVarint(_ v: UInt32) {
        var x = v
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    @inline(__always)
    public mutating func appendVarint64(_ v: UInt64) {
        var x = v
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    /// Length-prefixed UTF-8.
    public mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { u in
            appendVarint(UInt32(u.count))
            bytes.append(contentsOf: u)
        }
    }

    public mutating func pad(toMultipleOf n: Int) {
        while bytes.count % n != 0 { bytes.append(0) }
    }

    @inline(__always)
    public mutating func setByte(_ v: UInt8, at offset: Int) { bytes[offset] = v }

    public mutating func setLE(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { raw in
            for i in 0..<4 { bytes[offset + i] = raw[i] }
        }
    }
}

/// A read cursor over little-endian bytes (a mapped file region or an array).
public struct ByteReader {
    public let base: UnsafeRawBufferPointer
    public var offset: Int

    public init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    public var remaining: Int { base.count - offset }

    @inline(__always)
    public mutating func u8() throws(IndexError) -> UInt8 {
        guard offset < base.count else { throw .corrupt("read past the end of a record") }
        defer { offset += 1 }
        return base[offset]
    }

    @inline(__always)
    public mutating func u32() throws(IndexError) -> UInt32 {
        guard offset + 4 <= base.count else { throw .corrupt("read past the end of a record") }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    public mutating func u64() throws(IndexError) -> UInt64 {
        guard offset + 8 <= base.count else { throw .corrupt("read past the end of a record") }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    public mutating func varint() throws(IndexError) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            guard offset < base.count, shift < 35 else { throw .corrupt("bad variable-length integer") }
            let b = base[offset]
            offset += 1
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func varint64() throws(IndexError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count, shift < 70 else { throw .corrupt("bad variable-length integer") }
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func string() throws(IndexError) -> String {
        let n = Int(try varint())
        guard offset + n <= base.count else { throw .corrupt("string runs past the end of a record") }
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)]), as: UTF8.self)
    }
}

@inline(__always)
func loadLE32(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

@inline(__always)
func loadLE64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
}

/// Decodes a varint at `p[offset]`, advancing offset. No bounds check: callers stay inside
/// sections whose sizes were validated at open.
@inline(__always)
func readVarint(_ p: UnsafePointer<UInt8>, _ offset: inout Int) -> UInt32 {
    var b = p[offset]
    offset += 1
    if b < 0x80 { return UInt32(b) }
    var result = UInt32(b & 0x7F)
    var shift: UInt32 = 7
    repeat {
        b = p[offset]
        offset += 1
        result |= UInt32(b & 0x7F) << shift
        shift += 7
    } while b >= 0x80 && shift < 35
    return result
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for closures with typed throws (the standard one rethrows `any Error`).
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws(IndexError) -> R) throws(IndexError) -> R {
        do {
            return try withUnsafeBytes { (p) throws -> R in try body(p) }
        } catch let e as IndexError {
            throw e
        } catch {
            throw .corrupt("\(error)")
        }
    }
}
