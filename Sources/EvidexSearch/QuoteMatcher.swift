import EvidexText

/// Decides whether one quotation's text satisfies a query, after documents have been found:
/// a document can hold many quotes, and only those the query describes are shown. Words and
/// phrases are compared as the analyzer sees them, so punctuation and curly or straight marks
/// do not matter; clauses on other fields (speaker:, org:, dates) were settled per document.
struct QuoteMatcher {
    private let stems: Set<String>
    private let exact: [String]

    init(text: String, analyzer: Analyzer) {
        let tokens = analyzer.tokens(text)
        stems = Set(tokens.map(\.stem))
        exact = tokens.map(\.exact)
    }

    func matches(_ q: Query, analyzer: Analyzer) -> Bool {
        switch q {
        case let .term(text, field, _):
            guard isQuoteField(field) else { return true }
            let t = analyzer.tokens(text)
            if t.isEmpty { return true }
            if t.count == 1 { return stems.contains(t[0].stem) }
            return contains(t.map(\.exact), slop: 0)
        case let .phrase(words, field, slop, _):
            guard isQuoteField(field) else { return true }
            let t = analyzer.tokens(words.joined(separator: " ")).map(\.exact)
            return t.isEmpty || contains(t, slop: slop)
        case let .prefix(text, field, _):
            guard isQuoteField(field) else { return true }
            let p = analyzer.fold(text)
            return exact.contains { $0.hasPrefix(p) }
        case let .fuzzy(text, field, maxEdits, _):
            guard isQuoteField(field) else { return true }
            guard let w = analyzer.tokens(text).first?.exact else { return true }
            let target = Array(w.unicodeScalars)
            return exact.contains { Levenshtein.distance(Array($0.unicodeScalars), target, limit: maxEdits) != nil }
        case .dateRange, .matchAll:
            return true
        case let .boolean(must, should, mustNot, _):
            if !must.allSatisfy({ matches($0, analyzer: analyzer) }) { return false }
            if mustNot.contains(where: { isQuoteClause($0) && matches($0, analyzer: analyzer) }) { return false }
            if must.isEmpty && !should.isEmpty { return should.contains { matches($0, analyzer: analyzer) } }
            return true
        }
    }

    private func isQuoteField(_ f: QueryField?) -> Bool { f == nil || f == .quote }

    /// Whether a clause says something about the quote's own text (so negating it can exclude
    /// a quote); clauses on other fields were applied to the document.
    private func isQuoteClause(_ q: Query) -> Bool {
        switch q {
        case let .term(_, f, _), let .phrase(_, f, _, _), let .prefix(_, f, _), let .fuzzy(_, f, _, _): isQuoteField(f)
        case let .boolean(must, should, mustNot, _): (must + should + mustNot).contains(where: isQuoteClause)
        case .dateRange, .matchAll: false
        }
    }

    /// The words in order, adjacent (slop 0) or each within `slop` positions of where the
    /// phrase puts it.
    private func contains(_ words: [String], slop: Int) -> Bool {
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
