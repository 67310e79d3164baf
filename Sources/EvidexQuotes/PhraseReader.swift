/// Reads speaker noun phrases around reporting verbs in one paragraph's tokens, where each
/// quotation is a single `.quote` token. No tagger: a noun phrase is a short run of words that
/// holds no clause breaker, which is what news attribution frames look like.
struct PhraseReader: Sendable {
    let tokens: [Token]
    /// The text's scalars, which the tokens index.
    let scalars: [Unicode.Scalar]

    func isVerb(_ k: Int) -> Bool {
        guard k >= 0 && k < tokens.count, tokens[k].isWord else { return false }
        if tokens[k].isLower(LowerWord.according, scalars) { return k + 1 < tokens.count && tokens[k + 1].isLower(LowerWord.to, scalars) }
        guard Lexicon.reportingVerbs.contains(tokens[k], scalars) else { return false }
        return !isNounSlot(k)
    }

    /// "the report", "Trump's tweet", "a new poll": a verb-looking word after a determiner or a
    /// possessive is a noun.
    func isNounSlot(_ k: Int) -> Bool {
        guard k > 0, tokens[k - 1].isWord else { return false }
        if Self.nounDeterminers.contains(tokens[k - 1], scalars) || Self.isPossessive(tokens[k - 1], scalars) { return true }
        // "his anti-Muslim remarks", "her latest claims": a possessive, an adjective and a plural
        // ("the 43-year-old asked" keeps its verb)
        if k >= 2, tokens[k - 2].isWord, Self.possessiveDeterminers.contains(tokens[k - 2], scalars), !tokens[k - 1].capitalised,
           tokens[k].lowerHasSuffix("s", scalars),
           Self.adjectives.contains(tokens[k - 1], scalars) || tokens[k - 1].lowerHasSuffix("est", scalars)
            || scalars[tokens[k - 1].range].contains("-") { return true }
        // "32% of Republican claims": a word after "of"/"about"/… plus a modifier is a noun
        if k >= 2, tokens[k - 2].isWord, !Lexicon.pronouns.contains(tokens[k - 1], scalars),
           tokens[k - 1].capitalised || ScalarClass.isDigit(scalars[tokens[k - 1].range.lowerBound]),
           Lexicon.nounSlotPrepositions.contains(tokens[k - 2], scalars) { return true }
        return false
    }

    /// Words that open a clause whose verb may follow with no subject ("When asked about …").
    static let subordinators: WordSet = ["when", "if", "as", "once", "while", "unless", "although", "though",
                                             "after", "before", "since", "whether", "that", "which"]

    /// Words that open sentences and are never a speaker on their own ("It’s" may be: "It’s
    /// denouncing what it calls …").
    static let sentenceAdverbs: WordSet = [
        "ever", "maybe", "perhaps", "likewise", "wait", "see", "latest", "yes", "no", "well", "indeed", "here",
        "there", "thus", "hence", "again", "finally", "next", "overall", "any", "so", "still", "now", "then", "also",
    ]

    /// Adjectives that often stand before a reporting verb used as a noun ("his recent remarks").
    private static let adjectives: WordSet = ["new", "recent", "public", "private", "final", "previous", "repeated",
                                              "controversial", "earlier", "later", "own", "first", "last", "many", "several"]

    private static let possessiveDeterminers: WordSet = ["his", "her", "their", "its", "our", "my", "your"]

    private static let nounDeterminers: WordSet = ["the", "a", "an", "his", "her", "their", "its", "our", "this",
                                                     "these", "those", "my", "your"]

    /// The word ends in ’s, 's or s’ ("Trump's", "voters’").
    static func isPossessive(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        if t.lowerASCII {
            // an ASCII word can only end in 's, and its last characters are its last scalars
            return t.range.count >= 2 && scalars[t.range.upperBound - 2].value == 0x27
                && Tokenizer.asciiLower(scalars[t.range.upperBound - 1].value) == 0x73
        }
        let p = t.lower(scalars)
        return p.hasSuffix("’s") || p.hasSuffix("'s") || p.hasSuffix("s’")
    }

    func isStrongVerb(_ k: Int) -> Bool {
        guard isVerb(k) else { return false }
        if !Lexicon.weakVerbs.contains(tokens[k], scalars) { return true }
        // "pointed out", "went on", "put it": a weak verb with its particle is a cue
        guard k + 1 < tokens.count, tokens[k + 1].isWord else { return false }
        return Lexicon.verbParticles.contains(tokens[k + 1], scalars)
    }

    /// Cue span: the verb, with "to" for "according to" and "for" for "called for".
    func cue(_ k: Int) -> Range<Int> {
        var r = tokens[k].range
        if k + 1 < tokens.count, tokens[k + 1].isWord {
            let w = tokens[k], n = tokens[k + 1]
            if (w.isLower(LowerWord.according, scalars) && n.isLower(LowerWord.to, scalars))
                || (n.isLower(LowerWord.for, scalars) && Lexicon.callForms.contains(w, scalars))
                || (n.isLower(LowerWord.out, scalars) && w.isLower(LowerWord.pointed, scalars))
                || (n.isLower(LowerWord.on, scalars) && w.isLower(LowerWord.went, scalars)) {
                r = r.lowerBound..<tokens[k + 1].range.upperBound
            }
        }
        return r
    }

    private func candidate(_ lo: Int, _ hi: Int, role: String? = nil) -> SpeakerCandidate? {
        guard lo < hi else { return nil }
        let slice = tokens[lo..<hi]
        guard slice.allSatisfy({ $0.isWord }) else { return nil }
        let words = slice.map { $0.lower(scalars) }
        let pron = hi - lo == 1 && Lexicon.pronouns.contains(words[0])
        // A subordinator or an article alone names nobody ("When asked about …", "… has declared
        // a ‘caliphate’"); "Another", "Several" and "Most" do, and "From" may be a surname.
        if !pron && words.allSatisfy({ Self.subordinators.contains($0) || Self.namelessOpeners.contains($0) || $0 == "a" || $0 == "an" }) {
            return nil
        }
        // Nor a demonstrative, a modal opening a question or a place in a document, alone or
        // with a number ("This says: …", "Can I read: …", "Paragraph 35: …", a hearing's
        // counsel reading a document aloud): no person or body speaks there.
        if !pron && words.allSatisfy({ Self.namelessSubjects.contains($0) || $0.allSatisfy(\.isNumber) })
            && !words.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            return nil
        }
        if words.count == 2 && Self.questionModals.contains(words[0]) && Self.questionSubjects.contains(words[1]) {
            return nil
        }
        // Nor does a sentence adverb that opens a sentence before a colon: "Ever since she
        // endorsed …: ‘…’", "Likewise, a paper … had this to say: ‘…’"
        if hi - lo == 1 && Self.sentenceAdverbs.contains(words[0]) { return nil }
        var names: [String] = []
        for (n, t) in slice.enumerated() {
            if t.capitalised && ((n == 0 && Self.leadWords.contains(t, scalars) && !Lexicon.determiners.contains(t, scalars))
                || (n > 0 && n + 1 < slice.count && Self.headlinePrepositions.contains(t, scalars))) {
                // "As Politico", "Later Liam Fox": a sentence's lead word is no part of a name;
                // nor is a headline's "On" or "Of" ("CNN President On Trump"), after which the
                // name starts again ("Reporters Without Borders" keeps its "Without")
                names = []
            } else if t.capitalised && (Lexicon.titles.contains(t, scalars)
                || (n + 1 < slice.count && Lexicon.timeWords.contains(t, scalars))) {
                // a title or a day starts the name afresh: "in Harrogate Mr Kennedy", "on Wednesday
                // Prime Minister Yulia Tymoshenko" (a last word is a surname: "Brian May")
                names = []
            } else if t.capitalised && !Lexicon.determiners.contains(t, scalars) {
                names.append(t.text(scalars))
            } else if !names.isEmpty && !(t.capitalised) {
                // a lowercase word ends the name run: "House Speaker Paul Ryan" keeps the last run
                if !Lexicon.speakerNameJoiners.contains(t, scalars) {
                    names = []
                }
            }
        }
        if !names.isEmpty && names.allSatisfy({ Lexicon.timeWords.contains($0.lowercased()) }) { return nil }
        // all words, whose text is their range's
        let phrase = ScalarInfo.joined(scalars, slice)
        return SpeakerCandidate(phrase: phrase, mention: tokens[lo].range.lowerBound..<tokens[hi - 1].range.upperBound,
                                role: role, cue: nil, isPronoun: pron, words: words, nameWords: names)
    }

    /// Auxiliaries and lowercase -ly adverbs that sit between a subject and its verb.
    static func isAdverb(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // capitalised, "Will" or "Long" is a name
        !t.capitalised && (Lexicon.auxiliaries.contains(t, scalars) || t.hasAdverbEnding(scalars)
            || timeAdverbs.contains(t, scalars))
    }

    /// Adverbs without -ly that sit between a subject and its verb ("has always claimed",
    /// "had never said").
    static let timeAdverbs: WordSet = ["always", "never", "often", "also", "still", "just", "already", "even", "ever",
                                       "again", "once", "soon", "too", "however", "instead", "meanwhile", "later",
                                       "now", "then"]

    /// Index before a parenthetical that ends at `k` ("Rep. Gwen Moore (D-Wis.)"), else `k`.
    func skipParenthetical(_ k: Int, floor: Int) -> Int {
        guard k >= floor, tokens[k].isPunct(")") else { return k }
        var j = k - 1
        while j >= floor && !tokens[j].isPunct("(") && k - j < 12 { j -= 1 }
        return j >= floor && tokens[j].isPunct("(") ? j - 1 : k
    }

    /// `isOpener` of a token's lower-case form, with the lookups the token's hash allows.
    static func isOpener(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        leadWords.contains(t, scalars) || (Lexicon.phraseBreakers.contains(t, scalars) && !Lexicon.pronouns.contains(t, scalars)
            && !Lexicon.determiners.contains(t, scalars)) || t.hasAdverbEnding(scalars)
    }

    static func isOpener(_ w: String) -> Bool {
        leadWords.contains(w) || (Lexicon.phraseBreakers.contains(w) && !Lexicon.pronouns.contains(w)
            && !Lexicon.determiners.contains(w)) || (w.hasSuffix("ly") && w.count > 4)
    }

    static let objectPronouns: WordSet = ["me", "him", "her", "them", "us", "you", "it"]

    private static let nameJoiners: WordSet = ["of", "and", "for", "the", "de", "da", "van", "von", "al", "bin",
                                                   "del", "la", "le", "du", "y"]

    /// Noun phrase ending just before `end`, not reaching below `floor`.
    func phraseBefore(_ end: Int, floor: Int) -> SpeakerCandidate? {
        var k = end - 1
        guard k >= floor, tokens[k].isWord else { return nil }
        if Lexicon.pronouns.contains(tokens[k], scalars) { return candidate(k, k + 1) }
        var lo = end
        var count = 0
        while k >= floor && tokens[k].isWord && count < 9 {
            let t = tokens[k]
            if !t.capitalised && Lexicon.phraseBreakers.contains(t, scalars) && !Self.nameJoiners.contains(t, scalars) { break }
            if !t.capitalised && Self.nameJoiners.contains(t, scalars) && !t.isLower(LowerWord.the, scalars) {
                // "of"/"for" only join when a name or noun follows and something precedes
                if k == floor || !tokens[k - 1].isWord { break }
            }
            if Lexicon.reportingVerbs.contains(t, scalars) && !t.capitalised && !isNounSlot(k) { break }
            // "she believes we must": a subject pronoun cannot sit inside a noun phrase
            if k < end - 1 && Lexicon.subjectPronouns.contains(t, scalars) { break }
            lo = k
            count += 1
            k -= 1
        }
        // drop leading joiners ("of", "and") and sentence openers ("But", "During", "Repeatedly")
        while lo < end {
            let w = tokens[lo]
            if !w.capitalised && Self.nameJoiners.contains(w, scalars) && !w.isLower(LowerWord.the, scalars) { lo += 1; continue }
            if w.capitalised && end - lo > 1 && Self.isOpener(w, scalars) { lo += 1; continue }
            break
        }
        return candidate(lo, end)
    }

    /// Noun phrase starting at `start` (after an inverted verb: "said Ms Bailey, director of …").
    func phraseAfter(_ start: Int, limit: Int) -> SpeakerCandidate? {
        var start = start
        while start + 1 < limit && tokens[start].isWord && tokens[start].capitalised && Self.isOpener(tokens[start], scalars)
            && tokens[start + 1].isWord { start += 1 }
        var k = start
        guard k < limit, tokens[k].isWord else { return nil }
        if Lexicon.pronouns.contains(tokens[k], scalars) { return candidate(k, k + 1) }
        // "said former President Bill Clinton", "said 9/11 widow Terry Strada", "said a spokesman for …"
        let lowerStart = !tokens[k].capitalised
        if lowerStart && (Lexicon.phraseBreakers.contains(tokens[k], scalars) || Lexicon.reportingVerbs.contains(tokens[k], scalars)) {
            return nil
        }
        var hi = k
        var count = 0
        var sawCap = false
        var headTaken = false
        if Self.objectPronouns.contains(tokens[k], scalars) && (k + 1 >= limit || !tokens[k + 1].isWord) { return nil }
        while k < limit && tokens[k].isWord && count < 10 {
            let t = tokens[k]
            if t.capitalised && !Lexicon.determiners.contains(t, scalars) {
                sawCap = true
            } else if count > 0 {
                if !sawCap {
                    if Lexicon.phraseBreakers.contains(t, scalars) && !Lexicon.breakersInsideNames.contains(t, scalars) { break }
                    if Lexicon.reportingVerbs.contains(t, scalars) { break }
                    // "The council released …": past of a verb after the noun (an adjective in
                    // -ed comes before it: "the armed forces")
                    if count >= 2 && t.lowerHasSuffix("ed", scalars) { break }
                } else {
                    // "CBS moderator Nancy Cordes", "Ohio State University professor Paul Beck": a
                    // role noun between the names
                    let role = k + 1 < limit && tokens[k + 1].isWord && tokens[k + 1].capitalised
                        && !Lexicon.timeWords.contains(tokens[k + 1], scalars) && !Lexicon.phraseBreakers.contains(t, scalars)
                        && !Lexicon.reportingVerbs.contains(t, scalars) && !t.lowerHasSuffix("ed", scalars)
                        && !Self.isAdverb(t, scalars) && !Self.objectPronouns.contains(t, scalars)
                        && !Lexicon.determiners.contains(t, scalars)
                    let joins = role || Self.nameJoiners.contains(t, scalars) && k + 1 < limit && tokens[k + 1].capitalised
                    // "The Vermont senator", "the Trump campaign": after a determiner and a
                    // capitalised modifier, one common noun ends the phrase
                    let head = !joins && !headTaken && Lexicon.determiners.contains(tokens[start], scalars)
                        && !Lexicon.phraseBreakers.contains(t, scalars) && !Lexicon.reportingVerbs.contains(t, scalars)
                        && !t.lowerHasSuffix("ed", scalars) && !Self.isAdverb(t, scalars)
                        && !Self.objectPronouns.contains(t, scalars)
                    if !joins && !head { break }
                    if head { headTaken = true }
                }
            } else if headTaken {
                break
            }
            hi = k + 1
            count += 1
            k += 1
        }
        guard var c = candidate(start, hi) else { return nil }
        // "told reporters", "asked officials": an inverted subject is named or determined
        if lowerStart && !sawCap && !Lexicon.determiners.contains(tokens[start], scalars) && !c.isPronoun { return nil }
        // appositive role: ", director of … at The King's Fund" up to the next comma or sentence end
        if hi + 1 < limit, tokens[hi].isPunct(","), tokens[hi + 1].isWord {
            var e = hi + 1
            while e < limit && (tokens[e].isWord || tokens[e].isPunct("’") || tokens[e].isPunct("'")) && e - hi < 18 { e += 1 }
            if e > hi + 1 && (e >= limit || tokens[e].isPunct(",") || tokens[e].endsSentence) {
                let first = tokens[hi + 1]
                if Lexicon.determiners.contains(first, scalars) || !first.capitalised || Lexicon.titles.contains(first, scalars) {
                    c.role = text(hi + 1, e)
                }
            }
        }
        return c
    }

    private static let intransitiveCues: WordSet = [
        "said", "says", "added", "adds", "noted", "notes", "wrote", "writes", "explained", "explains", "argued",
        "argues", "continued", "continues", "replied", "replies", "insisted", "insists", "observed", "recalled",
        "recalls", "concluded", "acknowledged", "admitted", "responded", "declared", "stated", "suggested",
    ]

    /// A name that opens the clause at `floor` and is followed by a comma before `k`.
    func clauseOpeningName(floor: Int, before k: Int) -> SpeakerCandidate? {
        // "Of Carson, Levine, who …, said": a prepositional phrase opens the clause, not a name
        guard floor < k, tokens[floor].isWord, tokens[floor].capitalised, !Self.isOpener(tokens[floor], scalars),
              !Lexicon.determiners.contains(tokens[floor], scalars), !Self.prepositions.contains(tokens[floor], scalars),
              !Self.namelessOpeners.contains(tokens[floor], scalars) else { return nil }
        var e = floor
        while e < k && tokens[e].isWord && (tokens[e].capitalised || Self.nameJoiners.contains(tokens[e], scalars)) { e += 1 }
        guard e < k, e > floor, tokens[e].isPunct(",") || tokens[e].isPunct("(") else { return nil }
        guard var c = phraseBefore(e, floor: floor), !c.nameWords.isEmpty,
              c.mention.lowerBound == tokens[floor].range.lowerBound else { return nil }
        // the words between the commas describe the speaker ("director of … at The King's Fund")
        if tokens[e].isPunct(","), e + 1 < k, tokens[e + 1].isWord {
            let first = tokens[e + 1]
            let describes = !first.capitalised && !Self.leadWords.contains(first, scalars) && !Lexicon.phraseBreakers.contains(first, scalars)
            if describes || Lexicon.determiners.contains(first, scalars) || Lexicon.titles.contains(first, scalars) {
                c.role = text(e + 1, k)
            }
        }
        return c
    }

    /// A named subject after an inverted verb that closes its clause ("said Kunin." / "said Lee Epstein, who …").
    func invertedName(after v: Int, limit: Int) -> SpeakerCandidate? {
        // verbs that take a listener ("told CBS News", "asked Trump") are left out
        guard Self.intransitiveCues.contains(tokens[v], scalars),
              v + 1 < limit, tokens[v + 1].capitalised || Lexicon.determiners.contains(tokens[v + 1], scalars),
              let c = phraseAfter(v + 1, limit: limit), !c.isPronoun, !c.nameWords.isEmpty else { return nil }
        guard let e = tokens.index(endingAt: c.mention.upperBound) else { return nil }
        let n = e + 1
        // "…, said Obama “understood he couldn't …”": a name right before a quotation is the
        // quoted clause's subject, not the verb's (the quotation may end the clause at `limit`)
        if n < tokens.count && tokens[n].quoteIndex != nil && !endsOpen(c) { return nil }
        if n >= limit || n >= tokens.count { return c }
        let next = tokens[n]
        if next.quoteIndex == nil && (next.endsSentence || next.isPunct(",") || next.isPunct(";") || next.isPunct("(")
            || next.isPunct(":")) { return c }
        if next.isWord && Lexicon.afterCueWords.contains(next, scalars) {
            return c
        }
        return nil
    }

    /// Words of a token range, spaced as written ("Columbus, Ohio" rather than "Columbus , Ohio").
    func text(_ lo: Int, _ hi: Int) -> String {
        var out = ""
        var prev: Token?
        for t in tokens[lo..<hi] {
            if let p = prev, p.range.upperBound < t.range.lowerBound { out += " " }
            out += t.text(scalars)
            prev = t
        }
        return out
    }

    /// Subject of the reporting verb at `v`: inverted ("said X") or preceding ("X said",
    /// "X, director of Y, said"), within [floor, limit).
    func subject(ofVerb v: Int, floor: Int, limit: Int) -> SpeakerCandidate? {
        var result: SpeakerCandidate?
        if tokens[v].isLower(LowerWord.according, scalars) {
            result = phraseAfter(v + 2, limit: limit)
        } else {
            var k = v - 1
            while k >= floor && tokens[k].isWord && Self.isAdverb(tokens[k], scalars) { k -= 1 }
            // "Rep. Gwen Moore (D-Wis.) said"
            k = skipParenthetical(k, floor: floor)
            if k >= floor && tokens[k].isWord && (tokens[k].isLower(LowerWord.and, scalars) || tokens[k].isLower(LowerWord.but, scalars)) {
                // "I laughed and said" / "Donald Trump … bemoaned the unrest and said": the clause's subject
                var p = k - 1
                while p >= floor && p > k - 8 && tokens[p].isWord && !Lexicon.subjectPronouns.contains(tokens[p], scalars)
                    && !Lexicon.clauseOpeners.contains(tokens[p], scalars) { p -= 1 }
                if p >= floor && p > k - 8 && tokens[p].isWord && Lexicon.subjectPronouns.contains(tokens[p], scalars) {
                    result = candidate(p, p + 1)
                    // "Lazar said he welcomed extradition … and added", "Hayek confirmed she had been
                    // and said": the pronoun is the subject of a reported clause; the verbs joined by
                    // "and" share the reporting verb's subject
                    var r = p - 1
                    if r > floor, tokens[r].isLower(LowerWord.that, scalars) { r -= 1 }
                    if r >= floor, isVerb(r), !tokens[r].lowerHasSuffix("ing", scalars), let main = subject(ofVerb: r, floor: floor, limit: limit) {
                        result = main
                    }
                } else {
                    result = sentenceSubject(from: floor, before: k)
                }
                if result == nil { return nil }
            } else if k >= floor && tokens[k].isWord {
                result = phraseBefore(k + 1, floor: floor) ?? subjectBeforeTimePhrase(endingAt: k, floor: floor)
                // "Trump at the time said", "Beck, who has in the past described": a noun phrase
                // after a preposition is its object; the subject is before the prepositional phrase
                if let r = result, !r.isPronoun, let alt = subjectBeforePreposition(r, floor: floor) { result = alt }
                // "a White House official who spoke anonymously … said": the phrase before "who"
                if result?.isPronoun != true, let alt = relativeClauseAntecedent(before: k, floor: floor) { result = alt }
                // "X, a spokesman for Y told" — an appositive without its closing comma
                if let r = result, let f = r.words.first, ["a", "an", "the"].contains(f), !r.isPronoun {
                    let startTok = tokens.index(startingAt: r.mention.lowerBound) ?? k
                    if startTok - 1 > floor, tokens[startTok - 1].isPunct(","), startTok - 2 >= floor,
                       tokens[startTok - 2].isWord, tokens[startTok - 2].capitalised, !tokens[startTok].capitalised,
                       !Self.isOpener(tokens[startTok - 2], scalars),
                       var named = phraseBefore(startTok - 1, floor: floor), !named.nameWords.isEmpty,
                       !named.words.contains(where: { Lexicon.timeWords.contains($0) }),
                       let namedStart = tokens.index(startingAt: named.mention.lowerBound),
                       namedStart == floor || tokens[namedStart - 1].quoteIndex != nil || tokens[namedStart - 1].isPunct(",") {
                        named.role = r.phrase
                        result = named
                    }
                }
            } else if k >= floor && tokens[k].isPunct(","), let inv = invertedName(after: v, limit: limit) {
                // "…” that Sanders can catch Clinton, said Steve Elmendorf, deputy campaign manager"
                result = inv
            } else if k >= floor && tokens[k].isDash {
                // "A former candidate -- John McCain, who lost … -- said": the phrase before the
                // parenthetical dashes
                var j = k - 1
                while j > floor && tokens[j].isDash { j -= 1 }   // "--" is two tokens
                while j > floor && !tokens[j].isDash && !tokens[j].endsSentence && k - j < 30 { j -= 1 }
                while j - 1 > floor && tokens[j - 1].isDash { j -= 1 }
                if j > floor && tokens[j].isDash, let named = phraseBefore(j, floor: floor),
                   named.isPronoun || !named.nameWords.isEmpty || Lexicon.determiners.contains(named.words[0]) {
                    result = named
                }
            } else if k >= floor && tokens[k].isPunct(",") {
                // "Suzie Bailey, director of … at The King's Fund, said"
                var j = k - 1
                while j >= floor && !tokens[j].isPunct(",") && !tokens[j].endsSentence && k - j < 25 { j -= 1 }
                let segment = skipParenthetical(k - 1, floor: floor)
                if let opener = clauseOpeningName(floor: floor, before: k) {
                    // "Clinton, during a town hall meeting in Columbus, Ohio, said": the name opening the clause
                    result = opener
                } else if j >= floor, tokens[j].isPunct(","), segment > j,
                          (j + 1...segment).allSatisfy({ tokens[$0].isWord && tokens[$0].capitalised }),
                          let named = phraseBefore(segment + 1, floor: j + 1), !named.nameWords.isEmpty {
                    // "…, after winning Ohio in the primary, Gov. John Kasich (R-OH), said": a name
                    // standing alone between the commas is the subject, not an appositive
                    result = named
                } else if j >= floor && tokens[j].isPunct(","), var named = phraseBefore(skipParenthetical(j - 1, floor: floor) + 1, floor: floor),
                   !named.nameWords.isEmpty || named.isPronoun || Lexicon.determiners.contains(named.words[0])
                    || tokens.first(where: { $0.range.lowerBound == named.mention.lowerBound })?.capitalised == true {
                    named.role = text(j + 1, k)
                    result = named
                } else if let r = phraseBefore(k, floor: Swift.max(floor, j + 1)) {
                    result = r
                }
            }
            // A participle ("saying Trump's comments …") or a naming verb ("calling the reports
            // …") has its object after it, never an inverted speaker.
            // Nor does an infinitive ("tried to explain her view").
            if result == nil && v + 1 < limit && !tokens[v].lowerHasSuffix("ing", scalars)
                && !Self.namingVerbs.contains(tokens[v], scalars)
                && !(v > floor && tokens[v - 1].isWord && tokens[v - 1].isLower(LowerWord.to, scalars)) {
                // "…,” said Caddell" / "said Ms Bailey"
                var s = v + 1
                while s < limit && tokens[s].isWord && Self.isAdverb(tokens[s], scalars) { s += 1 }
                result = phraseAfter(s, limit: limit)
                // "said the president “offered no changes …”": a phrase right before a quotation
                // is the quoted clause's subject
                if let r = result, !endsOpen(r), let e = tokens.index(endingAt: r.mention.upperBound),
                   e + 1 < tokens.count, tokens[e + 1].quoteIndex != nil {
                    result = nil
                }
            }
        }
        // "address his series of tweets": a lowercase word before a determiner is a verb phrase,
        // so the "verb" found was a noun
        // Likewise a past verb before a possessive ("decried Trump's repeated calls")
        if let r = result, !r.isPronoun, let f = r.words.first, !Lexicon.determiners.contains(f),
           r.words.dropFirst().contains(where: { ["his", "her", "their", "its", "the", "a", "an"].contains($0)
               || (f.hasSuffix("ed") && ($0.hasSuffix("'s") || $0.hasSuffix("’s"))) }),
           let t0 = tokens.index(startingAt: r.mention.lowerBound), !tokens[t0].capitalised {
            return nil
        }
        result?.cue = cue(v)
        return result
    }

    /// The noun phrase before a "who" whose relative clause, without a comma, sits between the
    /// subject and the verb ending at `k`: "a White House official who spoke anonymously to
    /// discuss internal strategy said". ("Rikkie Wells who tweeted" keeps "who", the verb's own
    /// subject.)
    private func relativeClauseAntecedent(before k: Int, floor: Int) -> SpeakerCandidate? {
        var w = k
        while w > floor && k - w < 14 && tokens[w].isWord && !tokens[w].isLower(LowerWord.who, scalars) {
            // the verb's own subject, or a clause of its own, comes first
            if Lexicon.subjectPronouns.contains(tokens[w], scalars) || Lexicon.clauseOpeners.contains(tokens[w], scalars) { return nil }
            w -= 1
        }
        guard w > floor, w < k, tokens[w].isWord, tokens[w].isLower(LowerWord.who, scalars), tokens[w - 1].isWord,
              let alt = phraseBefore(w, floor: floor), !alt.isPronoun else { return nil }
        guard !alt.nameWords.isEmpty || Lexicon.determiners.contains(alt.words[0]) else { return nil }
        return alt
    }

    /// "the authors of the “Growth and Opportunity Project”": a phrase ending in a joiner or a
    /// determiner goes on into the quotation after it, a title.
    private func endsOpen(_ c: SpeakerCandidate) -> Bool {
        guard let last = c.words.last else { return false }
        return Self.nameJoiners.contains(last) || Lexicon.determiners.contains(last)
    }

    /// "Sanders during a Sunday thanked": the subject before a short prepositional phrase of
    /// time, which is no speaker itself, ending at `k`.
    private func subjectBeforeTimePhrase(endingAt k: Int, floor: Int) -> SpeakerCandidate? {
        guard Lexicon.timeWords.contains(tokens[k], scalars) else { return nil }
        var j = k - 1
        while j > floor && k - j < 4 && tokens[j].isWord && !Self.prepositions.contains(tokens[j], scalars) { j -= 1 }
        guard j > floor, tokens[j].isWord, !tokens[j].capitalised, Self.prepositions.contains(tokens[j], scalars),
              tokens[j - 1].isWord, let alt = phraseBefore(j, floor: floor) else { return nil }
        return alt.isPronoun || !alt.nameWords.isEmpty ? alt : nil
    }

    /// Whether the phrase read before a participle is no subject of it: a bare noun, the main
    /// verb's object ("emailed supporters saying"), or a time or place ("at one point calling").
    /// "with Trump tweeting" and "after the editorial telling him" keep theirs.
    func isObjectBeforeParticiple(_ r: SpeakerCandidate, floor: Int) -> Bool {
        guard !r.isPronoun, r.nameWords.isEmpty else { return false }
        return (r.words.count == 1 && !Lexicon.determiners.contains(r.words[0])) || isPrepositionalObject(r, floor: floor)
    }

    /// Whether `r` follows a lower-case preposition of time or place ("at one point", "in the
    /// meantime"): the object of an adverbial phrase.
    private func isPrepositionalObject(_ r: SpeakerCandidate, floor: Int) -> Bool {
        guard let s = tokens.index(startingAt: r.mention.lowerBound), s - 1 >= floor else { return false }
        return tokens[s - 1].isWord && !tokens[s - 1].capitalised && Self.adverbialPrepositions.contains(tokens[s - 1], scalars)
    }

    static let adverbialPrepositions: WordSet = ["at", "in", "on", "during", "over"]

    /// The subject before a prepositional phrase that ends at the verb, when `r` is that
    /// phrase's object: a pronoun (the relative "who" included) or a phrase with a name.
    private func subjectBeforePreposition(_ r: SpeakerCandidate, floor: Int) -> SpeakerCandidate? {
        guard let s = tokens.index(startingAt: r.mention.lowerBound), s - 1 > floor,
              tokens[s - 1].isWord, !tokens[s - 1].capitalised else { return nil }
        let to = tokens[s - 1].isLower(LowerWord.to, scalars)
        guard to || Self.prepositions.contains(tokens[s - 1], scalars) else { return nil }
        var p = s - 2
        while p >= floor && tokens[p].isWord && Self.isAdverb(tokens[p], scalars) { p -= 1 }
        // "Another intelligence source speaking to Fox News said", "A letter … obtained by The
        // Associated Press warns": a participle phrase after the subject
        var participle = false
        // (a past form only before "by": "a woman asked for a photo and Clinton said" is finite)
        if p > floor, tokens[p].isWord, !tokens[p].capitalised, tokens[p].range.count > 4,
           tokens[p].lowerHasSuffix("ing", scalars)
            || (tokens[p].lowerHasSuffix("ed", scalars) && tokens[s - 1].isLower(LowerWord.by, scalars)),
           tokens[p - 1].isWord, !Lexicon.phraseBreakers.contains(tokens[p - 1], scalars) {
            participle = true
            p -= 1
        }
        guard p >= floor, tokens[p].isWord, let alt = phraseBefore(p + 1, floor: floor) else { return nil }
        if alt.isPronoun || !alt.nameWords.isEmpty { return alt }
        // "The letter to Trump said": a determined phrase before "to" or a participle is the subject
        return (to || participle) && Lexicon.determiners.contains(alt.words[0]) ? alt : nil
    }

    /// "Facing mounting criticism …, Mr. Trump released", "Appearing before supporters …, Suu Kyi
    /// said": a sentence that opens with a participle has its subject after the phrase's comma.
    /// A capitalised word in -ing followed by a lower-case word is read as one ("King said" is
    /// a name and its verb).
    private func isParticipleOpener(_ toks: [Token], _ k: Int, before t: Int) -> Bool {
        guard toks[k].isWord, toks[k].capitalised, toks[k].range.count > 5, toks[k].lowerHasSuffix("ing", scalars),
              k + 1 < t, toks[k + 1].isWord, !toks[k + 1].capitalised else { return false }
        return toks[k..<t].contains { $0.isPunct(",") }
    }

    /// Prepositions outside `prepositions` that open a sentence before its subject ("Of Carson, …").
    static let namelessOpeners: WordSet = ["of", "about", "to", "as"]
    /// Words that make up no speaker on their own (`candidate`). Not "may" or "will" (Theresa
    /// May, George Will), nor "It’s" ("It’s denouncing what it calls …": an organisation).
    static let namelessSubjects: WordSet = [
        "this", "that", "these", "those", "can", "could", "paragraph", "paragraphs", "page", "pages", "section",
        "annex", "appendix", "tab", "slide", "footnote", "exhibit",
    ]
    /// Modals that open a question with "I", "we" or "you" ("Can I read you: …", "May we see: …").
    static let questionModals: WordSet = ["can", "could", "may", "might", "will", "would", "shall", "should"]
    static let questionSubjects: WordSet = ["i", "we", "you"]
    static let headlinePrepositions: WordSet = ["on", "of", "as", "at", "to"]

    static let namingVerbs: WordSet = ["call", "calls", "called", "dubbed", "labeled", "labelled", "termed", "branded", "deemed"]

    /// Conjunctions and linking adverbs that may open a sentence before its subject.
    static let conjunctions: WordSet = ["but", "and", "so", "yet", "still", "then", "now", "also"]

    static let prepositions: WordSet = [
        "in", "on", "at", "during", "after", "before", "since", "for", "with", "over", "under", "from", "by",
        "through", "among", "amid", "throughout", "within", "across", "around", "toward", "towards", "upon", "into",
    ]

    static let leadWords: WordSet = [
        "in", "on", "at", "during", "after", "before", "while", "when", "since", "as", "earlier", "later", "last",
        "yesterday", "meanwhile", "but", "and", "so", "still", "now", "then", "however", "also", "speaking",
        "asked", "for", "with", "without", "despite", "unlike", "like", "under", "over", "from", "by", "through",
        "following", "amid", "among", "if", "although", "though", "because", "instead", "indeed", "yet", "today",
        "separately", "previously", "recently", "back", "addressing", "writing", "responding", "according", "once",
        "between", "throughout", "within", "across", "around", "toward", "towards", "upon", "beyond", "inside",
        "outside", "including", "given",
    ]

    /// The subject that opens the sentence starting at `s`, after any introductory phrase
    /// ("In August, several environmental groups …").
    func sentenceSubject(from s: Int, before t: Int) -> SpeakerCandidate? {
        let toks = tokens
        var k = s
        while k < t && toks[k].kind == .punct { k += 1 }
        // a dateline ("WASHINGTON (AFP) —") is not the subject
        var d = k
        func shouted(_ t: Token) -> Bool {
            let w = t.text(scalars)
            return w.count > 1 && w == w.uppercased() && w.unicodeScalars.contains(where: { $0.properties.isUppercase })
        }
        while d < t && toks[d].isWord && shouted(toks[d]) { d += 1 }
        // "Washington (AFP) – …": a place and an agency in brackets, then a dash
        if d == k, k + 4 < t, toks[k].isWord, toks[k].capitalised, toks[k + 1].isPunct("("), toks[k + 2].isWord,
           shouted(toks[k + 2]), toks[k + 3].isPunct(")"), toks[k + 4].isDash {
            k += 5
            d = k
        }
        if d > k {
            // a word's text ends in "." exactly when its last scalar is one
            while d < t && (toks[d].kind == .punct || (toks[d].isWord && (toks[d].capitalised || scalars[toks[d].range.upperBound - 1] == ".")))
                && !(toks[d].isWord && d + 1 < t && toks[d + 1].isWord && !toks[d + 1].capitalised) {
                if toks[d].isDash { d += 1; break }
                d += 1
            }
            if d < t { k = d }
        }
        guard k < t, toks[k].isWord else { return nil }
        // "Hours later, Trump returned …": a short lead phrase before a comma and a name
        if !Self.leadWords.contains(toks[k], scalars), let comma = toks[k..<Swift.min(t, k + 5)].firstIndex(where: { $0.isPunct(",") }),
           comma + 1 < t, toks[comma + 1].isWord,
           (toks[comma + 1].capitalised && !Lexicon.determiners.contains(toks[comma + 1], scalars))
            || Lexicon.subjectPronouns.contains(toks[comma + 1], scalars),
           !toks[k..<comma].contains(where: { $0.isWord && $0.capitalised && !Self.isOpener($0, scalars) && $0.range.lowerBound != toks[k].range.lowerBound }),
           toks[k..<comma].count > 1 || !toks[k].capitalised || Self.isOpener(toks[k], scalars) {
            k = comma + 1
        }
        // "But Obama, making it clear …, stood": a conjunction, then the subject ("And then Trump")
        while k + 2 < t, Self.conjunctions.contains(toks[k], scalars), toks[k + 1].isWord, !toks[k + 1].capitalised,
              Self.conjunctions.contains(toks[k + 1], scalars) { k += 1 }
        if k + 1 < t, Self.conjunctions.contains(toks[k], scalars), toks[k + 1].isWord,
           (toks[k + 1].capitalised && !Self.isOpener(toks[k + 1], scalars) && !Lexicon.determiners.contains(toks[k + 1], scalars))
            || Lexicon.subjectPronouns.contains(toks[k + 1], scalars) {
            k += 1
        }
        if Self.leadWords.contains(toks[k], scalars) || isParticipleOpener(toks, k, before: t) {
            // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried …": the lead
            // phrase runs over commas; the subject is the first phrase after one that a word
            // (its verb) follows rather than another comma
            var from = k
            for _ in 0..<4 {
                guard let comma = toks[from..<t].firstIndex(where: { $0.isPunct(",") }) else { return nil }
                k = comma + 1
                guard k < t, toks[k].isWord else { return nil }
                if !Self.leadWords.contains(toks[k], scalars), let c = phraseAfter(k, limit: t),
                   let end = toks[k..<t].firstIndex(where: { $0.range.upperBound == c.mention.upperBound }),
                   end + 1 < t, toks[end + 1].isWord {
                    break
                }
                from = k
            }
        }
        guard let c = phraseAfter(k, limit: t) else { return nil }
        if c.isPronoun || !c.nameWords.isEmpty || Lexicon.determiners.contains(c.words[0]) { return c }
        return nil
    }

}
