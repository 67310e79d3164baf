import EvidexText

/// Decides whether one quotation's text satisfies a query, after documents have been found:
/// a document can hold many quotes, and only those the query describes are shown. Words and
/// phrases are compared as the analyzer sees them, so punctuation and curly or straight marks
/// do not matter; clauses on other fields (speaker:, org:, dates) were settled per document.
/// The query is analysed once, when the matcher is made, and then tested against each quote.
struct QuoteMatcher {
    /// A query clause about the quote's text, analysed: words as the analyzer's vocabulary ids
    /// (making two strings per word of every quote, and a set of them, was most of a quote
    /// search over hearing days, with thousands of turns each).
    private indirect enum Clause {
        case stem(UInt32)
        case words([UInt32], slop: Int)
        case prefix(String)
        case fuzzy([Unicode.Scalar], maxEdits: Int)
        case always
        case boolean(must: [Clause], should: [Clause], mustNot: [Clause])
    }

    private let root: Clause
    private let analyzer: Analyzer

    init(query: Query, analyzer: Analyzer) {
        self.analyzer = analyzer
        root = QuoteMatcher.compile(query, analyzer)
    }

    /// Whether the quote's text satisfies the query.
    func matches(_ text: String) -> Bool {
        var stems: [UInt32] = []
        var exact: [UInt32] = []
        analyzer.forEachOccurrence(in: text) { occ in
            stems.append(occ.stem)
            exact.append(occ.exact)
        }
        stems.sort()
        return evaluate(root, stems: stems, exact: exact)
    }

    private static func compile(_ q: Query, _ analyzer: Analyzer) -> Clause {
        let vocabulary = analyzer.vocabulary
        switch q {
        case let .term(text, field, _):
            guard isQuoteField(field) else { return .always }
            let t = analyzer.tokens(text)
            if t.isEmpty { return .always }
            return t.count == 1 ? .stem(vocabulary.intern(t[0].stem)) : .words(t.map { vocabulary.intern($0.exact) }, slop: 0)
        case let .phrase(words, field, slop, _):
            guard isQuoteField(field) else { return .always }
            let t = analyzer.tokens(words.joined(separator: " ")).map { vocabulary.intern($0.exact) }
            return t.isEmpty ? .always : .words(t, slop: slop)
        case let .prefix(text, field, _):
            return isQuoteField(field) ? .prefix(analyzer.fold(text)) : .always
        case let .fuzzy(text, field, maxEdits, _):
            guard isQuoteField(field), let w = analyzer.tokens(text).first?.exact else { return .always }
            return .fuzzy(Array(w.unicodeScalars), maxEdits: maxEdits)
        case .dateRange, .matchAll:
            return .always
        case let .boolean(must, should, mustNot, _):
            // Negated clauses about other fields were applied to the document, not the quote.
            return .boolean(must: must.map { compile($0, analyzer) }, should: should.map { compile($0, analyzer) },
                            mustNot: mustNot.filter(isQuoteClause).map { compile($0, analyzer) })
        }
    }

    /// `stems` sorted; `exact` in text order.
    private func evaluate(_ c: Clause, stems: [UInt32], exact: [UInt32]) -> Bool {
        switch c {
        case .always:
            return true
        case .stem(let s):
            // the first stem not below s
            var lo = 0, hi = stems.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if stems[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            return lo < stems.count && stems[lo] == s
        case let .words(words, slop):
            return QuoteMatcher.contains(words, slop: slop, in: exact)
        case .prefix(let p):
            return exact.contains { analyzer.vocabulary.string($0).hasPrefix(p) }
        case let .fuzzy(target, maxEdits):
            return exact.contains {
                Levenshtein.distance(Array(analyzer.vocabulary.string($0).unicodeScalars), target, limit: maxEdits) != nil
            }
        case let .boolean(must, should, mustNot):
            if !must.allSatisfy({ evaluate($0, stems: stems, exact: exact) }) { return false }
            if mustNot.contains(where: { evaluate($0, stems: stems, exact: exact) }) { return false }
            if must.isEmpty && !should.isEmpty { return should.contains { evaluate($0, stems: stems, exact: exact) } }
            return true
        }
    }

    private static func isQuoteField(_ f: QueryField?) -> Bool { f == nil || f == .quote }

    /// Whether a clause says something about the quote's own text (so negating it can exclude
    /// a quote); clauses on other fields were applied to the document.
    private static func isQuoteClause(_ q: Query) -> Bool {
        switch q {
        case let .term(_, f, _), let .phrase(_, f, _, _), let .prefix(_, f, _), let .fuzzy(_, f, _, _): isQuoteField(f)
        case let .boolean(must, should, mustNot, _): (must + should + mustNot).contains(where: isQuoteClause)
        case .dateRange, .matchAll: false
        }
    }

    /// The words in order, adjacent (slop 0) or each within `slop` positions of where the
    /// phrase puts it.
    private static func contains(_ words: [UInt32], slop: Int, in exact: [UInt32]) -> Bool {
        guard words.count <= exact.count else { return false }
        for start in exact.indices where exact[start] == words[0] {
            var at = start
            var ok = true
            for w in words.dropFirst() {
                let lo = at + 1
                let hi = min(exact.count - 1, at + 1 + slop)
                guard lo <= hi, let next = (lo...hi).first(where: { exact[$0] == w }) else {
                    ok = false
                    break
                }
                at = next
            }
            if ok { return true }
        }
        return false
    }
}
