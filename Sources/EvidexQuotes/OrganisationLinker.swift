/// Finds organisation mentions anywhere in a text and names each by its official full name.
///
/// Per document it (1) learns acronym definitions (Schwartz–Hearst), (2) scans tokens left to
/// right taking the longest match among gazetteer names, acronyms, learnt acronyms and name
/// patterns (ICBs, trusts, councils, "University of ..."), then (3) drops ambiguous acronyms the
/// document does not support and acronyms inside capitalised headlines.
public struct OrganisationLinker: Sendable, OrganisationResolving {
    public let gazetteer: OrganisationGazetteer

    public init(gazetteer: OrganisationGazetteer = .builtIn) {
        self.gazetteer = gazetteer
    }

    public func canonicalOrganisation(for phrase: String) -> String? {
        gazetteer.canonicalOrganisation(for: phrase)
    }

    /// Words whose presence in a long form makes it an organisation's name (issue list plus
    /// the other heads UK bodies use), so "Chief Medical Officer (CMO)" stays unlinked. Not
    /// "fund": a defined "… Fund" is mostly a scheme ("Covid Additional Relief Fund, CARF"), and
    /// the funds that are bodies (The King's Fund, the IMF) are in the gazetteer.
    static let organisationHeads: WordSet = [
        "department", "agency", "association", "committee", "council", "trust", "college",
        "institute", "service", "services", "board", "foundation", "office", "society",
        "group", "authority", "commission", "union", "federation", "confederation", "ministry",
        "university", "centre", "center", "organisation", "organization", "alliance", "network",
        "forum", "inspectorate", "executive", "directorate", "unit", "taskforce", "panel",
        "bureau", "corporation", "company", "ltd", "limited", "plc", "laboratory", "laboratories",
        "consortium", "coalition", "body", "observatory", "academy", "faculty", "school",
        "partnership", "secretariat", "cell", "team", "tribunal", "ombudsman", "collaborative",
        "hospital", "hospitals", "nhs", "icb", "ccg", "government", "programme",
    ]

    enum Target: Sendable, Equatable {
        case record(Int)
        case local(id: String, name: String)
    }

    struct Candidate {
        var first: Int
        var last: Int
        var target: Target
        var isAcronym: Bool
        var needsSupport: Bool
        var commonWord: Bool
        /// Priority at equal length: names beat learnt acronyms beat acronyms beat patterns.
        var rank: Int
    }

    public func link(_ text: String) -> [OrganisationMention] {
        link(scalars: ScalarInfo.scalars(of: text))
    }

    /// `link` on the text's scalars, which `TextAnnotator` shares with the quote extractor.
    func link(scalars: [Unicode.Scalar]) -> [OrganisationMention] {
        OrganisationTokenPool.withTokens(of: scalars) { link(scalars: scalars, tokens: $0) }
    }

    private func link(scalars: [Unicode.Scalar], tokens: [OrganisationToken]) -> [OrganisationMention] {
        // 1. Acronyms this document defines.
        var learnt: [String: Target] = [:]
        var blocked: Set<String> = []
        var localLongForms: [(Range<Int>, Target)] = []
        if tokens.isEmpty { return [] }
        // Bracketed definitions first; one by apposition ("the Scottish Qualifications Authority,
        // the SQA,") only adds an acronym that no bracket defined, and never blocks a known one:
        // without brackets a near-miss is more likely a coincidence than a redefinition.
        let bracketed = AcronymDefinitionFinder().definitions(in: scalars)
        let appositions = AcronymAppositionFinder(tokens: tokens, scalars: scalars).definitions()
        // Last, acronyms used undefined beside their names ("the NIMT", "National Incident
        // Management Team"): only those that neither the gazetteer nor a definition explains.
        // (by hash: an acronym that starts a known multi-word one counts as known too)
        let defined = Set((bracketed + appositions).map { OrganisationToken.hash(of: $0.short) })
        let initials = AcronymInitialsFinder(tokens: tokens, scalars: scalars).definitions {
            (gazetteer.acronymFirstFilter.mayContain($0) && gazetteer.acronymFirstByHash[$0] != nil) || defined.contains($0)
        }
        for (n, def) in (bracketed + appositions + initials).enumerated() {
            let apposition = n >= bracketed.count
            let shortScalars = Array(def.short.unicodeScalars)
            let shortKey = OrganisationTokenizer.tokens(in: shortScalars).map { $0.base(shortScalars) }
                .joined(separator: " ")
            if apposition && (learnt[shortKey] != nil || blocked.contains(shortKey)) { continue }
            if let r = gazetteer.recordIndex(named: def.long) {
                learnt[shortKey] = .record(r)
            } else if let r = gazetteer.acronymIndex[shortKey], Self.similar(def.long, gazetteer.records[r]) {
                // A known acronym with a variant of its long form ("Scientific Pandemic Influenza
                // Sub-Group on Modelling (SPI-M)"): the known body, long form included.
                learnt[shortKey] = .record(r)
                localLongForms.append((def.longRange, .record(r)))
            } else if let target = localTarget(def.long) {
                learnt[shortKey] = target
                localLongForms.append((def.longRange, target))
            } else if !apposition && gazetteer.acronymIndex[shortKey] != nil {
                // The document uses a known acronym for something else ("CO (carbon monoxide)").
                blocked.insert(shortKey)
            }
        }

        // First words of the learnt acronyms: most tokens start none, and a bit test says so
        // before any string is made.
        var learntFirst = KeyFilter(words: 16)
        for key in learnt.keys {
            learntFirst.insert(OrganisationToken.hash(of: String(key.split(separator: " ", maxSplits: 1).first ?? "")))
        }

        // 2. Longest match at each position.
        var candidates: [Candidate] = []
        let hasLearnt = !learnt.isEmpty
        var i = 0
        while i < tokens.count {
            if mayStart(tokens[i], learntFirst: learntFirst, hasLearnt: hasLearnt),
               let c = best(at: i, tokens, scalars, learnt: learnt, learntFirst: learntFirst, blocked: blocked) {
                candidates.append(c)
                i = c.last + 1
            } else {
                i += 1
            }
        }
        for (range, target) in localLongForms {
            let covered = candidates.contains { tokens[$0.first].start < range.upperBound && range.lowerBound < tokens[$0.last].end }
            if covered { continue }
            guard let a = tokens.firstIndex(where: { $0.start >= range.lowerBound }),
                  let b = tokens.lastIndex(where: { $0.end <= range.upperBound }), a <= b else { continue }
            var first = a
            while first < b && tokens[first].hasKey("the", hash: OrganisationToken.theHash, scalars) { first += 1 }
            candidates.append(Candidate(first: first, last: b, target: target, isAcronym: false,
                                        needsSupport: false, commonWord: false, rank: 3))
        }
        candidates.sort { $0.first < $1.first }

        // 3. Support and context filters.
        var supported: Set<Int> = []
        for c in candidates where !c.needsSupport {
            if case .record(let r) = c.target { supported.insert(r) }
        }
        for case .record(let r) in learnt.values { supported.insert(r) }
        var groups: Set<String> = []
        for r in supported {
            if let n = OrganisationGazetteer.supportGroups[gazetteer.records[r].id] { groups.insert(n) }
        }
        let northernIrish = northernIrishDepartments(candidates, tokens, scalars)
        var out: [OrganisationMention] = []
        for (n, var c) in candidates.enumerated() {
            if let r = northernIrish?[n] { c.target = .record(r) }
            if c.needsSupport, case .record(let r) = c.target, !supported.contains(r) {
                guard let n = OrganisationGazetteer.supportGroups[gazetteer.records[r].id], groups.contains(n) else { continue }
            }
            if c.commonWord && (tokens[c.first].sentenceInitial || insideTitle(tokens, c.first, c.last)) { continue }
            if Self.namesAnAct(tokens, scalars, after: c.last) { continue }
            // "the Executive Committee of the Welsh Government": a name that needs support,
            // followed by "of" and a name, is that other body's
            if c.needsSupport && !c.isAcronym && Self.ofAName(tokens, scalars, after: c.last) { continue }
            if c.isAcronym && isHeadline(tokens, scalars, c.first, c.last, learnt: learnt) { continue }
            let range = tokens[c.first].start..<tokens[c.last].baseEnd
            let surface = ScalarInfo.string(scalars, range)
            switch c.target {
            case .record(let r):
                let rec = gazetteer.records[r]
                out.append(OrganisationMention(range: range, surface: surface, organisationID: rec.id, name: rec.name))
            case .local(let id, let name):
                out.append(OrganisationMention(range: range, surface: surface, organisationID: id, name: name))
            }
        }
        return out
    }

    /// For each candidate, Northern Ireland's department's record if the candidate is a bare
    /// "Department of Health" (DHSC's name before 2018) that means that department, which kept
    /// the name; nil for every other candidate, and no array when there is none. Such a
    /// mention means it when the 2,000 code points
    /// either side name Northern Ireland (or Stormont, Belfast, "NI") at least twice and more
    /// often than England (or Westminster, Whitehall, the UK Government, DHSC by its current
    /// name). Hearing days and long articles move between the nations, so the test is local.
    func northernIrishDepartments(_ candidates: [Candidate], _ tokens: [OrganisationToken],
                                  _ scalars: [Unicode.Scalar]) -> [Int?]? {
        guard let ni = gazetteer.idIndex["doh-ni"], let dhsc = gazetteer.idIndex["dhsc"],
              candidates.contains(where: { Self.isBareDepartmentOfHealth($0, dhsc: dhsc, tokens, scalars) }) else { return nil }
        var northern: [Int] = []
        var english: [Int] = []
        for k in tokens.indices {
            let t = tokens[k]
            // Every cue is capitalised (Northern Ireland, Stormont, NI, England, UK Government):
            // most words are passed over by this flag, not looked up.
            guard t.isCapitalised else { continue }
            let next = k + 1 < tokens.count && !tokens[k + 1].breakBefore ? tokens[k + 1] : nil
            if let next, t.hasKey("northern", hash: Self.northernHash, scalars),
               next.hasKey("ireland", hash: Self.irelandHash, scalars) {
                northern.append(t.start)
            } else if Self.northernIrishWords.contains(key: t, scalars) || (t.isAllCaps && t.has(.base, "NI", hash: Self.niHash, scalars)) {
                northern.append(t.start)
            } else if Self.englishWords.contains(key: t, scalars) {
                english.append(t.start)
            } else if let next, t.hasKey("uk", hash: Self.ukHash, scalars), next.hasKey("government", hash: Self.governmentHash, scalars) {
                english.append(t.start)
            }
        }
        for c in candidates where c.target == .record(dhsc) && !Self.isBareDepartmentOfHealth(c, dhsc: dhsc, tokens, scalars) {
            english.append(tokens[c.first].start)
        }
        english.sort()
        // Counted by binary search: a Northern Ireland hearing day names the department hundreds
        // of times among thousands of cues, and counting each window by a scan was quadratic.
        func count(_ starts: [Int], in window: Range<Int>) -> Int {
            Self.lowerBound(starts, window.upperBound) - Self.lowerBound(starts, window.lowerBound)
        }
        return candidates.map { c in
            guard Self.isBareDepartmentOfHealth(c, dhsc: dhsc, tokens, scalars) else { return nil }
            let window = (tokens[c.first].start - 2_000)..<(tokens[c.first].start + 2_000)
            let n = count(northern, in: window)
            return n >= 2 && n > count(english, in: window) ? ni : nil
        }
    }

    /// The index of the first element of the ascending `values` that is at least `value`.
    static func lowerBound(_ values: [Int], _ value: Int) -> Int {
        var lo = 0
        var hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static let northernIrishWords: WordSet = ["stormont", "belfast"]
    static let englishWords: WordSet = ["england", "westminster", "whitehall"]
    static let niHash = OrganisationToken.hash(of: "NI")
    static let ukHash = OrganisationToken.hash(of: "uk")
    static let governmentHash = OrganisationToken.hash(of: "government")
    static let irelandHash = OrganisationToken.hash(of: "ireland")
    static let northernHash = OrganisationToken.hash(of: "northern")
    static let departmentOfHealth = ["department", "of", "health"].map { ($0, OrganisationToken.hash(of: $0)) }

    /// A mention of DHSC (record `dhsc`) written "Department of Health" and nothing more.
    static func isBareDepartmentOfHealth(_ c: Candidate, dhsc: Int, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar]) -> Bool {
        guard c.target == .record(dhsc), c.last - c.first == 2 else { return false }
        return (0..<3).allSatisfy { tokens[c.first + $0].hasKey(Self.departmentOfHealth[$0].0, hash: Self.departmentOfHealth[$0].1, scalars) }
    }

    /// "the National Health Service (Scotland) Act 1978": a name followed by "Act" or another
    /// law word (after an optional bracketed jurisdiction) is part of a law's or a treaty's
    /// title, not a mention of the body.
    static func namesAnAct(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], after last: Int) -> Bool {
        var n = last + 1
        guard n < tokens.count else { return false }
        if tokens[n].breakBefore {
            // only "(Scotland)"-style brackets may sit between the name and "Act"
            let gap = scalars[tokens[last].end..<tokens[n].start]
            guard gap.allSatisfy({ $0 == " " || $0 == "(" }), gap.contains("("), n + 1 < tokens.count,
                  scalars[tokens[n].end..<tokens[n + 1].start].contains(")") else { return false }
            n += 1
        }
        return tokens[n].isCapitalised && lawWords.contains(key: tokens[n], scalars)
    }

    /// "… Act", "… Bill", "… Regulations", "… Convention": the last word of a law's or a
    /// treaty's title ("the United Nations Convention on the Rights of the Child").
    static let lawWords: WordSet = ["act", "bill", "regulations", "convention"]

    static func ofAName(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], after last: Int) -> Bool {
        var n = last + 1
        guard n + 1 < tokens.count, !tokens[n].breakBefore,
              tokens[n].hasKey("of", hash: OrganisationPatternMatcher.ofHash, scalars) else { return false }
        n += 1
        if tokens[n].hasKey("the", hash: OrganisationToken.theHash, scalars) && n + 1 < tokens.count { n += 1 }
        return tokens[n].isCapitalised && !tokens[n].breakBefore
    }

    /// Whether a long form shares most of its content words with one of the record's names.
    static func similar(_ long: String, _ record: OrganisationRecord) -> Bool {
        let stop: Set<String> = ["the", "of", "for", "and", "on", "in"]
        let words = Set(OrganisationGazetteer.nameKeys(long)).subtracting(stop)
        guard !words.isEmpty else { return false }
        for name in [record.name] + record.aliases + record.formerNames {
            let other = Set(OrganisationGazetteer.nameKeys(name)).subtracting(stop)
            if words.intersection(other).count * 2 >= max(words.count, other.count) { return true }
        }
        return false
    }

    /// A document-local organisation for a long form that is not in the gazetteer but reads as
    /// an organisation's name: it has an organisation head word and is mostly capitalised.
    func localTarget(_ long: String) -> Target? {
        let (tokens, longScalars) = OrganisationGazetteer.nameTokens(long)
        guard tokens.count >= 2 else { return nil }
        // The head must end the name ("... Response Unit") or start it before "of"/"for"
        // ("Office for ..."): "European Commission Decision Reliance Procedure" is a procedure.
        let headFinal = Self.organisationHeads.contains(tokens[tokens.count - 1].key(longScalars))
        // (or inside it, after capitalised words: "British Society of Gastroenterology")
        let headInitial = (0..<(tokens.count - 1)).contains { k in
            Self.organisationHeads.contains(tokens[k].key(longScalars))
                && ["of", "for", "on"].contains(tokens[k + 1].key(longScalars))
                && tokens[0...k].allSatisfy(\.isCapitalised)
        }
        guard headFinal || headInitial else { return nil }
        let content = tokens.filter {
            !OrganisationPatternMatcher.connectors.contains(key: $0, longScalars)
                && !$0.hasKey("the", hash: OrganisationToken.theHash, longScalars)
        }
        let capitals = content.filter(\.isCapitalised).count
        guard capitals * 2 > content.count, tokens[0].isCapitalised else { return nil }
        var name = long
        if let first = tokens.first, first.start > 0 || long.lowercased().hasPrefix("the ") {
            let scalars = Array(long.unicodeScalars)
            name = String(String.UnicodeScalarView(scalars[tokens[0].start..<tokens[tokens.count - 1].end]))
        }
        name = name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        // "Incomes Data Services' (IDS)": the possessive is not part of the name.
        while let last = name.unicodeScalars.last, OrganisationTokenizer.isApostrophe(last) {
            name = String(name.unicodeScalars.dropLast())
        }
        let slug = tokens.map { $0.key(longScalars) }.joined(separator: "-")
        return .local(id: "local:" + slug, name: name)
    }

    /// Whether `best(at:)` can find anything at token `t`. Patterns and capitalised names need
    /// a capital; a lower-case word can only start a name whose first word is written in lower
    /// case, an acronym or a learnt acronym. Most words are none of these, and skipping them
    /// here is what makes linking cheap.
    @inline(__always)
    func mayStart(_ t: OrganisationToken, learntFirst: KeyFilter, hasLearnt: Bool) -> Bool {
        if t.isCapitalised { return true }
        if hasLearnt && learntFirst.mayContain(t.baseHash) { return true }
        // a word without a possessive has one key and stem (most words): one probe for both
        return gazetteer.lowercaseNameFirstFilter.mayContain(t.keyHash)
            || (t.stemHash != t.keyHash && gazetteer.lowercaseNameFirstFilter.mayContain(t.stemHash))
            || gazetteer.acronymFirstFilter.mayContain(t.baseHash)
    }

    func best(
        at i: Int, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar],
        learnt: [String: Target], learntFirst: KeyFilter, blocked: Set<String>
    ) -> Candidate? {
        var best: Candidate? = nil
        let t = tokens[i]
        // Names whose first key is this word's key, then those whose first key is its stem
        // (a possessive: "Health's"), skipping variants the key already tried. The key string
        // is never made: the filter and the hash-keyed lists answer from the token's hashes.
        let byKey = gazetteer.nameFirstFilter.mayContain(t.keyHash) ? gazetteer.nameFirstByHash[t.keyHash] : nil
        for v in byKey ?? [] {
            offerName(v, at: i, tokens, scalars, to: &best)
        }
        if t.keyDiffersFromStem(scalars), gazetteer.nameFirstFilter.mayContain(t.stemHash),
           let byStem = gazetteer.nameFirstByHash[t.stemHash] {
            for v in byStem where !(byKey?.contains(v) ?? false) {
                offerName(v, at: i, tokens, scalars, to: &best)
            }
        }
        // Learnt acronyms (one to three tokens: "SPI-M", "NHS TDA").
        if learntFirst.mayContain(t.baseHash) {
            var written = ""
            for n in 0..<3 where i + n < tokens.count {
                if n > 0 && tokens[i + n].breakBefore { break }
                written += (n > 0 ? " " : "") + tokens[i + n].base(scalars)
                if let target = learnt[written] {
                    Self.offer(Candidate(first: i, last: i + n, target: target, isAcronym: true,
                                         needsSupport: false, commonWord: false, rank: 1), to: &best)
                }
            }
        }
        let acronyms = gazetteer.acronymFirstFilter.mayContain(t.baseHash) ? gazetteer.acronymFirstByHash[t.baseHash] : nil
        for v in acronyms ?? [] {
            let variant = gazetteer.variants[v]
            if !blocked.isEmpty && blocked.contains(variant.tokens.joined(separator: " ")) { continue }
            if let last = matchAcronym(variant, tokens, scalars, at: i) {
                Self.offer(Candidate(first: i, last: last, target: .record(variant.recordIndex), isAcronym: true,
                                     needsSupport: variant.needsSupport, commonWord: false, rank: 2), to: &best)
            }
        }
        // "VTF Vaccine Taskforce": an acronym in apposition to its own name is two mentions.
        if let b = best, b.isAcronym, case .record(let r) = b.target, i + 1 < tokens.count,
           let next = self.best(at: i + 1, tokens, scalars, learnt: learnt, learntFirst: learntFirst, blocked: blocked),
           next.target == .record(r) {
            return best
        }
        // a pattern needs a head word in the run ahead; most capitalised words have none
        if OrganisationPatternMatcher.mayHaveHead(tokens, from: i), let m = OrganisationPatternMatcher.match(tokens, scalars, at: i) {
            // A pattern must not swallow a known name joined to the next one by "and":
            // "NHS England and Leeds Teaching Hospitals NHS Trust" is two organisations.
            let knownEnd = best.map(\.last) ?? -1
            // Likewise a known name ending in a possessive: "Bank of England's Monetary Policy
            // Committee" is the committee of a known body, matched separately.
            // And a known name followed only by a head ("NHS England Board") is that body.
            let headOnly = best.map { b in
                !b.isAcronym && m.endToken > b.last
                    && ((b.last + 1)...m.endToken).allSatisfy {
                        OrganisationPatternMatcher.singleHeads.contains(key: tokens[$0], scalars)
                    }
            } ?? false
            let crossesKnown = headOnly || knownEnd >= i && knownEnd + 1 < tokens.count
                && (OrganisationPatternMatcher.connectors.contains(key: tokens[knownEnd + 1], scalars)
                    || tokens[knownEnd].isPossessive)
            if !crossesKnown {
                let target: Target
                if let r = gazetteer.recordIndex(named: m.name) {
                    target = .record(r)
                } else {
                    let slug = OrganisationGazetteer.nameKeys(m.name).joined(separator: "-")
                    target = .local(id: "pattern:" + slug, name: m.name)
                }
                Self.offer(Candidate(first: i, last: m.endToken, target: target, isAcronym: false,
                                     needsSupport: false, commonWord: false, rank: 4), to: &best)
            }
        }
        return best
    }

    /// The longer candidate, or at equal length the better-ranked one.
    @inline(__always)
    static func offer(_ c: Candidate, to best: inout Candidate?) {
        guard let b = best else { best = c; return }
        if c.last > b.last || (c.last == b.last && c.rank < b.rank) { best = c }
    }

    /// Offers gazetteer name variant `v` if it matches at token `i`.
    @inline(__always)
    func offerName(_ v: Int, at i: Int, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], to best: inout Candidate?) {
        let variant = gazetteer.variants[v]
        if let last = matchName(variant, tokens, scalars, at: i) {
            Self.offer(Candidate(first: i, last: last, target: .record(variant.recordIndex), isAcronym: false,
                                 needsSupport: variant.needsSupport, commonWord: variant.commonWord, rank: 0), to: &best)
        }
    }

    func matchName(_ v: OrganisationNameVariant, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        let n = v.tokens.count
        guard i + n <= tokens.count else { return nil }
        for k in 0..<n {
            let t = tokens[i + k]
            let keyMatches = v.token(k, equals: t, .key, scalars)
            let stemMatches = keyMatches || v.token(k, equals: t, .stem, scalars)
            if !keyMatches && !stemMatches { return nil }
            // A possessive is only possible on the last word ("the King's Fund's report").
            if !keyMatches && k < n - 1 && !stemMatches { return nil }
            if v.capitalised[k] && !t.isCapitalised { return nil }
            if k > 0 && t.breakBefore && !v.gapBefore[k] { return nil }
        }
        return i + n - 1
    }

    func matchAcronym(_ v: OrganisationNameVariant, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        let n = v.tokens.count
        guard i + n <= tokens.count else { return nil }
        for k in 0..<n {
            let t = tokens[i + k]
            if !v.token(k, equals: t, .base, scalars) { return nil }
            if k > 0 && t.breakBefore && !v.gapBefore[k] { return nil }
        }
        // A plural or longer word spelt in capitals is something else ("NICER").
        return i + n - 1
    }

    /// A one-word name that is an ordinary word, inside a longer capitalised title
    /// ("Eternal Sunshine of the Spotless Mind"), is part of that title.
    func insideTitle(_ tokens: [OrganisationToken], _ a: Int, _ b: Int) -> Bool {
        if a > 0, !tokens[a].breakBefore, tokens[a - 1].isCapitalised, !tokens[a - 1].sentenceInitial { return true }
        if b + 1 < tokens.count, !tokens[b + 1].breakBefore, tokens[b + 1].isCapitalised { return true }
        return false
    }

    /// An acronym among capitalised words ("NICE TO SEE YOU") is a headline, not an acronym.
    func isHeadline(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], _ a: Int, _ b: Int,
                    learnt: [String: Target]) -> Bool {
        var shouted = 0
        for k in max(0, a - 3)..<min(tokens.count, b + 4) where k < a || k > b {
            let t = tokens[k]
            guard t.isAllCaps, t.keyCount(scalars) >= 2 else { continue }
            let base = t.base(scalars)
            if gazetteer.acronymFirst[base] != nil || learnt[base] != nil { continue }
            shouted += 1
        }
        return shouted >= 2
    }
}
