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

    private mutating func word(stem: String, field: QueryField?, boost: Double, negated: Bool) -> PreparedQuery {
        let fs = fields(field)
        var keys: [[TermKey]] = []
        var df = 0
        var infos = [[(slot: Int, info: TermInfo)]](repeating: [], count: snapshot.segments.count)
        for (slot, f) in fs.enumerated() {
            // One list per field and segment: the word group of the stem, every form in it.
            let key = TermKey(field: f, namespace: .group, term: stem)
            keys.append([key])
            var fieldDF = 0
            for (si, s) in snapshot.segments.enumerated() {
                guard let info = s.reader.termInfo(key) else { continue }
                infos[si].append((slot, info))
                fieldDF += Int(info.docFreq)
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
        let keys = fs.map { f in tokens.map { TermKey(field: f, namespace: .group, term: $0.stem) } }
        // Each word's group list and ordinal in it, per segment and field, looked up once here.
        var lists = [[[PreparedPhrase.WordList?]]](
            repeating: fs.map { _ in [PreparedPhrase.WordList?](repeating: nil, count: tokens.count) }, count: snapshot.segments.count)
        var df = [Int](repeating: 0, count: tokens.count)
        for (slot, fieldKeys) in keys.enumerated() {
            for (w, key) in fieldKeys.enumerated() {
                var n = 0
                for (si, s) in snapshot.segments.enumerated() {
                    guard let info = s.reader.termInfo(key), let form = s.reader.form(words[w], ofGroup: info, stem: tokens[w].stem) else { continue }
                    lists[si][slot][w] = PreparedPhrase.WordList(info: info, form: form.ordinal)
                    n += Int(form.docFreq)
                }
                df[w] = max(df[w], n)
            }
        }
        if df.contains(0) { return .nothing }
        let idf = df.reduce(0.0) { $0 + RankingSettings.idf(docFreq: $1, docCount: snapshot.maxDocCount) }
        if !negated {
            if words.count == 1 { highlights.exact.insert(words[0]) } else { highlights.phrases.append(words) }
        }
        let first = tokens[0].position
        return .phrase(PreparedPhrase(
            label: (field.map { "\($0.rawValue):" } ?? "") + "\"" + words.joined(separator: " ") + "\"" + (slop > 0 ? "~\(slop)" : ""),
            fields: scoring(fs), lists: lists,
            offsets: tokens.map { $0.position - first }, slop: slop, idf: idf, boost: boost))
    }

    /// Word groups (by stem, with their document counts) read as bare words.
    private mutating func expanded(_ terms: [(String, Int)], field: QueryField?, boost: Double, label: String, negated: Bool) -> PreparedQuery {
        if terms.isEmpty { return .nothing }
        let fs = fields(field)
        var clauses: [PreparedQuery] = []
        for (stem, df) in terms {
            if !negated { highlights.stems.insert(stem) }
            clauses.append(.word(PreparedWord(
                label: label + "→" + stem, fields: scoring(fs),
                keys: fs.map { [TermKey(field: $0, namespace: .group, term: stem)] }, infos: nil,
                idf: RankingSettings.idf(docFreq: df, docCount: snapshot.maxDocCount), boost: boost)))
        }
        return clauses.count == 1 ? clauses[0] : .boolean(must: [], should: clauses, mustNot: [], boost: 1)
    }

    /// The word groups holding a word that starts with `prefix`, most frequent first. A group
    /// matches whole, all its words (as a bare word does): "regulat*" finds "regulators" and
    /// so also "regulator".
    private func expandPrefix(_ prefix: String, fields: [IndexField]) -> [(String, Int)] {
        let wanted = Array(prefix.utf8)
        var stems = Set<String>()
        for f in fields {
            for s in snapshot.segments {
                s.reader.forEachTerm(withPrefix: TermKey(field: f, namespace: .group, term: prefix)) { k, info in
                    let stem = k.term
                    let forms = s.reader.forms(ofGroup: info, stem: stem)
                    if forms.contains(where: { $0.utf8.starts(with: wanted) }) { stems.insert(stem) }
                }
                s.reader.forEachTerm(withPrefix: TermKey(field: f, namespace: .form, term: prefix)) { k, info in
                    if let stem = s.reader.stem(ofForm: info, form: k.term) { stems.insert(stem) }
                }
            }
        }
        return top(frequencies(of: stems, fields: fields))
    }

    /// The word groups holding a word within `maxEdits` of the word (the word itself included).
    private func expandFuzzy(_ word: String, maxEdits: Int, fields: [IndexField]) -> [(String, Int)] {
        let target = Array(word.unicodeScalars)
        var stems = Set<String>()
        for f in fields {
            for s in snapshot.segments {
                s.reader.forEachTerm(withPrefix: TermKey(field: f, namespace: .group, term: "")) { k, info in
                    let stem = k.term
                    let forms = s.reader.forms(ofGroup: info, stem: stem)
                    for term in forms {
                        if abs(term.unicodeScalars.count - target.count) > maxEdits { continue }
                        if Levenshtein.distance(Array(term.unicodeScalars), target, limit: maxEdits) != nil {
                            stems.insert(stem)
                            break
                        }
                    }
                }
            }
        }
        return top(frequencies(of: stems, fields: fields))
    }

    /// Each word group's document count, summed over the fields.
    private func frequencies(of stems: Set<String>, fields: [IndexField]) -> [String: Int] {
        var df: [String: Int] = [:]
        for stem in stems {
            for f in fields { df[stem, default: 0] += snapshot.docFreq(TermKey(field: f, namespace: .group, term: stem)) }
        }
        return df
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
