import EvidexIndex

/// A document iterator that scores: the unit query trees are built from, per segment.
/// `doc` is `PostingsCursor.exhausted` once done. Classes, not protocols with value types,
/// because scorers form trees and are advanced in place.
class Scorer {
    /// Final so that reading it is a field load, not a virtual call.
    @exclusivity(unchecked) final var doc: UInt32 = 0

    /// Moves to the next matching document.
    func next() { fatalError("abstract") }

    /// Moves to the first matching document ≥ target.
    func advance(to target: UInt32) { fatalError("abstract") }

    /// Score of the current document.
    func score() -> Double { 0 }

    /// An upper bound of `score()` over all documents (for dynamic pruning).
    var maxScore: Double { .infinity }

    /// An upper bound of `score()` for documents in [target, upTo]: scorers backed by blocked
    /// postings refine `maxScore` with per-block bounds. Target may lie ahead of `doc` (pruning
    /// moves bounds ahead without decoding postings); the scorer may move its parts up to
    /// target but no further, so no document ≥ target is passed. A cheap
    /// bound at or below `threshold` is returned as is; above it, the scorer may spend work to
    /// tighten it. Default: the global bound.
    func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) { (PostingsCursor.exhausted, maxScore) }

    /// `blockMax` for a collector that calls `collectWindow` next on a window that passes.
    func blockMaxForCollecting(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        blockMax(from: target, threshold: threshold)
    }

    /// Offers every document of [target, upTo] to `top` and moves past the window, when the
    /// scorer can do so from what its last `blockMaxForCollecting(from: target, …)` computed (term scorers
    /// whose exact bound summed each document); false, moving nothing, otherwise.
    func collectWindow(from target: UInt32, upTo: UInt32, segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) -> Bool { false }

    /// An estimate of how many documents the scorer visits (to lead conjunctions with the
    /// rarest clause).
    var cost: Int { Int.max }

    /// Explanation of the current document's score.
    func explain() -> Explanation { Explanation(value: score(), description: "score", details: []) }

    /// Adds every document from the current one on to `bits`, consuming the scorer (for
    /// counting matches; scores are not computed). Unions override it to fill from their parts.
    func markMatches(into bits: inout MatchBits) {
        while doc != PostingsCursor.exhausted {
            bits.insert(doc)
            next()
        }
    }
}

/// Matches nothing.
final class EmptyScorer: Scorer {
    override init() {
        super.init()
        doc = PostingsCursor.exhausted
    }
    override func next() {}
    override func advance(to target: UInt32) {}
    override var maxScore: Double { 0 }
    override var cost: Int { 0 }
}
