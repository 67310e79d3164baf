import EvidexIndex

/// Top-k over a conjunction, led by its rarest clause. A document of the lead can only enter
/// the top k if the lead's score plus the other clauses' best possible scores beats the k-th
/// score; blocks of the lead are tested the same way with its block bound. Only candidates
/// that pass are looked up in the other clauses. Exact for the top k.
enum ConjunctionCollector {
    static func collect(_ conjunction: ConjunctionScorer, segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) {
        let c = conjunction.clauses
        guard c.count > 1 else {
            Searcher.collectTopGeneric(conjunction, segment: segment, segmentIndex: segmentIndex, into: &top)
            return
        }
        var rest = 0.0
        for i in 1..<c.count { rest += c.maxScore(i) }
        // The lead is clause 0 (clauses are sorted by cost); start from its first document.
        var d = c.doc(0)
        var boundEnd: UInt32 = 0
        var bound = Double.infinity
        var haveBound = false
        outer: while d != PostingsCursor.exhausted {
            if top.isFull {
                if !haveBound || d > boundEnd {
                    (boundEnd, bound) = c.blockMax(0, from: d)
                    haveBound = true
                }
                if bound + rest <= top.threshold {
                    if boundEnd == PostingsCursor.exhausted { break }
                    c.advance(0, to: boundEnd + 1)
                    d = c.doc(0)
                    continue
                }
            }
            let leadScore = c.score(0)
            if top.isFull && leadScore + rest <= top.threshold {
                c.next(0)
                d = c.doc(0)
                continue
            }
            var score = leadScore
            for i in 1..<c.count {
                c.advance(i, to: d)
                let di = c.doc(i)
                if di == PostingsCursor.exhausted { break outer }
                if di > d {
                    c.advance(0, to: di)
                    d = c.doc(0)
                    continue outer
                }
                score += c.score(i)
            }
            if !segment.isDeleted(d) { top.offer(ScoredDoc(score: score, segment: segmentIndex, doc: d)) }
            c.next(0)
            d = c.doc(0)
        }
    }
}
