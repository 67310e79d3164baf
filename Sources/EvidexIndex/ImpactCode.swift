/// One-byte codes for the (freq, field length) pairs of skip data (FORMAT.md, "Impacts").
///
/// A code c stands for the value `c` when c < 16, else `(16 + c mod 16) · 2^(c / 16 − 1)`: 16
/// exact small values, then 4 significant bits (steps of at most 1/16), up to 507,904 for
/// c = 255. Stored impacts must bound scores from above, so a frequency is rounded UP to the
/// nearest code (code 255 reads as UInt32.max: larger than any frequency) and a length is
/// rounded DOWN (lengths past 507,904 read as 507,904). A score that grows with freq and
/// falls with length can then only be over-estimated.
public enum ImpactCode {
    /// The value a code stands for (lengths; frequencies below 255).
    @inline(__always)
    public static func value(_ code: UInt8) -> UInt32 {
        let c = UInt32(code)
        if c < 16 { return c }
        return (16 | (c & 15)) << ((c >> 4) - 1)
    }

    /// The frequency a stored code bounds: `value`, but 255 reads as UInt32.max.
    @inline(__always)
    public static func freq(_ code: UInt8) -> UInt32 {
        code == 255 ? UInt32.max : value(code)
    }

    /// The length a stored code bounds from below.
    @inline(__always)
    public static func length(_ code: UInt8) -> UInt32 { value(code) }

    /// The smallest code whose frequency is ≥ freq.
    @inline(__always)
    public static func freqCode(_ freq: UInt32) -> UInt8 {
        if freq < 16 { return UInt8(freq) }
        var e = 27 - freq.leadingZeroBitCount  // freq >> e has 5 bits: 16...31
        var m = freq >> UInt32(e)
        if m << UInt32(e) < freq { m += 1 }
        if m == 32 {
            m = 16
            e += 1
        }
        let c = (e + 1) << 4 | Int(m & 15)
        return c >= 255 ? 255 : UInt8(c)
    }

    /// The largest code whose length is ≤ length.
    @inline(__always)
    public static func lengthCode(_ length: UInt32) -> UInt8 {
        if length < 16 { return UInt8(length) }
        let e = 27 - length.leadingZeroBitCount
        if e + 1 > 15 { return 255 }
        let m = length >> UInt32(e)
        return UInt8((e + 1) << 4 | Int(m & 15))
    }
}
