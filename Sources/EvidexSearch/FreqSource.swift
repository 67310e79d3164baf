import EvidexIndex

/// A stream of (document, frequency) in one field: a posting list, or the matches of a phrase.
protocol FreqSource: AnyObject {
    /// Documents in the stream (an upper bound for phrases).
    var docFreq: Int { get }
    var doc: UInt32 { get }
    var freq: UInt32 { get }
    func next()
    func advance(to target: UInt32)
    /// The last document a bound from `target` can cover.
    func boundEnd(from target: UInt32) -> UInt32
    /// Bound of f(freq, field length) over [target, limit], limit ≤ boundEnd(from: target);
    /// f grows with freq and falls with length.
    func maxImpact(from target: UInt32, upTo limit: UInt32, _ f: (UInt32, UInt32) -> Double) -> Double
    /// A cheap bound of f over [target, boundEnd(from: target)]: the stored impacts of the
    /// block holding target, with no per-document work.
    /// f(freq, length) = freq · factors[ImpactCode.lengthCode(length)].
    func storedImpact(from target: UInt32, factors: UnsafePointer<Double>) -> Double
    /// Bound of f(freq, field length) over the whole stream.
    func maxImpact(_ f: (UInt32, UInt32) -> Double) -> Double

    /// The stream's documents and frequencies in [doc, limit] if they are decoded already.
    func decoded(upTo limit: UInt32) -> (docs: UnsafePointer<UInt32>, freqs: UnsafePointer<UInt32>, count: Int)?
}

extension PostingsCursor: FreqSource {}
