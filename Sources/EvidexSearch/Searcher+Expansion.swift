import EvidexIndex
import EvidexText

extension Searcher {
    /// The query with pseudo-relevance feedback words added (`ExpansionSettings`), or the query
    /// itself when expansion is off, the query is not a plain list of ranked words (phrases,
    /// fields, required or excluded clauses mean the person chose the words), it has fewer than
    /// `minimumWords` content words, nothing matched, or the first pass is not confident
    /// (`minimumScoreRatio`). The feedback words only rank: the query's own words still decide
    /// which documents match.
    func expanded(_ query: Query) -> Query {
        let query = withoutStopWords(query)
        guard let e = settings.expansion, e.feedbackDocuments > 0, e.feedbackTerms > 0 else { return query }
        // The proximity phrases `withoutStopWords` added stay as they are.
        var phrases: [Query] = []
        var plain = query
        if case let .boolean(must, should, mustNot, 1) = query, must.isEmpty, mustNot.isEmpty {
            phrases = should.filter(\.isPhrase)
            plain = .boolean(must: [], should: should.filter { !$0.isPhrase }, mustNot: [], boost: 1)
        }
        guard let weighted = Searcher.weightedWords(plain) else { return query }
        // Words of weight 0 (function words) match but neither rank nor feed the model.
        let words = weighted.filter { $0.boost > 0 }.map(\.text)
        let silent = weighted.filter { $0.boost == 0 }.map { Query.term($0.text, field: nil, boost: 0) }
        if words.isEmpty || words.count < e.minimumWords { return query }
        let feedback = rankedDocs(query, k: e.feedbackDocuments, count: false).top
        if feedback.isEmpty { return query }
        // A confident first pass: its best document scores well above the last feedback
        // document. When the scores are flat, the feedback documents are as likely to be off
        // the topic as on it, and their words would pull the query away.
        if e.minimumScoreRatio > 0 {
            guard feedback.count >= e.feedbackDocuments,
                  feedback[0].score >= e.minimumScoreRatio * feedback[feedback.count - 1].score else { return query }
        }

        // P(w | query): each query word's share of the query, by stem.
        var weights: [String: Double] = [:]
        var surface: [String: String] = [:]
        var queryStems: [String] = []
        for w in words {
            for t in analyzer.tokens(w) {
                queryStems.append(t.stem)
                if surface[t.stem] == nil { surface[t.stem] = w }
            }
        }
        if queryStems.isEmpty { return query }
        for s in queryStems { weights[s, default: 0] += e.originalWeight / Double(queryStems.count) }

        // P(w | feedback): Σ_D P(D) · tf(w, D) / |D|, P(D) = the document's share of the scores.
        let total = feedback.reduce(0) { $0 + max($1.score, 0) }
        guard total > 0 else { return query }
        var model: [String: Double] = [:]
        var forms: [String: [String: Int]] = [:]
        for hit in feedback {
            let reader = snapshot.segments[hit.segment].reader
            guard let doc = try? reader.document(hit.doc) else { continue }
            let tokens = analyzer.tokens(doc.title + "\n" + doc.body)
            if tokens.isEmpty { continue }
            var tf: [String: Int] = [:]
            for t in tokens {
                tf[t.stem, default: 0] += 1
                forms[t.stem, default: [:]][t.exact, default: 0] += 1
            }
            let share = max(hit.score, 0) / total / Double(tokens.count)
            for (stem, n) in tf { model[stem, default: 0] += share * Double(n) }
        }
        let limit = e.maxDocumentShare * Double(snapshot.maxDocCount)
        // The heaviest words first; the checks (a dictionary lookup each) stop once enough passed.
        var candidates: [(key: String, value: Double)] = []
        for (stem, p) in model.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            if candidates.count == e.feedbackTerms { break }
            guard let form = forms[stem]?.max(by: { $0.value < $1.value })?.key else { continue }
            if StopWords.english.contains(form) || StopWords.english.contains(stem) { continue }
            if Double(documentFrequency(stem: stem)) > limit { continue }
            candidates.append((stem, p))
        }
        let mass = candidates.reduce(0) { $0 + $1.value }
        guard mass > 0 else { return query }
        for (stem, p) in candidates {
            weights[stem, default: 0] += (1 - e.originalWeight) * p / mass
            if surface[stem] == nil, let form = forms[stem]?.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key {
                surface[stem] = form
            }
        }
        // Boosts relative to an original word's weight, so scores stay on the usual scale.
        let unit = e.originalWeight / Double(queryStems.count)
        var own: [Query] = []
        var added: [Query] = []
        let queryStemSet = Set(queryStems)
        for (stem, w) in weights.sorted(by: { $0.key < $1.key }) {
            guard let text = surface[stem] else { continue }
            let clause = Query.term(text, field: nil, boost: w / max(unit, 1e-9))
            if queryStemSet.contains(stem) { own.append(clause) } else { added.append(clause) }
        }
        // The query's own words (and function words, at weight 0) are required as a group, so
        // the matches are the query's; the feedback words only add to their scores.
        let original = Query.boolean(must: [], should: own + silent + phrases, mustNot: [], boost: 1)
        if added.isEmpty { return original }
        return .boolean(must: [original], should: added, mustNot: [], boost: 1)
    }

    /// A query of plain ranked words weighed as a person meant it, when `queryStopWords` is on:
    /// single letters in a row that the index knows as a dotted acronym rank as that acronym
    /// ("u s policy" is about the "u.s", once punctuation was stripped), and function words rank
    /// nothing when other words remain. Both still match (as clauses of weight 0), so which
    /// documents match, and how many, never changes: only the order. Phrases, fields and
    /// operators are left alone.
    func withoutStopWords(_ query: Query) -> Query {
        guard settings.queryStopWords, let words = Searcher.rankedWords(query), words.count > 1 else { return query }
        var ranked: [String] = []
        var silent: [String] = []
        var i = 0
        while i < words.count {
            var j = i
            while j < words.count, Searcher.isSingleLetter(words[j]) { j += 1 }
            if j - i >= 2 {
                let acronym = words[i..<j].map { $0.lowercased() }.joined(separator: ".")
                if documentFrequency(exact: acronym) > 0 {
                    ranked.append(acronym)
                    silent.append(contentsOf: words[i..<j])
                    i = j
                    continue
                }
            }
            ranked.append(words[i])
            i += 1
        }
        let content = ranked.filter { w in !analyzer.tokens(w).allSatisfy { StopWords.english.contains($0.exact) } }
        if content.isEmpty || (content.count == words.count && silent.isEmpty && settings.proximityBoost == 0) { return query }
        silent += ranked.filter { !content.contains($0) }
        var clauses = content.map { Query.term($0, field: nil, boost: 1) } + silent.map { Query.term($0, field: nil, boost: 0) }
        if settings.proximityBoost > 0, content.count >= settings.proximityMinWords {
            for (a, b) in zip(content, content.dropFirst()) {
                clauses.append(.phrase([a, b], field: nil, slop: settings.proximitySlop, boost: settings.proximityBoost))
            }
        }
        return .boolean(must: [], should: clauses, mustNot: [], boost: 1)
    }

    static func isSingleLetter(_ w: String) -> Bool {
        w.unicodeScalars.count == 1 && w.unicodeScalars.first!.isASCII && w.unicodeScalars.first!.properties.isAlphabetic
    }

    /// Documents whose word group holds this folded word, in any default field (the largest
    /// field's count).
    func documentFrequency(exact term: String) -> Int {
        guard let t = analyzer.tokens(term).first, t.exact == term else { return 0 }
        var df = 0
        for f in RankingSettings.defaultFields {
            let key = TermKey(field: f, namespace: .group, term: t.stem)
            var n = 0
            for s in snapshot.segments {
                if let info = s.reader.termInfo(key), let f = s.reader.form(term, ofGroup: info, stem: t.stem) { n += Int(f.docFreq) }
            }
            df = max(df, n)
        }
        return df
    }

    /// The words and boosts of a query made only of unfielded words, else nil.
    static func weightedWords(_ q: Query) -> [(text: String, boost: Double)]? {
        switch q {
        case let .term(text, nil, boost):
            return [(text, boost)]
        case let .boolean(must, should, mustNot, 1) where must.isEmpty && mustNot.isEmpty:
            var words: [(String, Double)] = []
            for c in should {
                guard case let .term(text, nil, boost) = c else { return nil }
                words.append((text, boost))
            }
            return words
        default:
            return nil
        }
    }

    /// The words of a query made only of unfielded ranked words, else nil.
    static func rankedWords(_ q: Query) -> [String]? {
        switch q {
        case let .term(text, nil, 1):
            return [text]
        case let .boolean(must, should, mustNot, 1) where must.isEmpty && mustNot.isEmpty:
            var words: [String] = []
            for c in should {
                guard case let .term(text, nil, 1) = c else { return nil }
                words.append(text)
            }
            return words
        default:
            return nil
        }
    }

    /// Documents containing any form of the word in the default fields (the largest field's count).
    func documentFrequency(stem: String) -> Int {
        var df = 0
        for f in RankingSettings.defaultFields {
            var n = 0
            for s in snapshot.segments {
                if let info = s.reader.termInfo(TermKey(field: f, namespace: .group, term: stem)) { n += Int(info.docFreq) }
            }
            df = max(df, n)
        }
        return df
    }
}

extension Query {
    var isPhrase: Bool {
        if case .phrase = self { return true }
        return false
    }
}
