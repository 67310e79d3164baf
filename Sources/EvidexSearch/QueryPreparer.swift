import EvidexDocuments
import EvidexIndex
import EvidexQuotes
import EvidexText

/// Turns a parsed `Query` into a `PreparedQuery` for one snapshot, collecting what snippets
/// should highlight on the way.
struct QueryPreparer {
    let snapshot: IndexSnapshot
    let analyzer: Analyzer
    let settings: RankingSettings
    /// Resolves `org:` names and acronyms to the canonical names that are indexed (made on
    /// first use).
    private let gazetteer: GazetteerSource
    var organisations: OrganisationGazetteer { gazetteer.value }
    /// Fields of unqualified words (the ranking's defaults, or the quote field for quote search).
    var defaultFields = RankingSettings.defaultFields
    /// Most terms a prefix or fuzzy clause expands to (the most frequent are kept).
    static let maxExpansions = 64
    var highlights = HighlightTerms()

    init(snapshot: IndexSnapshot, analyzer: Analyzer, settings: RankingSettings, organisations: GazetteerSource) {
        gazetteer = organisations
        self.snapshot = snapshot
        self.analyzer = analyzer
        self.settings = settings
    }

    mutating func prepare(_ q: Query, negated: Bool = false) -> PreparedQuery {
        if let inBody = Self.turnsClause(q, defaultFields: defaultFields) {
            // Transcript turns are not in the quote field (format 7): their text is the body's.
            // A clause on quotes matches a document by its quotes, or an evidence document by
            // its body, whose paragraphs are its turns; which quotes match is then decided
            // quote by quote (`QuoteMatcher`).
            let inQuotes = prepareText(q, negated: negated)
            let inTurns = prepareText(inBody, negated: negated)
            return .boolean(must: [], should: [
                inQuotes,
                .boolean(must: [inTurns, .filter(.kind(.evidence))], should: [], mustNot: [], boost: 1),
            ], mustNot: [], boost: 1)
        }
        return prepareText(q, negated: negated)
    }

    /// The body-field form of a text clause on quotes (`quote:` or, in quote search, an
    /// unqualified word); nil for any other clause.
    static func turnsClause(_ q: Query, defaultFields: [IndexField]) -> Query? {
        func onQuotes(_ f: QueryField?) -> Bool { f == .quote || (f == nil && defaultFields == [.quote]) }
        switch q {
        case let .term(text, field, boost) where onQuotes(field): return .term(text, field: .body, boost: boost)
        case let .phrase(words, field, slop, boost) where onQuotes(field): return .phrase(words, field: .body, slop: slop, boost: boost)
        case let .prefix(text, field, boost) where onQuotes(field): return .prefix(text, field: .body, boost: boost)
        case let .fuzzy(text, field, maxEdits, boost) where onQuotes(field): return .fuzzy(text, field: .body, maxEdits: maxEdits, boost: boost)
        default: return nil
        }
    }

    private mutating func prepareText(_ q: Query, negated: Bool) -> PreparedQuery {
        switch q {
        case let .term(text, field, boost):
            if let f = field, f == .kind || f == .source { return .filter(filter(f, text)) }
            if field == .org { return organisation(text, field: .org, boost: boost) }
            let tokens = analyzer.tokens(text)
            if tokens.isEmpty { return .nothing }
            if tokens.count > 1 {
                // "covid-19", "U.K.-based": several tokens from one term read as a phrase.
                return prepareText(.phrase(tokens.map(\.exact), field: field, slop: 0, boost: boost), negated: negated)
            }
            return word(stem: tokens[0].stem, field: field, boost: boost, negated: negated)
        case let .phrase(words, field, slop, boost):
            if let f = field, f == .kind || f == .source { return .filter(filter(f, words.joined(separator: " "))) }
            if field == .org { return organisation(words.joined(separator: " "), field: .org, boost: boost) }
            let tokens = analyzer.tokens(words.joined(separator: " "))
            if tokens.isEmpty { return .nothing }
            return phrase(tokens, field: field, slop: slop, boost: boost, negated: negated)
        case let .prefix(text, field, boost):
            let folded = analyzer.fold(text)
            let expansions = expandPrefix(folded, fields: fields(field))
            return expanded(expansions, field: field, boost: boost, label: "\(folded)*", negated: negated)
        case let .fuzzy(text, field, maxEdits, boost):
            let tokens = analyzer.tokens(text)
            guard let t = tokens.first else { return .nothing }
            let expansions = expandFuzzy(t.exact, maxEdits: maxEdits, fields: fields(field))
            return expanded(expansions, field: field, boost: boost, label: "\(t.exact)~\(maxEdits)", negated: negated)
        case let .dateRange(from, to):
            return .filter(.dateRange(from: from.map { Int32($0.ordinal) }, to: to.map { Int32($0.ordinal) }))
        case let .boolean(must, should, mustNot, boost):
            return .boolean(
                must: must.map { prepare($0, negated: negated) },
                should: should.map { prepare($0, negated: negated) },
                mustNot: mustNot.map { prepare($0, negated: !negated) },
                boost: boost)
        case .matchAll:
            return .matchAll
        }
    }

    private func fields(_ f: QueryField?) -> [IndexField] {
        guard let f else { return defaultFields.filter { snapshot.hasValues($0) } }
        switch f {
        case .title: return [.title]
        case .body: return [.body]
        case .author: return [.author]
        case .speaker: return [.speaker]
        case .source: return [.source]
        case .kind: return [.kind]
        case .quote: return [.quote]
        case .org: return [.org]
        }
    }

    private func scoring(_ fields: [IndexField]) -> [FieldScoring] {
        fields.map { FieldScoring(field: $0, weight: settings.weight($0), averageLength: snapshot.averageLength($0), b: settings.b) }
    }

    /// Whether the exact list of `s` belongs to the word group of stem s: only when s is its
    /// own stem (otherwise the surface form s is a different word that happens to spell s).
    private func isOwnStem(_ s: String) -> Bool {
        let t = analyzer.tokens(s)
        return t.count == 1 && t[0].stem == s
    }

    private mutating func word(stem: String, field: QueryField?, boost: Double, negated: Bool) -> PreparedQuery {
        let fs = fields(field)
        let own = isOwnStem(stem)
        var keys: [[TermKey]] = []
        var df = 0
        var infos = [[(slot: Int, info: TermInfo)]](repeating: [], count: snapshot.segments.count)
        for (slot, f) in fs.enumerated() {
            let stemKey = TermKey(field: f, namespace: .stem, term: stem)
            let exactKey = TermKey(field: f, namespace: .exact, term: stem)
            keys.append(own ? [exactKey, stemKey] : [stemKey])
            var fieldDF = 0
            for (si, s) in snapshot.segments.enumerated() {
                let stemInfo = s.reader.termInfo(stemKey)
                let exactInfo = own ? s.reader.termInfo(exactKey) : nil
                if let exactInfo { infos[si].append((slot, exactInfo)) }
                if let stemInfo {
                    infos[si].append((slot, stemInfo))
                    fieldDF += Int(stemInfo.groupDocFreq)
                } else if let exactInfo {
                    fieldDF += Int(exactInfo.docFreq)
                }
            }
            df = max(df, fieldDF)
        }
        if df == 0 { return .nothing }
        if !negated { highlights.stems.insert(stem) }
        return .word(PreparedWord(
            label: (field.map { "\($0.rawValue):" } ?? "") + stem, fields: scoring(fs), keys: keys, infos: infos,
            idf: RankingSettings.idf(docFreq: df, docCount: snapshot.maxDocCount), boost: boost))
    }

    private mutating func phrase(_ tokens: [AnalyzedToken], field: QueryField?, slop: Int, boost: Double, negated: Bool) -> PreparedQuery {
        let fs = fields(field)
        let words = tokens.map(\.exact)
        var idf = 0.0
        for w in words {
            var df = 0
            for f in fs { df = max(df, snapshot.docFreq(TermKey(field: f, namespace: .exact, term: w))) }
            if df == 0 { return .nothing }
            idf += RankingSettings.idf(docFreq: df, docCount: snapshot.maxDocCount)
        }
        if !negated {
            if words.count == 1 { highlights.exact.insert(words[0]) } else { highlights.phrases.append(words) }
        }
        let first = tokens[0].position
        return .phrase(PreparedPhrase(
            label: (field.map { "\($0.rawValue):" } ?? "") + "\"" + words.joined(separator: " ") + "\"" + (slop > 0 ? "~\(slop)" : ""),
            fields: scoring(fs),
            keys: fs.map { f in words.map { TermKey(field: f, namespace: .exact, term: $0) } },
            offsets: tokens.map { $0.position - first }, slop: slop, idf: idf, boost: boost))
    }

    private mutating func expanded(_ terms: [(String, Int)], field: QueryField?, boost: Double, label: String, negated: Bool) -> PreparedQuery {
        if terms.isEmpty { return .nothing }
        let fs = fields(field)
        var clauses: [PreparedQuery] = []
        for (term, df) in terms {
            if !negated { highlights.exact.insert(term) }
            clauses.append(.word(PreparedWord(
                label: label + "→" + term, fields: scoring(fs),
                keys: fs.map { [TermKey(field: $0, namespace: .exact, term: term)] }, infos: nil,
                idf: RankingSettings.idf(docFreq: df, docCount: snapshot.maxDocCount), boost: boost)))
        }
        return clauses.count == 1 ? clauses[0] : .boolean(must: [], should: clauses, mustNot: [], boost: 1)
    }

    /// Exact terms starting with `prefix` in the fields, most frequent first.
    private func expandPrefix(_ prefix: String, fields: [IndexField]) -> [(String, Int)] {
        var df: [String: Int] = [:]
        for f in fields {
            let key = TermKey(field: f, namespace: .exact, term: prefix)
            for s in snapshot.segments {
                s.reader.forEachTerm(withPrefix: key) { k, info in df[k.term, default: 0] += Int(info.docFreq) }
            }
        }
        return top(df)
    }

    /// Exact terms within `maxEdits` of the word (the word itself included).
    private func expandFuzzy(_ word: String, maxEdits: Int, fields: [IndexField]) -> [(String, Int)] {
        let target = Array(word.unicodeScalars)
        var df: [String: Int] = [:]
        for f in fields {
            let start = TermKey(field: f, namespace: .exact, term: "")
            for s in snapshot.segments {
                s.reader.forEachTerm(withPrefix: start) { k, info in
                    let term = k.term
                    if abs(term.unicodeScalars.count - target.count) > maxEdits { return }
                    if Levenshtein.distance(Array(term.unicodeScalars), target, limit: maxEdits) != nil {
                        df[term, default: 0] += Int(info.docFreq)
                    }
                }
            }
        }
        return top(df)
    }

    /// An organisation by any of its names: the gazetteer's canonical name when it knows the
    /// text, else the indexed names that fold to the same text (organisations recognised by
    /// the shape of their name are indexed as written).
    mutating func organisation(_ text: String, field: IndexField, boost: Double) -> PreparedQuery {
        let names = indexedOrganisationNames(text, field: field)
        var clauses: [PreparedQuery] = []
        for name in names {
            let key = TermKey(field: field, namespace: .exact, term: name)
            let df = snapshot.docFreq(key)
            if df == 0 { continue }
            clauses.append(.word(PreparedWord(
                label: "\(field.name):\"\(name)\"",
                fields: [FieldScoring(field: field, weight: 1, averageLength: snapshot.averageLength(field), b: settings.b)],
                keys: [[key]], infos: nil,
                idf: RankingSettings.idf(docFreq: df, docCount: snapshot.maxDocCount), boost: boost)))
        }
        if clauses.isEmpty { return .nothing }
        return clauses.count == 1 ? clauses[0] : .boolean(must: [], should: clauses, mustNot: [], boost: 1)
    }

    /// The indexed organisation names a query text stands for.
    func indexedOrganisationNames(_ text: String, field: IndexField) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return [] }
        var names: [String] = []
        if let canonical = organisations.canonicalOrganisation(for: trimmed) { names.append(canonical) }
        if let r = organisations.record(named: trimmed), !names.contains(r.name) { names.append(r.name) }
        let indexed = names.filter { snapshot.docFreq(TermKey(field: field, namespace: .exact, term: $0)) > 0 }
        if !indexed.isEmpty { return indexed }
        // Not in the gazetteer (or not indexed under that name): compare folded names.
        let folded = analyzer.fold(trimmed)
        var found = Set<String>()
        let prefix = TermKey(field: field, namespace: .exact, term: "")
        for s in snapshot.segments {
            s.reader.forEachTerm(withPrefix: prefix) { k, _ in
                let name = k.term
                if analyzer.fold(name) == folded { found.insert(name) }
            }
        }
        return found.sorted()
    }

    private func top(_ df: [String: Int]) -> [(String, Int)] {
        Array(df.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(QueryPreparer.maxExpansions))
            .map { ($0.key, $0.value) }
    }

    private func filter(_ f: QueryField, _ text: String) -> DocumentFilter {
        if f == .kind {
            return .kind(DocumentKind(rawValue: analyzer.fold(text).trimmingCharacters(in: .whitespaces)))
        }
        return .source(words: analyzer.tokens(text).map(\.exact))
    }
}

import Foundation
