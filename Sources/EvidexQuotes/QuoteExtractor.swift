import Foundation

/// Finds the quotations of a news or evidence document and attributes each to its speaker.
///
/// Marks are paired by `QuoteMarkScanner`; each paragraph is then read as a row of words,
/// punctuation and whole quotations, so that attribution frames (‘…,’ she said; Bailey said: ‘…’;
/// according to X) are short patterns around a quotation token. Quotes with no frame of their
/// own inherit from a quotation earlier in the paragraph or, when they open a paragraph, from
/// the previous paragraph's quotation; short marked phrases nobody is said to have said are
/// scare quotes and get no speaker.
public struct QuoteExtractor: Sendable {
    let organisations: (any OrganisationResolving)?

    public init(organisations: (any OrganisationResolving)? = nil) {
        self.organisations = organisations
    }

    /// `text` is a whole document (headline line(s), blank line, paragraphs separated by newlines). Offsets into `text` in code points.
    public func extract(from text: String) -> [Quote] {
        extract(scalars: ScalarInfo.scalars(of: text))
    }

    /// `extract` on the text's scalars, which `TextAnnotator` shares with the organisation linker.
    func extract(scalars: [Unicode.Scalar]) -> [Quote] {
        let scanner = QuoteMarkScanner(scalars)
        let paragraphs = scanner.paragraphs()
        let stretches = scanner.stretches(paragraphs: paragraphs)
        // what the paragraphs name serves only the attribution of quotations
        if stretches.isEmpty { return [] }
        let tokenizer = Tokenizer(text: scalars)
        var entities = DocumentEntities()
        var layouts: [[Token]] = []
        var byParagraph = [[Int]](repeating: [], count: paragraphs.count)
        for (i, s) in stretches.enumerated() { byParagraph[s.paragraph].append(i) }
        for (pi, p) in paragraphs.enumerated() {
            let toks = layout(p, quotes: byParagraph[pi], stretches: stretches, tokenizer: tokenizer)
            layouts.append(toks)
            for run in Self.nameRuns(in: toks, scalars) {
                if run.organisation {
                    entities.noteOrganisation(run.name, at: run.position)
                } else {
                    entities.notePersonMention(run.name, gender: run.gender, at: run.position)
                }
            }
        }
        entities.sortMentions()

        var quotes: [Quote] = []
        var previous: Attribution?          // last attributed quote, for continuation paragraphs
        var previousParagraph = -2
        var previousFull = false
        var pendingColon: Attribution?      // "Caddell continued:" at the end of a paragraph
        // Attribution only serves quotations: paragraphs after the last one that holds any are
        // not read for speakers (what they name was noted above, for earlier references).
        let lastQuoted = stretches.last?.paragraph ?? -1
        for pi in paragraphs.indices where pi <= lastQuoted {
            let toks = layouts[pi]
            let reader = PhraseReader(tokens: toks, scalars: scalars)
            var resolved = ResolvedSpeakers()
            // every reporting-verb subject, in text order, so that names and pronouns resolve
            // against the people and organisations named before them
            var subjects: [(Int, SpeakerCandidate)] = []
            for v in toks.indices where reader.isVerb(v) {
                let (floor, limit) = clause(around: v, in: toks)
                if var c = subject(of: v, reader: reader, toks: toks, floor: floor, limit: limit) {
                    c.cue = reader.cue(v)
                    subjects.append((v, c))
                }
            }
            // sorted as indices: sorting the candidates copied each, strings and all
            var order = Array(subjects.indices)
            order.sort { subjects[$0].1.position < subjects[$1].1.position }
            for k in order where resolved[subjects[k].1.mention] == nil {
                resolved[subjects[k].1.mention] = attribution(for: subjects[k].1, entities: &entities)
            }
            var inParagraph: [Attribution?] = []
            let quoteTokens = toks.indices.filter { toks[$0].quoteIndex != nil }
            // by position in `quoteTokens`
            var chosen: [Attribution?] = []
            var rules: [Frame?] = []
            chosen.reserveCapacity(quoteTokens.count)
            rules.reserveCapacity(quoteTokens.count)
            for t in quoteTokens {
                let found = candidate(forQuoteAt: t, toks: toks, reader: reader, subjects: subjects, inHeadline: pi == 0)
                var c = found?.0
                // "It added that …, and called for ‘…’": the cue is the speaker's verb nearest the quote
                if let m = c?.mention, let nearest = subjects.last(where: { $0.0 < t && $0.1.mention == m }),
                   let cue = nearest.1.cue, let old = c?.cue, old.upperBound <= cue.lowerBound {
                    c?.cue = cue
                }
                rules.append(found?.1)
                var a: Attribution?
                if let c {
                    a = resolved[c.mention] ?? attribution(for: c, entities: &entities)
                    a?.cue = c.cue
                    resolved[c.mention] = a
                }
                chosen.append(a)
            }
            for (n, t) in quoteTokens.enumerated() {
                let si = toks[t].quoteIndex!
                let st = stretches[si]
                var speaker = chosen[n]
                let rule = rules[n]
                if speaker == nil {
                    let (sStart, _) = sentenceBounds(t, toks)
                    let earlier = subjects.last(where: { $0.0 < t })
                    // another framed quote in the paragraph: “A,” she said. “B.”
                    // a quote inside a sentence only inherits from a quote earlier in that sentence
                    let priorIndex = inParagraph.lastIndex(where: { $0 != nil })
                    let priorInSentence = priorIndex.map { quoteTokens[$0] >= sStart } ?? false
                    if let pi0 = priorIndex, let prior = inParagraph[pi0], t == sStart || priorInSentence {
                        speaker = prior
                    } else if t == sStart, let e = earlier, let a = resolved[e.1.mention] {
                        // Schiff said. “The other factor …”
                        speaker = a
                    } else if n == 0, t == 0, let next = chosen.dropFirst().compactMap({ $0 }).first {
                        speaker = next
                    } else if t == 0, let colon = pendingColon {
                        speaker = colon
                    } else if t == 0, let prev = previous, previousParagraph == pi - 1, previousFull {
                        speaker = prev
                        speaker?.cue = nil
                    } else if pi == 0, let head = headlineSpeaker(toks: toks, before: t, reader: reader) {
                        speaker = attribution(for: head, entities: &entities)
                    }
                }
                inParagraph.append(speaker)
                if let sp = speaker { previous = sp; previousParagraph = pi }
                if toks.indices.contains(t - 1), toks[t - 1].isPunct("=") { continue }   // markup attribute value
                // counted only where it decides anything: most quotes need neither test
                let words = { countWords(st.inner, scalars) }
                let kind: QuoteKind
                if isTitle(st, at: t, toks: toks, scalars: scalars) || isNickname(st, at: t, toks: toks, words: words) {
                    // MSNBC's “Morning Joe”, the book ‘Make Your Kid a Millionaire’, Robert C. “Bobby” Scott
                    kind = .scare
                } else if speaker == nil {
                    // marked words inside a sentence that no reporting verb frames
                    kind = t > sentenceBounds(t, toks).0 ? .scare : .full
                } else if rule == .lateTrailingCue && words() <= 3 {
                    // "… returns to ‘business as usual’ after the pandemic, it said": a short phrase
                    // inside reported speech is the writer's marking, not a quotation
                    kind = .scare
                } else {
                    let first = scalars[st.inner.lowerBound]
                    let clauseStart = t == 0 || toks[t - 1].isPunct(":") || toks[t - 1].isPunct(",") || toks[t - 1].endsSentence
                    kind = (ScalarClass.isUpper(first) || ScalarClass.isDigit(first)) && clauseStart || st.open == nil ? .full : .partial
                }
                let innerText = ScalarInfo.string(scalars, st.inner)
                if speaker != nil { previousFull = kind == .full }
                quotes.append(Quote(range: st.inner, text: innerText, kind: kind,
                                    speaker: kind == .scare ? nil : speaker.map { finished($0, entities: &entities) },
                                    cue: kind == .scare ? nil : speaker?.cue, nested: st.nested))
            }
            // "Caddell continued:" or "Howard continued his remarks." with no quotation of its own
            // introduces the next paragraph's quotation
            pendingColon = nil
            if quoteTokens.isEmpty, let last = toks.last {
                var lastStart = toks.count - 1
                while lastStart > 0 && !toks[lastStart - 1].endsSentence { lastStart -= 1 }
                // only a cue that closes the paragraph introduces what follows
                if let s = subjects.last(where: { $0.0 >= lastStart && $0.0 >= toks.count - 6 }),
                   !toks[(s.0 + 1)...].contains(where: { $0.isLower(LowerWord.that, scalars) }) {
                    pendingColon = resolved[s.1.mention].map { var a = $0; a.cue = s.1.cue; return a }
                } else if last.isPunct(":"), let c = reader.sentenceSubject(from: lastStart, before: toks.count - 1) {
                    pendingColon = attribution(for: c, entities: &entities)
                }
            }
        }
        return quotes
    }

    /// Which frame attributed a quote; the kind of a short quote depends on it.
    enum Frame: Sendable {
        case accordingTo, mainClauseOfWhat, headline, mainVerb, adjacentVerb, trailingCue, colon, lateTrailingCue,
             firstCoreVerb, earlierVerb, dash, anyTrailingCue
    }

    /// A resolved speaker plus the cue that introduced it.
    struct Attribution: Sendable, Equatable {
        var speaker: QuoteSpeaker
        var cue: Range<Int>?
        /// What the speaker's organisation is read from, until `finished` looks it up. Every
        /// reporting verb's subject is attributed, for the people and pronouns it introduces,
        /// but most never speak a quotation; the gazetteer lookups (the dearest part of
        /// attribution) are made only for those that do.
        var organisationSource: OrganisationSource?
    }

    enum OrganisationSource: Sendable, Equatable {
        /// A person's role ("director … at The King's Fund").
        case role(String)
        /// A non-person speaker's name ("the Health and Social Care Committee report").
        case name(String)
    }

    private func attribution(for c: SpeakerCandidate, entities: inout DocumentEntities) -> Attribution {
        let (name, person) = entities.resolve(c)
        if c.isPronoun { entities.learnGender(of: name, from: c.words[0]) }
        var role: String?
        var source: OrganisationSource?
        if person {
            // a role given once ("Suzie Bailey, director … at The King's Fund") stays with the
            // person when later quotes say only "she said" or "Ms Bailey added"
            if let r = c.role {
                role = r
                entities.note(role: r, for: name)
            } else {
                role = entities.role(of: name)
            }
            source = role.map { .role($0) }
        } else {
            source = .name(name)
        }
        return Attribution(speaker: QuoteSpeaker(name: name, mention: c.mention, role: role, organisation: nil),
                           cue: c.cue, organisationSource: source)
    }

    /// The speaker of `a` with its organisation looked up (each role and name once per document).
    private func finished(_ a: Attribution, entities: inout DocumentEntities) -> QuoteSpeaker {
        var speaker = a.speaker
        switch a.organisationSource {
        case .role(let r):
            if let known = entities.roleOrganisations[r] {
                speaker.organisation = known
            } else {
                speaker.organisation = organisation(inRole: r)
                entities.roleOrganisations[r] = .some(speaker.organisation)
            }
        case .name(let name):
            // "Health and Social Care Committee report" speaks for the committee
            var words = SpaceSeparatedWords.words(name)
            if let last = words.last, Lexicon.documentNouns.contains(last.lowercased()), words.count > 1 { words.removeLast() }
            if let head = words.last?.lowercased(), Lexicon.organisationHeads.contains(head) {
                let base = words.joined(separator: " ")
                if let known = entities.nameOrganisations[base] {
                    speaker.organisation = known
                } else {
                    let org = organisations?.canonicalOrganisation(for: base) ?? base
                    speaker.organisation = org
                    entities.nameOrganisations[base] = org
                }
            }
        case nil:
            break
        }
        return speaker
    }

    /// The organisation part of a role: the capitalised phrase after its last "at", "of" or "for".
    func organisation(inRole role: String) -> String? {
        let words = SpaceSeparatedWords.words(role)
        guard let i = words.lastIndex(where: { ["at", "of", "for", "with"].contains($0) }) else {
            let caps = words.filter { $0.first?.isUppercase == true }
            return caps.count >= 2 ? organisations?.canonicalOrganisation(for: caps.joined(separator: " ")) ?? caps.joined(separator: " ") : nil
        }
        var tail = Array(words[(i + 1)...])
        while let last = tail.last, last.first?.isUppercase != true { tail.removeLast() }
        guard let first = tail.first, first.first?.isUppercase == true || first == "the" else { return nil }
        if first == "the", tail.count > 1, tail[1].first?.isUppercase == true { tail.removeFirst() }
        guard !tail.isEmpty, tail.allSatisfy({ $0.first?.isUppercase == true || ["of", "and", "for", "the", "&"].contains($0) }) else { return nil }
        let phrase = tail.joined(separator: " ")
        if let resolver = organisations { return resolver.canonicalOrganisation(for: phrase) ?? phrase }
        return phrase
    }

    private static let titleNouns: WordSet = [
        "show", "program", "programme", "book", "memoir", "documentary", "film", "movie", "song", "anthem", "album",
        "series", "episode", "column", "commentary", "article", "essay", "op-ed", "headline", "ad", "spot", "speech",
        "titled", "entitled", "called", "named", "dubbed", "on", "of", "magazine", "newspaper", "novel", "play",
        "poem", "report", "hymn", "single", "sitcom", "broadcast", "segment", "campaign", "slogan", "banner",
        "musical", "video", "podcast", "blog", "tune", "track", "painting", "exhibit", "exhibition", "titles",
    ]

    private static let titleSmallWords: WordSet = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "with",
                                                       "at", "by", "or", "is", "from", "as", "vs", "vs."]

    /// A title of a work: every content word capitalised and introduced by a possessive or a word
    /// such as "show", "titled" or "on" — marked, but quoted from nobody.
    private func isTitle(_ st: QuoteStretch, at t: Int, toks: [Token], scalars: [Unicode.Scalar]) -> Bool {
        // The word before the quote decides most cases and costs nothing to check, so it goes
        // first; the quoted words are tokenised only when it introduces a title.
        guard t > 0 else { return false }
        var p = t - 1
        if toks[p].isPunct(","), p > 0 { p -= 1 }
        guard toks[p].isWord else { return false }
        guard PhraseReader.isPossessive(toks[p], scalars) || Self.titleNouns.contains(toks[p], scalars) else { return false }
        // Nine words are enough to tell: a longer stretch is no title.
        var inner: [Token] = []
        Tokenizer(text: scalars).append(st.inner, to: &inner, wordLimit: 9)
        let words = inner.filter(\.isWord)
        guard !words.isEmpty, words.count <= 8 else { return false }
        for (i, w) in words.enumerated() {
            let first = scalars[w.range.lowerBound]
            if w.capitalised || ScalarClass.isDigit(first) { continue }
            if i > 0 && Self.titleSmallWords.contains(w, scalars) { continue }
            return false
        }
        return true
    }

    /// Robert C. “Bobby” Scott: one capitalised word between parts of a name.
    private func isNickname(_ st: QuoteStretch, at t: Int, toks: [Token], words: () -> Int) -> Bool {
        guard t > 0, t + 1 < toks.count else { return false }
        return toks[t - 1].isWord && toks[t - 1].capitalised && toks[t + 1].isWord && toks[t + 1].capitalised
            && words() == 1
    }

    private func countWords(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Int {
        var n = 0
        var inWord = false
        for i in r {
            let c = s[i]
            let v = c.value
            let w = v < 0x80 ? (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
                : ScalarClass.isWordChar(c)
            if w && !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    /// Tokens of a paragraph with each quotation replaced by one `.quote` token.
    private func layout(_ p: Range<Int>, quotes: [Int], stretches: [QuoteStretch], tokenizer: Tokenizer) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(p.count / 4)
        var pos = p.lowerBound
        for qi in quotes {
            let outer = stretches[qi].outer
            let a = Swift.max(outer.lowerBound, pos)
            if a > pos { tokenizer.append(pos..<a, to: &out) }
            out.append(Token(range: outer, kind: .quote(qi), capitalised: false))
            pos = Swift.max(pos, outer.upperBound)
        }
        if pos < p.upperBound { tokenizer.append(pos..<p.upperBound, to: &out) }
        let scalars = tokenizer.text
        // “… we will win.” Trump left the stage — the next sentence starts after the quote;
        // a lowercase continuation (“Why?” he asked) keeps the quote in its sentence.
        for i in out.indices {
            guard let qi = out[i].quoteIndex else { continue }
            let inner = stretches[qi].inner
            guard !inner.isEmpty else { continue }
            let last = tokenizer.text[inner.upperBound - 1]
            out[i].endsWithComma = last == ","
            guard last == "." || last == "!" || last == "?" || last == "\u{2026}" else { continue }
            if i + 1 == out.count || out[i + 1].quoteIndex != nil || (out[i + 1].isWord && out[i + 1].capitalised) {
                // “Does anybody know …?” Graham asked.
                var j = i + 1, cue = false
                while j < out.count && j <= i + 5 && !out[j].endsSentence && out[j].quoteIndex == nil {
                    if out[j].isWord && !out[j].capitalised && Lexicon.reportingVerbs.contains(out[j], scalars) {
                        // "Russia insisted that …" or "She says it underscores …" opens a sentence of its own;
                        // a cue ends its clause or goes on with a name, a time or a place ("said Friday in Ohio")
                        let next = j + 1 < out.count ? out[j + 1] : nil
                        cue = next == nil || (next!.kind == .punct && next!.quoteIndex == nil)
                            || (next!.isWord && (next!.capitalised || Self.cueFollowers.contains(next!, scalars)))
                        break
                    }
                    j += 1
                }
                if !cue { out[i].closesSentence = true }
            }
        }
        return out
    }

    /// Sentence around token `v`: after the last sentence end, before the next one.
    private func clause(around v: Int, in toks: [Token]) -> (Int, Int) {
        var floor = v
        while floor > 0 && !toks[floor - 1].endsSentence { floor -= 1 }
        var limit = v + 1
        while limit < toks.count && !toks[limit].endsSentence { limit += 1 }
        return (floor, limit)
    }

    private func subject(of v: Int, reader: PhraseReader, toks: [Token], floor: Int, limit: Int) -> SpeakerCandidate? {
        let scalars = reader.scalars
        let w = toks[v]
        if w.lowerHasSuffix("ing", scalars) && !w.isLower(LowerWord.according, scalars) {
            // "footage of Hillary Clinton asking, ‘…’": a reduced clause right after its subject
            // (or after a name and an adverb: "with Cruz recently promising")
            var q = v - 1
            while q > floor && toks[q].isWord && PhraseReader.isAdverb(toks[q], scalars) { q -= 1 }
            if q < v - 1 && !(toks[q].isWord && toks[q].capitalised) { q = v - 1 }
            if q >= floor, toks[q].isWord, q < v - 1 || !PhraseReader.isAdverb(toks[q], scalars),
               !PhraseReader.leadWords.contains(toks[q], scalars), !Lexicon.phraseBreakers.contains(toks[q], scalars) {
                // unless that phrase is the main verb's object or an adverbial ("emailed supporters
                // saying", "at one point calling"), or there is none ("a statement Wednesday
                // saying"): then the main clause's subject
                let reduced = reader.subject(ofVerb: v, floor: floor, limit: limit)
                if let r = reduced, !reader.isObjectBeforeParticiple(r, floor: floor) { return r }
                return reader.sentenceSubject(from: floor, before: v) ?? reduced
            }
            return participleSubject(before: v, reader: reader, toks: toks, floor: floor, limit: limit)
        }
        // "said" used as an adjective ("the said report") or a passive ("was told") has no speaker here
        if v > floor, Lexicon.beForms.contains(toks[v - 1], scalars),
           !w.isLower(LowerWord.according, scalars) {
            return nil
        }
        return reader.subject(ofVerb: v, floor: floor, limit: limit)
    }

    /// The subject of a participle after a comma ("…, saying ‘…’", "adding that"): the subject of
    /// the clause's main reporting verb (a weak verb after a lower-case noun is a noun: "the same
    /// campaign points, calling him …"); else the pronoun of the nearest clause joined by "and" or
    /// "but" ("… but the effort stalled, and he has battled with the paper …, at one point
    /// calling"), unless a name opens a clause after it; else the sentence's subject.
    private func participleSubject(before v: Int, reader: PhraseReader, toks: [Token], floor: Int, limit: Int) -> SpeakerCandidate? {
        let scalars = reader.scalars
        var k = v - 1
        while k >= floor {
            if reader.isVerb(k), !(k > floor && Lexicon.weakVerbs.contains(toks[k], scalars) && toks[k - 1].isWord
                && !toks[k - 1].capitalised && !PhraseReader.isAdverb(toks[k - 1], scalars)
                && !Lexicon.pronouns.contains(toks[k - 1], scalars)), let c = subject(of: k, reader: reader, toks: toks, floor: floor, limit: limit) {
                return c
            }
            k -= 1
        }
        var p = v - 1
        while p >= floor && toks[p].quoteIndex == nil {
            if toks[p].isWord && Lexicon.subjectPronouns.contains(toks[p], scalars) {
                if p > floor, toks[p - 1].isLower(LowerWord.and, scalars) || toks[p - 1].isLower(LowerWord.but, scalars) {
                    return reader.phraseBefore(p + 1, floor: p)
                }
                break
            }
            if toks[p].isWord && toks[p].capitalised
                && (p == floor || toks[p - 1].isPunct(",") || PhraseReader.conjunctions.contains(toks[p - 1], scalars)) { break }
            p -= 1
        }
        return reader.sentenceSubject(from: floor, before: v)
    }

    func sentenceBounds(_ t: Int, _ toks: [Token]) -> (Int, Int) {
        var a = t
        while a > 0 && !toks[a - 1].endsSentence { a -= 1 }
        var b = t + 1
        if !toks[t].endsSentence {
            while b < toks.count && !toks[b].endsSentence { b += 1 }
        }
        return (a, b)
    }

    private func quoteEndsWithComma(_ tok: Token) -> Bool { tok.endsWithComma }

    private static let cueFollowers: WordSet = [
        "in", "on", "at", "during", "of", "to", "about", "after", "before", "while", "when", "from", "with", "via",
        "last", "this", "earlier", "later", "recently", "yesterday", "today", "tonight", "then", "afterward",
        "afterwards", "again", "also", "simply", "flatly", "quietly", "angrily", "bluntly", "he", "she", "they",
        "it", "we", "i", "the", "a", "an", "his", "her", "their", "its", "one", "another", "reporters",
    ]

    private static let coreVerbs: WordSet = ["said", "says", "told", "tells", "added", "adds", "wrote", "writes",
                                                  "according", "say", "tell"]

    /// Words before a verb that make it hypothetical or intended rather than said.
    private static let unrealised: WordSet = ["will", "would", "could", "should", "might", "may", "can", "to"]
    private static let negations: WordSet = ["cannot", "not", "never", "can't", "won't", "couldn't", "wouldn't", "didn't",
                                              "can’t", "won’t", "couldn’t", "wouldn’t", "didn’t"]


    /// The frame that attributes the quotation token at `t`, nil when the quote has none.
    private func candidate(forQuoteAt t: Int, toks: [Token], reader: PhraseReader,
                           subjects: [(Int, SpeakerCandidate)], inHeadline: Bool) -> (SpeakerCandidate, Frame)? {
        let scalars = reader.scalars
        let (sStart, sEnd) = sentenceBounds(t, toks)
        var segStart = t
        while segStart > sStart && toks[segStart - 1].quoteIndex == nil { segStart -= 1 }
        var afterEnd = t + 1
        while afterEnd < sEnd && toks[afterEnd].quoteIndex == nil { afterEnd += 1 }
        var before = subjects.filter { $0.0 >= sStart && $0.0 < t }
        var after = subjects.filter { $0.0 > t && $0.0 < afterEnd && $0.0 - t <= 30 && reader.isStrongVerb($0.0) }
        // "…,” Obama said, according to a pool report: the report is the source
        if let acc = after.first(where: { toks[$0.0].isLower(LowerWord.according, scalars) }) { after = [acc] }
        // "According to GMA News, Salceda said …": the cited outlet is the source
        if let acc = subjects.first(where: { $0.0 >= sStart && $0.0 < sEnd && toks[$0.0].isLower(LowerWord.according, scalars) }) {
            return (acc.1, .accordingTo)
        }
        // "what he called the ‘Evil Empire’": the main clause's speaker, not the relative clause's
        let whatVerbs = before.filter { b in
            guard let st = toks.index(startingAt: b.1.mention.lowerBound), st > 0 else { return false }
            return toks[st - 1].isLower(LowerWord.what, scalars)
        }
        if !whatVerbs.isEmpty {
            before.removeAll { b in whatVerbs.contains { $0.0 == b.0 } }
            if before.isEmpty, let c = reader.sentenceSubject(from: sStart, before: whatVerbs[0].0) { return (c, .mainClauseOfWhat) }
        }
        // "A lesson from Loretta Lynch: ‘Be the voice …’" — a headline names its speaker before the colon
        if inHeadline, let c = headlineName(toks: toks, before: t, reader: reader) { return (c, .headline) }
        // said: ‘…’ / said that ‘…’ — only connecting words between the verb and the quote, no dash or
        // bracket — unless a main clause said it first ("Lynch said she recalled thinking, …")
        if let b = before.last, t - b.0 <= 3, b.0 >= segStart,
           !toks[(b.0 + 1)..<t].contains(where: { $0.kind == .punct && !$0.isPunct(",") && !$0.isPunct(":") }) {
            if b.1.isPronoun, let main = before.first(where: { Self.coreVerbs.contains(toks[$0.0], scalars) }), main.0 < b.0,
               !Self.coreVerbs.contains(toks[b.0], scalars) {
                return (main.1, .mainVerb)
            }
            // "Obama said he expected that Americans will say ‘no’": a verb after a modal or "to"
            // is no utterance; the main clause's verb before it is
            if b.0 > sStart, toks[b.0 - 1].isWord, Self.unrealised.contains(toks[b.0 - 1], scalars),
               let main = before.first(where: { Self.coreVerbs.contains(toks[$0.0], scalars) }), main.0 < b.0 {
                return (main.1, .mainVerb)
            }
            // "Comey cannot say that ‘…,’ Lewandowski added": nor is one after "cannot"; a cue
            // after the quote is
            if b.0 > sStart, toks[b.0 - 1].isWord, Self.unrealised.contains(toks[b.0 - 1], scalars)
                || Self.negations.contains(toks[b.0 - 1], scalars), let a = after.first {
                return (a.1, .trailingCue)
            }
            return (b.1, .adjacentVerb)
        }
        let atClauseStart = t == sStart || toks[t - 1].isPunct(",") || toks[t - 1].isPunct(":")
            || toks[t - 1].quoteIndex != nil || toks[t - 1].isDash
        if let a = after.first, atClauseStart { return (a.1, .trailingCue) }
        // "Pollsters agree - Carl Bialik: ‘…’" / "More from Blumenthal and Cohen: ‘…’": a name standing alone before the colon
        if t > 1, toks[t - 1].isPunct(":"), let c = reader.phraseBefore(t - 1, floor: sStart), !c.nameWords.isEmpty,
           let first = toks.index(startingAt: c.mention.lowerBound), toks[first].capitalised,
           first == sStart || toks[first - 1].isDash || Lexicon.fromBy.contains(toks[first - 1], scalars) {
            return (c, .colon)
        }
        // Bailey told MPs: ‘…’ — whatever the verb, a colon hands the quote to the subject
        if t > 0, toks[t - 1].isPunct(":"), let c = reader.sentenceSubject(from: sStart, before: t - 1) {
            return (c, .colon)
        }
        if let a = after.first, before.isEmpty { return (a.1, .lateTrailingCue) }
        // X said the report was a ‘stark depiction’: the main clause's speaker
        if let b = before.first(where: { Self.coreVerbs.contains(toks[$0.0], scalars) }) { return (b.1, .firstCoreVerb) }
        if let b = before.first(where: { reader.isStrongVerb($0.0) || t - $0.0 <= 6 }) { return (b.1, .earlierVerb) }
        // “…” ― Jorge Falcon
        if t == sStart, t + 2 < toks.count, toks[t + 1].isDash, let c = reader.phraseAfter(t + 2, limit: toks.count),
           !c.nameWords.isEmpty,
           let e = toks.index(endingAt: c.mention.upperBound),
           e + 1 == toks.count || toks[e + 1].endsSentence {
            return (c, .dash)
        }
        if let a = after.first { return (a.1, .anyTrailingCue) }
        return nil
    }

    /// First capitalised run before a headline's colon ("Obama on Climate Change: The Trends Are ‘Terrifying.’").
    private func headlineName(toks: [Token], before t: Int, reader: PhraseReader) -> SpeakerCandidate? {
        guard let colon = toks[..<t].firstIndex(where: { $0.isPunct(":") }) else { return nil }
        let scalars = reader.scalars
        var i = 0
        while i < colon && !(toks[i].isWord && toks[i].capitalised && !Lexicon.determiners.contains(toks[i], scalars)) { i += 1 }
        guard i < colon else { return nil }
        var j = i
        while j < colon && toks[j].isWord && toks[j].capitalised { j += 1 }
        return reader.phraseBefore(j, floor: i)
    }

    /// "Pat Caddell: … ‘in Their Heads.’" — a name and colon opening the paragraph.
    private func headlineSpeaker(toks: [Token], before t: Int, reader: PhraseReader) -> SpeakerCandidate? {
        guard let colon = toks[..<t].firstIndex(where: { $0.isPunct(":") }), colon > 0, colon <= 8 else { return nil }
        guard let c = reader.phraseBefore(colon, floor: 0), !c.nameWords.isEmpty else { return nil }
        return c
    }

    /// The token is the word "The" exactly as written.
    static func isThe(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        t.isWord && t.range.count == 3 && scalars[t.range.lowerBound] == "T" && scalars[t.range.lowerBound + 1] == "h"
            && scalars[t.range.lowerBound + 2] == "e"
    }

    /// A word of two or more letters written in capitals ("NHS", "AP"): an acronym, not a name.
    static func isShouted(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // ASCII text equals its upper case exactly when it has no lower-case letter
        if t.lowerASCII { return t.range.count > 1 && !scalars[t.range].contains { $0.value >= 0x61 && $0.value <= 0x7A } }
        let text = t.text(scalars)
        return text.count > 1 && text == text.uppercased()
    }

    /// Capitalised runs naming organisations ("Health and Social Care Committee": the last word is
    /// an organisation word) or people ("Ms Jane Doe": two to four capitalised words, not a place
    /// after "in" or "from", not a date).
    /// A capitalised run right after one of these is a place ("in New York"), not a name.
    /// Static so that the literal is not rebuilt for every run.
    static let placePrepositions: WordSet = ["in", "at", "from", "to", "of", "on", "near", "across"]
    /// Lower-case words that may sit inside a name run ("Bank of England").
    static let runJoiners: WordSet = ["of", "and", "for", "&"]

    static func nameRuns(in toks: [Token], _ scalars: [Unicode.Scalar])
        -> [(position: Int, name: String, organisation: Bool, gender: DocumentEntities.Gender)] {
        var out: [(position: Int, name: String, organisation: Bool, gender: DocumentEntities.Gender)] = []
        // The run is always a stretch of `toks`, so it is kept as a slice rather than copied.
        var run: ArraySlice<Token> = []
        var runStart = 0
        func flush() {
            while let l = run.last, !l.capitalised { run.removeLast() }
            defer { run = [] }
            guard run.count >= 2, let head = run.last else { return }
            if Lexicon.organisationHeads.contains(head, scalars) {
                // the run's words are word tokens, whose text is their range's
                var words = run
                if Self.isThe(run.first!, scalars) && run.first!.range.lowerBound == toks.first?.range.lowerBound { words = words.dropFirst() }
                // "As BuzzFeed News reported": a sentence's lead word is not part of the name
                while let f = words.first, words.count > 1, PhraseReader.leadWords.contains(f, scalars) { words = words.dropFirst() }
                if words.count >= 2 { out.append((run.first!.range.lowerBound, ScalarInfo.joined(scalars, words), true, .unknown)) }
                return
            }
            // "Ms Jane Doe and Mr John Roe": each side of a joiner is its own name
            if let j = run.firstIndex(where: { !$0.capitalised }) {
                // slice indices are positions in `toks`
                let whole = run
                run = whole[..<j]
                flush()
                run = whole[(j + 1)...]
                runStart = j + 1
                flush()
                return
            }
            // word lists are asked with the tokens, which carry their hashes
            guard run.count <= 5, !run.contains(where: { $0.isLower(LowerWord.the, scalars) }),
                  !run.contains(where: { Lexicon.timeWords.contains($0, scalars) }),
                  !run.contains(where: { Self.isShouted($0, scalars) }) else { return }
            if runStart > 0, toks[runStart - 1].isWord,
               Self.placePrepositions.contains(toks[runStart - 1], scalars) { return }
            // a question's opening ("Can I read you this", "May We …"), not a name
            if run.count >= 2, PhraseReader.questionModals.contains(run[run.startIndex], scalars),
               PhraseReader.questionSubjects.contains(run[run.startIndex + 1], scalars) { return }
            let gender: DocumentEntities.Gender = run.contains(where: { Lexicon.femaleTitles.contains($0, scalars) }) ? .female
                : run.contains(where: { Lexicon.maleTitles.contains($0, scalars) }) ? .male : .unknown
            let names = run.filter { !Lexicon.titles.contains($0, scalars) && !PhraseReader.isOpener($0, scalars)
                && !Lexicon.determiners.contains($0, scalars) }
            guard names.count >= 2 || (names.count == 1 && gender != .unknown) else { return }
            out.append((run.first!.range.lowerBound, ScalarInfo.joined(scalars, names[...]), false, gender))
        }
        // The run is tracked as `runStart...runEnd` and sliced only when flushed: taking a
        // slice per word retains and releases the token array each time.
        // A run with one capitalised word (most: a sentence's first word) names nothing, and
        // is passed over without a flush.
        var runEnd = -1
        var capitals = 0
        for i in toks.indices {
            let open = runEnd >= 0
            if toks[i].isWord && toks[i].capitalised {
                if !open {
                    runStart = i
                    capitals = 0
                }
                runEnd = i
                capitals += 1
            } else if open && toks[i].isWord && Self.runJoiners.contains(toks[i], scalars) {
                runEnd = i
            } else if open {
                if capitals >= 2 {
                    run = toks[runStart...runEnd]
                    flush()
                }
                runEnd = -1
            }
        }
        if runEnd >= 0 && capitals >= 2 {
            run = toks[runStart...runEnd]
            flush()
        }
        return out
    }
}
