import EvidexIndex

/// Top-k over a disjunction with the MaxScore algorithm (Turtle & Flood): clauses are sorted
/// by their score bounds; the low-bound prefix whose bounds sum below the current k-th score
/// cannot produce a hit alone, so only the others ("essential") drive the iteration and the
/// rest are probed for candidates that can still make it. Exact for the top k; skips the
/// counting of documents that cannot enter it.
enum MaxScoreCollector {
    static func collect(_ clauses: [Scorer], segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) {
        let c = ScorerList(clauses.sorted { $0.maxScore < $1.maxScore })
        var prefix = [Double](repeating: 0, count: c.count)
        var acc = 0.0
        for i in 0..<c.count {
            acc += c.maxScore(i)
            prefix[i] = acc
        }
        var firstEssential = 0
        func updateEssential() {
            let t = top.threshold
            while firstEssential < c.count && prefix[firstEssential] <= t { firstEssential += 1 }
        }
        updateEssential()
        while firstEssential < c.count {
            // One clause left to drive, the others unable to add anything (stop words, which
            // the query keeps as clauses scored 0, or words weighted 0): once the top k is full
            // nothing scored 0 can enter, so the last clause is collected alone, by its own
            // block bounds and exact windows. "than tests" scored every document of "tests"
            // here one by one, eight times slower than "tests" alone.
            if firstEssential == c.count - 1 && c.count >= 2 && prefix[c.count - 2] == 0 && top.isFull {
                Searcher.collectTop(c.owners[c.count - 1], segment: segment, segmentIndex: segmentIndex, into: &top)
                return
            }
            var d = PostingsCursor.exhausted
            for i in firstEssential..<c.count {
                let cd = c.doc(i)
                if cd < d { d = cd }
            }
            if d == PostingsCursor.exhausted { break }
            var score = 0.0
            for i in firstEssential..<c.count where c.doc(i) == d {
                score += c.score(i)
                c.next(i)
            }
            var i = firstEssential - 1
            let t = top.threshold
            while i >= 0 {
                if score + prefix[i] <= t { break }
                c.advance(i, to: d)
                if c.doc(i) == d { score += c.score(i) }
                i -= 1
            }
            if i < 0 || score > t, !segment.isDeleted(d) {
                let before = top.threshold
                top.offer(ScoredDoc(score: score, segment: segmentIndex, doc: d))
                if top.threshold != before { updateEssential() }
            }
        }
    }
}
