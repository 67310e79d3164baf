import EvidexIndex

/// Top-k over a conjunction, led by its rarest clause. A document of the lead can only enter
/// the top k if the lead's score plus the other clauses' best possible scores beats the k-th
/// score; windows (blocks) of the lead are tested the same way with its block bound, through
/// the skip table alone, so a window that cannot compete is never decoded. Only candidates
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
        // The lead is clause 0 (clauses are sorted by cost).
        var target = c.doc(0)
        outer: while target != PostingsCursor.exhausted {
            var end = PostingsCursor.exhausted
            let bounded = top.isFull
            if bounded {
                let t = top.threshold
                let b = c.blockMax(0, from: target, threshold: t - rest)
                if b.bound + rest <= t {
                    if b.upTo == PostingsCursor.exhausted { break }
                    target = b.upTo + 1
                    continue
                }
                end = b.upTo
            }
            c.advance(0, to: target)
            var d = c.doc(0)
            window: while d <= end && d != PostingsCursor.exhausted {
                let leadScore = c.score(0)
                if bounded && leadScore + rest <= top.threshold {
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
                        continue window
                    }
                    score += c.score(i)
                }
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: score, segment: segmentIndex, doc: d)) }
                c.next(0)
                d = c.doc(0)
                // Once the top k fills, leave the unbounded window to start bounding.
                if !bounded && top.isFull { break }
            }
            target = d
        }
    }
}
