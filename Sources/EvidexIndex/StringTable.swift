/// A table of strings addressed by ordinal: a u32 count, count+1 u32 offsets, then the UTF-8
/// bytes. Sorted tables support binary search.
struct StringTableWriter {
    static func encode(_ strings: [[UInt8]]) -> ByteBuffer {
        var out = ByteBuffer()
        out.appendLE(UInt32(strings.count))
        var off: UInt32 = 0
        out.appendLE(off)
        for s in strings {
            off += UInt32(s.count)
            out.appendLE(off)
        }
        for s in strings { out.append(contentsOf: s) }
        return out
    }

    /// The same table of `strings` taken in `order`, written from the strings' UTF-8 without
    /// an array per string (a merge writes a million ids).
    static func encode(_ strings: [String], order: [Int]) -> ByteBuffer {
        var total = 0
        for i in order { total += strings[i].utf8.count }
        var out = ByteBuffer(capacity: 8 + order.count * 4 + total)
        out.appendLE(UInt32(order.count))
        var off: UInt32 = 0
        out.appendLE(off)
        for i in order {
            off += UInt32(strings[i].utf8.count)
            out.appendLE(off)
        }
        for i in order { out.append(contentsOf: strings[i].utf8) }
        return out
    }
}

struct StringTable {
    let base: UnsafeRawBufferPointer
    let count: Int
    private let offsetsAt = 4
    private let bytesAt: Int

    init(_ section: UnsafeRawBufferPointer) throws(IndexError) {
        guard section.count >= 8 else { throw .corrupt("string table too short") }
        base = section
        count = Int(loadLE32(section.baseAddress!, 0))
        bytesAt = 4 + (count + 1) * 4
        guard bytesAt <= section.count,
              bytesAt + Int(loadLE32(section.baseAddress!, 4 + count * 4)) <= section.count
        else { throw .corrupt("string table offsets run past its section") }
    }

    @inline(__always)
    func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        let p = base.baseAddress!
        // An ordinal from a damaged column may lie past the table.
        guard i >= 0, i < count else { return UnsafeRawBufferPointer(start: p + bytesAt, count: 0) }
        let a = Int(loadLE32(p, offsetsAt + i * 4))
        let b = Int(loadLE32(p, offsetsAt + i * 4 + 4))
        // A damaged table (offsets out of order or past its bytes) gives an empty string.
        guard a <= b, b <= base.count - bytesAt else { return UnsafeRawBufferPointer(start: p + bytesAt, count: 0) }
        return UnsafeRawBufferPointer(start: p + bytesAt + a, count: b - a)
    }

    func string(_ i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }
}

@inline(__always)
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
