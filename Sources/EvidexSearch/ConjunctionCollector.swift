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
        // A word leading (the common case) hands over a window's scores as per-document sums
        // it made for its block bound anyway, instead of being stepped and scored document by
        // document (which summed the same postings a second time).
        let lead = c.owners[0] as? TermScorer
        // The lead is clause 0 (clauses are sorted by cost).
        var target = c.doc(0)
        outer: while target != PostingsCursor.exhausted {
            var end = PostingsCursor.exhausted
            let bounded = top.isFull
            if bounded {
                let t = top.threshold
                let b = lead?.blockMaxForCollecting(from: target, threshold: t - rest) ?? c.blockMax(0, from: target, threshold: t - rest)
                if b.bound + rest <= t {
                    lead?.discardWindow()
                    if b.upTo == PostingsCursor.exhausted { break }
                    target = b.upTo + 1
                    continue
                }
                end = b.upTo
                if let lead, let sums = lead.windowSums(from: target, upTo: end) {
                    let more = collectWindow(lead, sums, from: target, upTo: end, c, rest: rest, segment: segment, segmentIndex: segmentIndex, into: &top)
                    lead.finishWindow(upTo: end)
                    if !more { break }
                    target = end + 1
                    continue
                }
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
                switch others(c, at: d, adding: leadScore) {
                case .exhausted:
                    break outer
                case .skip(let next):
                    c.advance(0, to: next)
                    d = c.doc(0)
                    continue window
                case .match(let score):
                    if !segment.isDeleted(d) { top.offer(ScoredDoc(score: score, segment: segmentIndex, doc: d)) }
                }
                c.next(0)
                d = c.doc(0)
                // Once the top k fills, leave the unbounded window to start bounding.
                if !bounded && top.isFull { break }
            }
            target = d
        }
    }

    /// The lead's documents of [target, upTo] from its per-document sums, each looked up in the
    /// other clauses when it can still enter the top k; the same documents and scores (the lead's
    /// score first, then the others' in clause order) as stepping the lead. False once another
    /// clause has no documents left (nothing further can match). (Merging the lead's runs instead
    /// of scanning the sums measured dearer: the windows are dense.)
    private static func collectWindow(_ lead: TermScorer, _ sums: UnsafePointer<Double>, from target: UInt32, upTo: UInt32,
                                      _ c: ScorerList, rest: Double,
                                      segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) -> Bool {
        let span = Int(upTo - target)
        var k = 0
        scan: while k <= span {
            let t = sums[k]
            if t == 0 {
                k += 1
                continue
            }
            let d = target &+ UInt32(k)
            let leadScore = lead.score(sum: t)
            if leadScore + rest <= top.threshold {
                k += 1
                continue
            }
            switch others(c, at: d, adding: leadScore) {
            case .exhausted:
                return false
            case .skip(let next):
                // The next candidate is the lead's first document at or after `next`.
                if next > upTo { return true }
                k = Int(next - target)
                continue scan
            case .match(let score):
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: score, segment: segmentIndex, doc: d)) }
            }
            k += 1
        }
        return true
    }

    /// What the clauses after the lead say of document `d`.
    enum Others {
        /// Every clause has `d`: the lead's score plus theirs, in clause order.
        case match(Double)
        /// A clause's next document is this one, past `d`: no document before it can match.
        case skip(UInt32)
        /// A clause has no documents left: nothing further can match.
        case exhausted
    }

    /// Advances the other clauses to `d` and adds their scores to `leadScore` (the one test
    /// both ways of reading the lead make).
    @inline(__always)
    private static func others(_ c: ScorerList, at d: UInt32, adding leadScore: Double) -> Others {
        var score = leadScore
        for i in 1..<c.count {
            c.advance(i, to: d)
            let di = c.doc(i)
            if di == PostingsCursor.exhausted { return .exhausted }
            if di > d { return .skip(di) }
            score += c.score(i)
        }
        return .match(score)
    }
}
