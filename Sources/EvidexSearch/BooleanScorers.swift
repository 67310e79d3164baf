import EvidexIndex

/// Documents matching every clause; the score is the sum.
final class ConjunctionScorer: Scorer {
    let clauses: ScorerList

    init(_ clauses: [Scorer]) {
        // Leading with the rarest clause makes the others jump furthest.
        self.clauses = ScorerList(clauses.sorted { $0.cost < $1.cost })
        super.init()
        doc = 0
        settle(from: 0)
    }

    private func settle(from target: UInt32) {
        var t = target
        let c = clauses
        while true {
            var agreed = true
            for i in 0..<c.count {
                c.advance(i, to: t)
                let d = c.doc(i)
                if d == PostingsCursor.exhausted {
                    doc = PostingsCursor.exhausted
                    return
                }
                if d > t {
                    t = d
                    agreed = false
                    break
                }
            }
            if agreed {
                doc = t
                return
            }
        }
    }

    override func next() {
        if doc == PostingsCursor.exhausted { return }
        settle(from: doc + 1)
    }

    override func advance(to target: UInt32) {
        if doc >= target { return }
        settle(from: target)
    }

    override func score() -> Double {
        var s = 0.0
        for i in 0..<clauses.count { s += clauses.score(i) }
        return s
    }

    override var maxScore: Double { clauses.owners.reduce(0) { $0 + $1.maxScore } }
    override var cost: Int { clauses.owners.map(\.cost).min() ?? 0 }

    override func explain() -> Explanation {
        let parts = clauses.owners.map { $0.explain() }
        return Explanation(value: parts.reduce(0) { $0 + $1.value }, description: "all of", details: parts)
    }
}

/// Documents matching any clause; the score is the sum of the matching clauses.
final class DisjunctionScorer: Scorer {
    let clauses: [Scorer]
    private let list: ScorerList

    init(_ clauses: [Scorer]) {
        self.clauses = clauses
        self.list = ScorerList(clauses)
        super.init()
        doc = minDoc()
    }

    @inline(__always)
    private func minDoc() -> UInt32 {
        var m = PostingsCursor.exhausted
        for i in 0..<list.count {
            let d = list.doc(i)
            if d < m { m = d }
        }
        return m
    }

    override func next() {
        let d = doc
        for i in 0..<list.count where list.doc(i) == d { list.next(i) }
        doc = minDoc()
    }

    override func advance(to target: UInt32) {
        if doc >= target { return }
        for i in 0..<list.count where list.doc(i) < target { list.advance(i, to: target) }
        doc = minDoc()
    }

    override func score() -> Double {
        var s = 0.0
        for i in 0..<list.count where list.doc(i) == doc { s += list.score(i) }
        return s
    }

    override var maxScore: Double { clauses.reduce(0) { $0 + $1.maxScore } }
    override var cost: Int { clauses.reduce(0) { $0 &+ $1.cost } }
    /// The union: each clause's matches in turn (a fresh scorer: no clause has moved yet).
    override func markMatches(into bits: inout MatchBits) {
        for c in clauses { c.markMatches(into: &bits) }
        doc = PostingsCursor.exhausted
    }

    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        var upTo = PostingsCursor.exhausted
        var bound = 0.0
        for i in 0..<list.count where list.doc(i) != PostingsCursor.exhausted {
            let b = list.blockMax(i, from: target, threshold: threshold)
            upTo = min(upTo, b.upTo)
            bound += b.bound
        }
        return (upTo, bound)
    }

    override func explain() -> Explanation {
        let parts = clauses.filter { $0.doc == doc }.map { $0.explain() }
        return Explanation(value: parts.reduce(0) { $0 + $1.value }, description: "sum of matching", details: parts)
    }
}

/// Required clause, optional clauses that add to its score when they match too.
final class RequiredOptionalScorer: Scorer {
    private let required: Scorer
    private let optional: Scorer
    /// The most the optional clauses can add to any document.
    let optionalMax: Double

    init(required: Scorer, optional: Scorer) {
        self.required = required
        self.optional = optional
        optionalMax = optional.maxScore
        super.init()
        doc = required.doc
    }

    /// The required clause's score of the current document.
    func requiredScore() -> Double { required.score() }

    /// What the optional clauses add to the current document.
    func optionalScore() -> Double {
        if optional.doc < doc { optional.advance(to: doc) }
        return optional.doc == doc ? optional.score() : 0
    }

    /// The required clause's bound plus the optional clauses' most: a window where the required
    /// clause cannot come within `optionalMax` of the threshold is skipped undecoded.
    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        let b = required.blockMax(from: target, threshold: threshold - optionalMax)
        doc = required.doc
        return (b.upTo, b.bound + optionalMax)
    }

    override func next() {
        required.next()
        doc = required.doc
    }

    override func advance(to target: UInt32) {
        required.advance(to: target)
        doc = required.doc
    }

    override func score() -> Double { requiredScore() + optionalScore() }

    override var maxScore: Double { required.maxScore + optional.maxScore }
    override var cost: Int { required.cost }
    override func markMatches(into bits: inout MatchBits) {
        required.markMatches(into: &bits)
        doc = PostingsCursor.exhausted
    }

    override func explain() -> Explanation {
        var parts = [required.explain()]
        if optional.doc < doc { optional.advance(to: doc) }
        if optional.doc == doc { parts.append(optional.explain()) }
        return Explanation(value: parts.reduce(0) { $0 + $1.value }, description: "required plus optional", details: parts)
    }
}

/// Documents of `include` that `exclude` does not match.
final class ExclusionScorer: Scorer {
    private let include: Scorer
    private let exclude: Scorer

    init(include: Scorer, exclude: Scorer) {
        self.include = include
        self.exclude = exclude
        super.init()
        doc = include.doc
        skipExcluded()
    }

    private func skipExcluded() {
        while include.doc != PostingsCursor.exhausted {
            exclude.advance(to: include.doc)
            if exclude.doc != include.doc { break }
            include.next()
        }
        doc = include.doc
    }

    override func next() {
        include.next()
        skipExcluded()
    }

    override func advance(to target: UInt32) {
        include.advance(to: target)
        skipExcluded()
    }

    override func score() -> Double { include.score() }
    override var maxScore: Double { include.maxScore }
    override var cost: Int { include.cost }
    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        include.blockMax(from: target, threshold: threshold)
    }
    override func explain() -> Explanation { include.explain() }
}

/// Multiplies a clause's score (query-level boosts of groups).
final class BoostScorer: Scorer {
    private let inner: Scorer
    private let factor: Double

    init(_ inner: Scorer, factor: Double) {
        self.inner = inner
        self.factor = factor
        super.init()
        doc = inner.doc
    }

    override func next() { inner.next(); doc = inner.doc }
    override func advance(to target: UInt32) { inner.advance(to: target); doc = inner.doc }
    override func score() -> Double { inner.score() * factor }
    override var maxScore: Double { inner.maxScore * factor }
    override var cost: Int { inner.cost }
    override func markMatches(into bits: inout MatchBits) {
        inner.markMatches(into: &bits)
        doc = PostingsCursor.exhausted
    }
    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        guard factor > 0 else { return (PostingsCursor.exhausted, maxScore) }
        let b = inner.blockMax(from: target, threshold: threshold / factor)
        return (b.upTo, b.bound * factor)
    }
    override func explain() -> Explanation {
        let e = inner.explain()
        return Explanation(value: e.value * factor, description: "boost ×\(fmt(factor))", details: [e])
    }
}

/// Documents accepted by a per-document predicate over columns (dates, source, kind, or all),
/// scoring 0: filters restrict without ranking.
final class PredicateScorer: Scorer {
    private let docCount: UInt32
    private let accept: (UInt32) -> Bool
    private let label: String

    init(docCount: Int, label: String, accept: @escaping (UInt32) -> Bool) {
        self.docCount = UInt32(docCount)
        self.accept = accept
        self.label = label
        super.init()
        doc = 0
        seek(0)
    }

    private func seek(_ from: UInt32) {
        var d = from
        while d < docCount && !accept(d) { d += 1 }
        doc = d < docCount ? d : PostingsCursor.exhausted
    }

    override func next() {
        if doc == PostingsCursor.exhausted { return }
        seek(doc + 1)
    }

    override func advance(to target: UInt32) {
        if doc >= target { return }
        seek(target)
    }

    override var maxScore: Double { 0 }
    override var cost: Int { Int(docCount) }
    override func explain() -> Explanation { Explanation(value: 0, description: label) }
}
