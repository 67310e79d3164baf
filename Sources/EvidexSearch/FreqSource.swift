import EvidexIndex

/// A stream of (document, frequency) in one field: a posting list, or the matches of a phrase.
protocol FreqSource: AnyObject {
    var doc: UInt32 { get }
    var freq: UInt32 { get }
    func next()
    func advance(to target: UInt32)
    /// Bound of f(freq, field length) from `target` to min(`lastDoc`, `limit`); f grows with
    /// freq, falls with length.
    func maxImpact(from target: UInt32, upTo limit: UInt32, _ f: (UInt32, UInt32) -> Double) -> (lastDoc: UInt32, value: Double)
    /// Bound of f(freq, field length) over the whole stream.
    func maxImpact(_ f: (UInt32, UInt32) -> Double) -> Double
}

extension PostingsCursor: FreqSource {}
