/// Fixed-width bit packing of blocks of `BitPacking.blockSize` unsigned integers, the unit of
/// postings compression. Values are packed little-endian, LSB first: value i occupies bits
/// [i·w, i·w + w) of the block, so a block of width w takes exactly 16·w bytes.
public enum BitPacking {
    public static let blockSize = 128

    @inline(__always)
    public static func width(of v: UInt32) -> Int {
        v == 0 ? 0 : 32 - v.leadingZeroBitCount
    }

    public static func packedBytes(width: Int) -> Int { blockSize * width / 8 }

    /// Appends 128 values packed at `width` bits.
    public static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout ByteBuffer) {
        precondition(values.count == blockSize)
        if width == 0 { return }
        // Packed in a stack buffer 4 bytes at a time and appended at once: appending byte by byte
        // checked the array's uniqueness and capacity for each (a third of building a segment's
        // postings went to this function).
        let n = packedBytes(width: width)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: packedBytes(width: 32) + 8) { buffer in
            let p = UnsafeMutableRawPointer(buffer.baseAddress!)
            var acc: UInt64 = 0
            var bits = 0
            var at = 0
            for v in values {
                acc |= UInt64(v) << UInt64(bits)
                bits += width
                if bits >= 32 {
                    p.storeBytes(of: UInt32(truncatingIfNeeded: acc).littleEndian, toByteOffset: at, as: UInt32.self)
                    at += 4
                    acc >>= 32
                    bits -= 32
                }
            }
            // 128·w bits is a multiple of 32 (w·16 bytes), so nothing is left over.
            out.append(contentsOf: UnsafeRawBufferPointer(start: p, count: n))
        }
    }

    /// Unpacks 128 values of `width` bits from `src` (which must have 8 readable bytes of slack
    /// past the block: segment files pad the postings section for this).
    @inline(__always)
    public static func unpack(_ src: UnsafeRawPointer, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            out.update(repeating: 0, count: blockSize)
            return
        }
        // One copy of the loop per width, so that each has its shifts and mask as constants
        // (the compiler unrolls and vectorises them); decoding is most of a frequent term's cost.
        switch width {
        case 1: unpack(src, 1, out)
        case 2: unpack(src, 2, out)
        case 3: unpack(src, 3, out)
        case 4: unpack(src, 4, out)
        case 5: unpack(src, 5, out)
        case 6: unpack(src, 6, out)
        case 7: unpack(src, 7, out)
        case 8: unpack(src, 8, out)
        case 9: unpack(src, 9, out)
        case 10: unpack(src, 10, out)
        case 11: unpack(src, 11, out)
        case 12: unpack(src, 12, out)
        case 13: unpack(src, 13, out)
        case 14: unpack(src, 14, out)
        case 15: unpack(src, 15, out)
        case 16: unpack(src, 16, out)
        case 17: unpack(src, 17, out)
        case 18: unpack(src, 18, out)
        case 19: unpack(src, 19, out)
        case 20: unpack(src, 20, out)
        default: unpack(src, width, out)
        }
    }

    @inline(__always)
    private static func unpack(_ src: UnsafeRawPointer, _ width: Int, _ out: UnsafeMutablePointer<UInt32>) {
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        // 8 values of `width` bits take exactly `width` bytes: each group starts on a byte.
        for g in 0..<(blockSize / 8) {
            let at = src + g * width
            for j in 0..<8 {
                let bit = j * width
                let word = UInt64(littleEndian: at.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                out[g * 8 + j] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        }
    }
}

extension BitPacking {
    /// `unpack`, then each value replaced by the running sum of `start` and the values up to
    /// it (a block of document gaps becomes its documents), in one pass: unpacking and then
    /// summing in a second loop stored and reloaded every value, and decoding blocks is most of
    /// what a conjunction's other clauses cost.
    @inline(__always)
    public static func unpackDeltas(_ src: UnsafeRawPointer, width: Int, start: UInt32, into out: UnsafeMutablePointer<UInt32>) {
        switch width {
        case 0: out.update(repeating: start, count: blockSize)
        case 1: unpackDeltas(src, 1, start, out)
        case 2: unpackDeltas(src, 2, start, out)
        case 3: unpackDeltas(src, 3, start, out)
        case 4: unpackDeltas(src, 4, start, out)
        case 5: unpackDeltas(src, 5, start, out)
        case 6: unpackDeltas(src, 6, start, out)
        case 7: unpackDeltas(src, 7, start, out)
        case 8: unpackDeltas(src, 8, start, out)
        case 9: unpackDeltas(src, 9, start, out)
        case 10: unpackDeltas(src, 10, start, out)
        case 11: unpackDeltas(src, 11, start, out)
        case 12: unpackDeltas(src, 12, start, out)
        case 13: unpackDeltas(src, 13, start, out)
        case 14: unpackDeltas(src, 14, start, out)
        case 15: unpackDeltas(src, 15, start, out)
        case 16: unpackDeltas(src, 16, start, out)
        default: unpackDeltas(src, width, start, out)
        }
    }

    @inline(__always)
    private static func unpackDeltas(_ src: UnsafeRawPointer, _ width: Int, _ start: UInt32, _ out: UnsafeMutablePointer<UInt32>) {
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        var prev = start
        for g in 0..<(blockSize / 8) {
            let at = src + g * width
            for j in 0..<8 {
                let bit = j * width
                let word = UInt64(littleEndian: at.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                prev &+= UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                out[g * 8 + j] = prev
            }
        }
    }

    /// The value of `width` bits at bit `bitOffset` of `src`, in the same little-endian bit
    /// order as `pack` (bit k is bit k mod 8 of byte k / 8). Reads 8 bytes from byte
    /// bitOffset / 8, so the buffer needs 8 readable bytes of slack past the packed data
    /// (segment sections have 16). Width 0 reads 0.
    @inline(__always)
    public static func value(_ src: UnsafeRawPointer, bitOffset: Int, width: Int) -> UInt32 {
        let word = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: bitOffset >> 3, as: UInt64.self))
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        return UInt32(truncatingIfNeeded: (word >> UInt64(bitOffset & 7)) & mask)
    }

    /// Unpacks `count` values of `width` bits starting at bit `bitOffset` of `src` (with 8 bytes
    /// of slack past the data, as `value`).
    @inline(__always)
    public static func unpack(_ src: UnsafeRawPointer, bitOffset: Int, count: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        var bit = bitOffset
        for i in 0..<count {
            let word = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += width
        }
    }
}

/// Appends values of any widths as one little-endian bit stream (the layout `BitPacking.value`
/// reads); `finish` pads the last byte with zero bits.
struct BitWriter {
    private var acc: UInt64 = 0
    private var bits = 0

    @inline(__always)
    mutating func write(_ v: UInt32, width: Int, into out: inout ByteBuffer) {
        if width == 0 { return }
        acc |= UInt64(v) << UInt64(bits)
        bits += width
        while bits >= 8 {
            out.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            bits -= 8
        }
    }

    mutating func finish(into out: inout ByteBuffer) {
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: acc)) }
        acc = 0
        bits = 0
    }
}
