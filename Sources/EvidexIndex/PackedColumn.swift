/// A per-document column of unsigned values at the narrowest byte width that holds them
/// (FORMAT.md, "Packed column"): `u8 width` (0–4), then `count × width` bytes, each value
/// little-endian. Width 0 means every value is 0 and takes no bytes.
///
/// Document ordinals, field lengths and dates were 4 bytes each whatever they held; most
/// segments need one or two (a title is under 256 tokens, a corpus of one file has one path
/// ordinal), and fields nothing was indexed into need none.
struct PackedColumn: @unchecked Sendable {
    /// The first value's byte (unused when width is 0).
    private let base: UnsafeRawPointer
    let width: Int
    let count: Int

    /// Bytes the column takes in its section, header included.
    var encodedSize: Int { 1 + count * width }

    /// Reads a column of `count` values starting at `bytes`' first byte; throws if the bytes
    /// are too few or the width is not 0–4.
    init(_ bytes: UnsafeRawBufferPointer, count: Int, name: String) throws(IndexError) {
        guard let start = bytes.baseAddress, bytes.count >= 1 else { throw .corrupt("\(name): empty column") }
        let w = Int(start.load(as: UInt8.self))
        guard w <= 4 else { throw .corrupt("\(name): column width \(w)") }
        // Compared by division: a damaged count must not overflow a multiplication.
        guard count >= 0, w == 0 || (bytes.count - 1) / w >= count else { throw .corrupt("\(name): column too short") }
        base = start + 1
        width = w
        self.count = count
    }

    /// Value i; 0 past the end, so a damaged posting list's document ids (read before any
    /// check, for score bounds) cannot read outside the column.
    @inline(__always)
    subscript(i: Int) -> UInt32 {
        guard UInt(bitPattern: i) < UInt(count) else { return 0 }
        switch width {
        case 1: return UInt32(base.load(fromByteOffset: i, as: UInt8.self))
        case 2: return UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)))
        case 4: return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
        case 3:
            let lo = UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i * 3, as: UInt16.self)))
            return lo | UInt32(base.load(fromByteOffset: i * 3 + 2, as: UInt8.self)) << 16
        default: return 0
        }
    }

    /// The narrowest width for values up to `maxValue`.
    static func width(for maxValue: UInt32) -> Int {
        maxValue == 0 ? 0 : maxValue < 1 << 8 ? 1 : maxValue < 1 << 16 ? 2 : maxValue < 1 << 24 ? 3 : 4
    }

    /// Appends `values` as a packed column.
    static func encode(_ values: some Collection<UInt32>, into out: inout ByteBuffer) {
        let w = width(for: values.max() ?? 0)
        out.append(UInt8(w))
        guard w > 0 else { return }
        for v in values {
            for k in 0..<w { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }
        }
    }
}
