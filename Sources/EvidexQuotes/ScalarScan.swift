/// Scans over a text's code points eight at a time. The annotation passes look for rare
/// scalars (a line break, a bracket, a quotation mark) in long runs of ordinary text; testing a
/// block of eight with SIMD lanes and skipping it when none can match cost a fifth of the
/// instructions of the scalar-by-scalar loops it replaced.
enum ScalarScan {
    /// The first index at or after `from` whose scalar is `target`, or `end` when none is.
    @inline(__always)
    static func index(of target: Unicode.Scalar, in buf: UnsafeBufferPointer<Unicode.Scalar>, from: Int, to end: Int) -> Int {
        guard let base = buf.baseAddress else { return end }
        let raw = UnsafeRawPointer(base)
        let wanted = SIMD8<UInt32>(repeating: target.value)
        var i = from
        while i + 8 <= end {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
            if any(v .== wanted) { break }
            i += 8
        }
        while i < end && base[i] != target { i += 1 }
        return i
    }

    /// The first index at or after `from` whose scalar is neither a space nor in `low...high`
    /// (values), or `end`: the range and the space are the ordinary text between two rare kinds
    /// of scalar (in news, a space every six scalars or so).
    @inline(__always)
    static func index(outside low: UInt32, _ high: UInt32, in buf: UnsafeBufferPointer<Unicode.Scalar>,
                      from: Int, to end: Int) -> Int {
        guard let base = buf.baseAddress else { return end }
        let raw = UnsafeRawPointer(base)
        let lowV = SIMD8<UInt32>(repeating: low)
        let width = SIMD8<UInt32>(repeating: high &- low)
        let space = SIMD8<UInt32>(repeating: 0x20)
        var i = from
        while i + 8 <= end {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
            // one unsigned compare per lane: v - low wraps above `width` for v < low
            if !all(((v &- lowV) .<= width) .| (v .== space)) { break }
            i += 8
        }
        while i < end && (base[i].value &- low <= high &- low || base[i].value == 0x20) { i += 1 }
        return i
    }
}
