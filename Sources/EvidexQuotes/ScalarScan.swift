import CEvidexScan

/// Scans over a text's code points for rare scalars (a line break, a bracket, a quotation
/// mark) in long runs of ordinary text. The loops are C with SSE2 (`CEvidexScan`): Swift's
/// SIMD types compiled the unsigned lane compares to several instructions a scalar.
enum ScalarScan {
    /// The first index at or after `from` whose scalar is `target`, or `end` when none is.
    @inline(__always)
    static func index(of target: Unicode.Scalar, in buf: UnsafeBufferPointer<Unicode.Scalar>, from: Int, to end: Int) -> Int {
        guard let base = buf.baseAddress, from < end else { return max(from, end) }
        return Int(evx_index_of_u32(UnsafeRawPointer(base).assumingMemoryBound(to: UInt32.self), from, end, target.value))
    }

    /// The first index at or after `from` whose scalar is neither a space nor in `low...high`
    /// (values), or `end`: the range and the space are the ordinary text between two rare kinds
    /// of scalar (in news, a space every six scalars or so).
    @inline(__always)
    static func index(outside low: UInt32, _ high: UInt32, in buf: UnsafeBufferPointer<Unicode.Scalar>,
                      from: Int, to end: Int) -> Int {
        guard let base = buf.baseAddress, from < end else { return max(from, end) }
        return Int(evx_index_outside_u32(UnsafeRawPointer(base).assumingMemoryBound(to: UInt32.self), from, end, low, high))
    }
}
