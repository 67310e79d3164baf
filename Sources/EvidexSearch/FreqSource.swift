import EvidexIndex

/// A stream of (document, frequency) in one field: a posting list, or the matches of a phrase.
protocol FreqSource: AnyObject {
    var doc: UInt32 { get }
    var freq: UInt32 { get }
    func next()
    func advance(to target: UInt32)
    /// (last doc the bound covers, max frequency, min field length) from `target` on.
    func bounds(from target: UInt32) -> (lastDoc: UInt32, maxFreq: UInt32, minLength: UInt32)
    /// List-wide (max frequency, min field length).
    var globalBounds: (maxFreq: UInt32, minLength: UInt32) { get }
}

extension PostingsCursor: FreqSource {
    func bounds(from target: UInt32) -> (lastDoc: UInt32, maxFreq: UInt32, minLength: UInt32) {
        peekBounds(for: target)
    }

    var globalBounds: (maxFreq: UInt32, minLength: UInt32) { (info.maxFreq, info.minLength) }
}
