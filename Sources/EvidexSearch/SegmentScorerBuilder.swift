import EvidexIndex
import EvidexText

/// Builds the scorer tree of a prepared query for one segment.
struct SegmentScorerBuilder {
    let segment: LiveSegment
    /// The segment's position in the snapshot (indexes prepared lookups).
    let segmentIndex: Int
    let k1: Double
    /// Source ordinals accepted by each source filter, computed once per segment.
    let analyzer: Analyzer
    let norms: NormCache

    var reader: SegmentReader { segment.reader }

    func build(_ q: PreparedQuery) -> Scorer {
        switch q {
        case .nothing:
            return EmptyScorer()
        case .matchAll:
            return PredicateScorer(docCount: reader.docCount, label: "all documents") { _ in true }
        case .word(let w):
            var sources: [(PostingsCursor, Int)] = []
            if let infos = w.infos {
                for (slot, info) in infos[segmentIndex] { sources.append((reader.postings(info, field: w.fields[slot].field), slot)) }
            } else {
                for (slot, keys) in w.keys.enumerated() {
                    for k in keys {
                        if let info = reader.termInfo(k) { sources.append((reader.postings(info, field: w.fields[slot].field), slot)) }
                    }
                }
            }
            if sources.isEmpty { return EmptyScorer() }
            return TermScorer(BM25FCore(sources: sources, fields: w.fields, idf: w.idf, k1: k1, boost: w.boost, reader: reader, norms: norms, label: w.label))
        case .phrase(let p):
            var sources: [(PhraseMatcher, Int)] = []
            fieldLoop: for (slot, words) in p.lists[segmentIndex].enumerated() {
                var cursors: [PostingsCursor] = []
                for word in words {
                    guard let word else { continue fieldLoop }
                    let c = reader.postings(word.info, field: p.fields[slot].field)
                    // The word's own positions in its group's list, when the group has others.
                    if word.info.formCount > 1 { c.form = word.form }
                    cursors.append(c)
                }
                sources.append((PhraseMatcher(cursors: cursors, offsets: p.offsets, slop: p.slop), slot))
            }
            if sources.isEmpty { return EmptyScorer() }
            return PhraseScorer(BM25FCore(sources: sources, fields: p.fields, idf: p.idf, k1: k1, boost: p.boost, reader: reader, norms: norms, label: p.label))
        case .filter(let f):
            return filterScorer(f)
        case let .boolean(must, should, mustNot, boost):
            let m = must.map(build)
            let s = should.map(build).filter { $0.doc != PostingsCursor.exhausted }
            let n = mustNot.map(build).filter { $0.doc != PostingsCursor.exhausted }
            if m.contains(where: { $0.doc == PostingsCursor.exhausted }) { return EmptyScorer() }
            var result: Scorer
            if !m.isEmpty {
                result = m.count == 1 ? m[0] : ConjunctionScorer(m)
                if !s.isEmpty { result = RequiredOptionalScorer(required: result, optional: s.count == 1 ? s[0] : DisjunctionScorer(s)) }
            } else if !s.isEmpty {
                result = s.count == 1 ? s[0] : DisjunctionScorer(s)
            } else if !mustNot.isEmpty {
                result = PredicateScorer(docCount: reader.docCount, label: "all documents") { _ in true }
            } else {
                return EmptyScorer()
            }
            if !n.isEmpty { result = ExclusionScorer(include: result, exclude: n.count == 1 ? n[0] : DisjunctionScorer(n)) }
            if boost != 1 { result = BoostScorer(result, factor: boost) }
            return result
        }
    }

    private func filterScorer(_ f: DocumentFilter) -> Scorer {
        let r = reader
        switch f {
        case let .dateRange(from, to):
            let lo = from ?? Int32.min + 1
            let hi = to ?? Int32.max
            return PredicateScorer(docCount: r.docCount, label: "date in range") { d in
                guard let v = r.dateOrdinal(d) else { return false }
                return v >= lo && v <= hi
            }
        case .kind(let k):
            guard let k else { return EmptyScorer() }
            return PredicateScorer(docCount: r.docCount, label: "kind:\(k.rawValue)") { d in r.kind(d) == k }
        case .source(let words):
            var accepted = [Bool](repeating: false, count: r.sourceCount)
            for o in 0..<r.sourceCount {
                let sw = analyzer.tokens(r.sourceName(ordinal: o)).map(\.exact)
                accepted[o] = SegmentScorerBuilder.containsRun(sw, words)
            }
            if !accepted.contains(true) { return EmptyScorer() }
            return PredicateScorer(docCount: r.docCount, label: "source:\(words.joined(separator: " "))") { d in accepted[r.sourceOrdinal(d)] }
        }
    }

    static func containsRun(_ hay: [String], _ needle: [String]) -> Bool {
        if needle.isEmpty { return false }
        if needle.count > hay.count { return false }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return true }
        return false
    }
}
