/// Recognises organisations that no list can enumerate by the shape of their names:
/// "NHS Birmingham and Solihull Integrated Care Board", "Leeds Teaching Hospitals NHS Trust",
/// "Birmingham City Council", "University of Manchester". A match is a run of capitalised words
/// (with "and", "of", "&" between them) ending in, or starting with, an organisation head.
enum OrganisationPatternMatcher {
    struct Match: Sendable {
        var endToken: Int
        var name: String
        var kind: String
    }

    /// Head phrases that end a name, longest first, with the kind they imply.
    static let finalHeads: [([String], String)] = [
        (["integrated", "care", "board"], "ICB"),
        (["integrated", "care", "system"], "ICS"),
        (["integrated", "care", "partnership"], "integrated care partnership"),
        (["clinical", "commissioning", "group"], "CCG"),
        (["nhs", "foundation", "trust"], "NHS trust"),
        (["health", "and", "social", "care", "trust"], "HSC trust"),
        (["nhs", "trust"], "NHS trust"),
        (["foundation", "trust"], "NHS trust"),
        (["university", "health", "board"], "health board"),
        (["teaching", "health", "board"], "health board"),
        (["health", "board"], "health board"),
        (["ambulance", "service"], "ambulance service"),
        (["city", "council"], "local authority"),
        (["county", "council"], "local authority"),
        (["borough", "council"], "local authority"),
        (["district", "council"], "local authority"),
        (["council"], "council"),
        (["icb"], "ICB"),
        (["ics"], "ICS"),
        (["ccg"], "CCG"),
        (["university"], "university"),
        (["institute"], "institute"),
        (["agency"], "agency"),
        (["association"], "association"),
        (["society"], "society"),
        (["federation"], "federation"),
        (["confederation"], "federation"),
        (["commission"], "commission"),
        (["authority"], "authority"),
        (["committee"], "committee"),
        (["taskforce"], "taskforce"),
        (["inspectorate"], "inspectorate"),
        (["board"], "board"),
        (["working", "group"], "working group"),
        (["group"], "group"),
        (["forum"], "forum"),
        (["cooperative"], "cooperative"),
        (["brigade"], "fire and rescue service"),
        (["and", "company"], "company"),
        // "PA Duffy & Co": "&" reads as "and"
        (["and", "co"], "company"),
        (["foundation"], "foundation"),
        (["trust"], "trust"),
        (["consortium"], "consortium"),
        (["alliance"], "alliance"),
        (["coalition"], "coalition"),
        (["network"], "network"),
        (["solicitors"], "law firm"),
    ]

    /// `OrganisationToken.hash(of:)` of each word of `finalHeads`, for `OrganisationToken.has`.
    static let finalHeadHashes: [[UInt64]] = finalHeads.map { $0.0.map(OrganisationToken.hash(of:)) }
    static let majestyHash = OrganisationToken.hash(of: "majesty")
    static let ofHash = OrganisationToken.hash(of: "of")
    static let forHash = OrganisationToken.hash(of: "for")
    static let nhsHash = OrganisationToken.hash(of: "nhs")

    /// Heads that start a name when followed by "of"/"for" and a capitalised word.
    static let initialHeads: [String: String] = [
        "department": "government department", "ministry": "government department",
        "office": "government office", "university": "university", "college": "college",
        "institute": "institute", "faculty": "professional body", "academy": "academy",
        "association": "association", "society": "society", "commission": "commission",
        "inspectorate": "inspectorate",
    ]

    static let initialHeadWords = WordSet(initialHeads.keys)
    static let headLastWords = WordSet(finalHeads.map { $0.0[$0.0.count - 1] })
    static let singleHeads: WordSet = WordSet(finalHeads.filter { $0.0.count == 1 }.map { $0.0[0] })
    static let qualifierWords: [String] = [
        "uk", "england", "wales", "scotland", "ireland", "northern", "cymru", "international", "ltd", "limited", "plc",
    ]
    static let qualifiers = WordSet(qualifierWords)
    static let connectorWords: [String] = ["and", "of", "for", "upon", "on"]
    static let connectors = WordSet(connectorWords)
    static let articles: WordSet = ["the", "a", "an", "this", "that", "our", "their", "its", "his", "her", "my", "your"]
    /// Capitalised words that never begin a proper name of their own (titles, sentence openers).
    static let stopStartWords: [String] = [
        "the", "a", "an", "this", "that", "these", "those", "each", "every", "any", "all", "some",
        "our", "their", "its", "his", "her", "my", "your", "and", "of", "for", "in", "on", "at",
        "by", "with", "from", "to", "as", "if", "but", "so", "then", "when", "which", "what",
        "secretary", "minister", "chair", "chief", "director", "member", "members", "head",
        "inspector", "officer", "adviser", "advisor", "president", "chairman", "chairwoman",
        "chancellor", "governor", "deputy", "vice", "registrar", "clerk", "spokesman", "spokeswoman",
        "lady", "lord", "sir", "dame", "professor", "dr", "mr", "mrs", "ms", "whether", "did",
        "was", "were", "is", "are", "i", "we", "you", "they", "he", "she", "it", "yes", "no",
        "well", "okay", "now", "there", "here", "other", "both",
        "relevant", "particular", "individual", "many", "most", "several",
    ]
    static let stopStarts = WordSet(stopStartWords)
    /// Modifiers that alone do not make a name: "the Local Authority", "a National Trust"
    /// are generic unless some other word names the body.
    static let genericModifierWords: [String] = [
        "local", "national", "regional", "independent", "statutory", "royal", "british", "english",
        "scottish", "welsh", "international", "global", "new", "public", "private", "health",
        "care", "social", "community", "acute", "mental", "hospital", "hospitals", "nhs", "city",
        "county", "borough", "district", "university", "teaching", "ambulance", "integrated",
        "clinical", "commissioning", "foundation", "medical", "professional", "research",
        "government", "general", "specialist", "primary", "secondary", "voluntary", "charitable",
        "advisory", "scientific", "technical", "working", "steering", "expert", "select",
        "college", "joint", "parliamentary", "executive", "central", "federal", "state",
        "programme", "project", "partnership", "management", "oversight", "delivery", "assurance",
        "planning", "transformation", "recovery", "trust", "main", "full", "whole", "new", "old",
        // "the Public Bill Committee": each bill has its own
        "bill",
    ]
    static let genericModifiers = WordSet(genericModifierWords)

    static func isNameWord(_ t: OrganisationToken, _ scalars: [Unicode.Scalar]) -> Bool {
        t.isCapitalised && !t.hasKey("the", hash: OrganisationToken.theHash, scalars)
    }

    /// Longest run of words a pattern reads, from its first word.
    static let runLimit = 14

    /// Head words (the last words of final heads and the initial heads) by the hash of their key.
    static let headFilter = KeyFilter(finalHeads.map { $0.0[$0.0.count - 1] } + Array(initialHeads.keys))

    /// False when no run that a match starting at `i` could read holds a head word, so the match
    /// would find nothing: most capitalised words (people, places, sentence starts) are not
    /// followed by one. Bit tests only; the run is read generously (every capitalised word and
    /// every short lower-case one, as connectors are), so no match is ever ruled out wrongly.
    @inline(__always)
    static func mayHaveHead(_ tokens: [OrganisationToken], from i: Int) -> Bool {
        var j = i
        let end = Swift.min(tokens.count, i + runLimit)
        while j < end {
            let t = tokens[j]
            if j > i && (t.breakBefore || (!t.isCapitalised && t.end - t.start > 4)) { return false }
            if headFilter.mayContain(t.keyHash) || headFilter.mayContain(t.stemHash) { return true }
            j += 1
        }
        return false
    }

    /// The longest pattern match that starts at token `i`.
    static func match(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], at i: Int) -> Match? {
        let first = tokens[i]
        // "His Majesty's Inspectorate of Prisons": the royal style is part of the name.
        let royal = (first.hasKey("his", hash: OrganisationToken.hisHash, scalars) || first.hasKey("her", hash: OrganisationToken.herHash, scalars))
            && first.isCapitalised && i + 1 < tokens.count
            && tokens[i + 1].has(.stem, "majesty", hash: majestyHash, scalars) && !tokens[i + 1].breakBefore
        guard isNameWord(first, scalars), royal || !stopStarts.contains(key: first, scalars) else { return nil }
        // Never start inside a capitalised run: "National Pharmacy Association" is matched from
        // "National", not again from "Pharmacy" (but a possessive ends a run: "Edinburgh's").
        if i > 0, !first.breakBefore, isNameWord(tokens[i - 1], scalars), !stopStarts.contains(key: tokens[i - 1], scalars),
           !tokens[i - 1].isPossessive || first.has(.key, "majesty", hash: majestyHash, scalars) {
            return nil
        }
        // "Edinburgh's Napier University", "Labour's Fabian Society": a leading possessive
        // belongs to the name only if the rest is no name by itself ("Prince's Trust").
        if first.isPossessive, i + 1 < tokens.count, !tokens[i + 1].breakBefore,
           !singleHeads.contains(key: tokens[i + 1], scalars), match(tokens, scalars, at: i + 1) != nil {
            return nil
        }
        // Collect the run of name words and connectors that could form one name.
        var last = i
        var j = i + 1
        let limit = min(tokens.count, i + runLimit)
        while j < limit {
            let t = tokens[j]
            if t.breakBefore { break }
            // A number after "and"/"of" starts a new phrase ("... Industry and 400 jobs").
            if t.isDigitsOnly && connectors.contains(key: tokens[j - 1], scalars) { break }
            // "… Care Research I think": the pronoun "I" ends a name
            if t.end - t.start == 1 && scalars[t.start] == "I" { break }
            if isNameWord(t, scalars) {
                last = j
                j += 1
                // "Strathclyde University's Fraser of Allander Institute", "CBI's SME Council":
                // a possessive head or acronym closes one name; the next one starts after it.
                if t.isPossessive && (singleHeads.contains(stemKey: t, scalars) || t.isAllCaps) { break }
                continue
            }
            if connectors.contains(key: t, scalars) && j + 1 < limit && isNameWord(tokens[j + 1], scalars) && !tokens[j + 1].breakBefore {
                j += 1
                continue
            }
            break
        }
        // Two names joined by "and" when a head comes before it: "Child Trust Fund and
        // Edinburgh's Napier University" (but "Cardiff and Vale University Health Board").
        // A head followed by "of" or "for" goes on past "and" ("National Association of Care and
        // Support Workers"), unless a place ends it ("Children's Rights Alliance for England and
        // Save the Children").
        if let a = (i...last).first(where: { tokens[$0].hasKey("and", hash: OrganisationToken.andWordHash, scalars) }),
           let h = (i..<a).first(where: { singleHeads.contains(stemKey: tokens[$0], scalars) }),
           qualifiers.contains(key: tokens[a - 1], scalars)
            || !((h + 1)..<a).contains(where: { tokens[$0].has(.key, "of", hash: ofHash, scalars) || tokens[$0].has(.key, "for", hash: forHash, scalars) }) {
            last = a - 1
        }
        // Head-initial: "University of Manchester", "Department for Levelling Up".
        var best: Match? = nil
        if initialHeadWords.contains(key: first, scalars), let kind = initialHeads[first.key(scalars)], i + 2 <= last,
           tokens[i + 1].has(.key, "of", hash: ofHash, scalars) || tokens[i + 1].has(.key, "for", hash: forHash, scalars) {
            best = Match(endToken: last, name: surface(tokens, scalars, i, last), kind: kind)
        }
        // Head-final: the run may hold two names joined by "and" ("NHS X Integrated Care Board
        // and Leeds Teaching Hospitals NHS Trust"), so a head followed by "and" ends the name;
        // otherwise the last head in the run does ("... NHS Foundation Trust", not "Foundation").
        var chosen: Match? = nil
        var headStart = i
        var e = i + 1
        while e <= last {
            if let (head, kind) = head(endingAt: e, tokens, scalars, from: i) {
                let m = Match(endToken: e, name: canonical(tokens, scalars, i, e, head: head), kind: kind)
                chosen = m
                headStart = e - head.count + 1
                if e < last, tokens[e + 1].hasKey("and", hash: OrganisationToken.andWordHash, scalars) { break }
            }
            e += 1
        }
        // A head followed by other capitalised words is part of some other name ("Child Trust
        // Fund", "Council Tax"), except for a country qualifier ("Age UK", "... Wales").
        if let c = chosen, c.endToken < last, !connectors.contains(key: tokens[c.endToken + 1], scalars) {
            let rest = (c.endToken + 1)...last
            if !rest.allSatisfy({ qualifiers.contains(key: tokens[$0], scalars) }) { chosen = nil }
        }
        // "Royal National Institute of Blind People": a head followed by "of"/"for" continues.
        var headEnd = chosen?.endToken ?? i
        if var c = chosen, c.endToken < last,
           tokens[c.endToken + 1].has(.key, "of", hash: ofHash, scalars) || tokens[c.endToken + 1].has(.key, "for", hash: forHash, scalars) {
            headEnd = c.endToken
            c.endToken = last
            c.name = surface(tokens, scalars, i, last)
            chosen = c
        }
        // "Terry Wilcox of Hudgell Solicitors": a firm's name holds no "of"; a person's does
        if let c = chosen, c.kind == "law firm",
           (i...c.endToken).contains(where: { tokens[$0].has(.key, "of", hash: ofHash, scalars) }) {
            chosen = nil
        }
        if let c = chosen {
            // Only generic words before the head ("Local Authority", "NHS Trust"): not a name.
            var named = false
            for k in i...c.endToken where k < headStart || k > headEnd {
                if isNameWord(tokens[k], scalars) && !genericModifiers.contains(key: tokens[k], scalars) { named = true }
            }
            if !named { chosen = nil }
        }
        if let c = chosen, best == nil || best!.endToken < c.endToken { best = c }
        return best
    }

    /// The longest head phrase ending at token `e` with a name word before it (after `from`).
    static func head(endingAt e: Int, _ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], from i: Int) -> ([String], String)? {
        // Every head ends in one of a few words; most tokens are none of them.
        guard headLastWords.contains(key: tokens[e], scalars) || headLastWords.contains(stemKey: tokens[e], scalars) else { return nil }
        for (n, (head, kind)) in finalHeads.enumerated() {
            let h = head.count
            let headStart = e - h + 1
            guard headStart > i else { continue }
            let hashes = finalHeadHashes[n]
            var ok = true
            for k in 0..<h where !tokens[headStart + k].has(.key, head[k], hash: hashes[k], scalars)
                && !tokens[headStart + k].has(.stem, head[k], hash: hashes[k], scalars) {
                ok = false
                break
            }
            if !ok { continue }
            // A name word must precede the head directly ("Leeds Trust", not "Leeds and Trust").
            let before = tokens[headStart - 1]
            if !isNameWord(before, scalars) || connectors.contains(key: before, scalars) { continue }
            return (head, kind)
        }
        return nil
    }

    /// The text of tokens a...b with whitespace runs collapsed, title-cased if shouted.
    static func surface(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for k in tokens[a].start..<tokens[b].baseEnd {
            let c = scalars[k]
            if ScalarInfo.isWhitespace(c) {
                space = true
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(c == "\u{2019}" ? "'" : c)
        }
        let joined = String(out)
        return isShouting(tokens, scalars, a, b) ? titleCase(joined) : joined
    }

    static func isShouting(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        var caps = 0
        for k in a...b where tokens[k].isAllCaps && tokens[k].keyCount(scalars) > 3 { caps += 1 }
        return caps >= 2
    }

    /// Title case for names written in capitals (ODS lists, headlines), keeping NHS/ICB etc.
    static func titleCase(_ s: String) -> String {
        let keep: Set<String> = ["NHS", "ICB", "ICS", "CCG", "UK", "HSC", "GP", "NHSX"]
        let small: Set<String> = ["and", "of", "for", "upon", "on", "the", "in", "under", "by"]
        var out: [String] = []
        for (n, word) in s.split(separator: " ").enumerated() {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { (m, part) -> String in
                let w = String(part)
                if keep.contains(w) { return w }
                let lower = w.lowercased()
                if (n > 0 || m > 0) && small.contains(lower) { return lower }
                return lower.prefix(1).uppercased() + lower.dropFirst()
            }
            out.append(parts.joined(separator: "-"))
        }
        return out.joined(separator: " ")
    }

    /// Canonical form: ICBs, ICSs and CCGs are spelt out and prefixed with "NHS" as in the
    /// official names, so "Birmingham and Solihull ICB" and "NHS Birmingham and Solihull
    /// Integrated Care Board" name the same body.
    static let expand: [String: String] = [
        "icb": "Integrated Care Board", "integrated care board": "Integrated Care Board",
        "ccg": "Clinical Commissioning Group", "clinical commissioning group": "Clinical Commissioning Group",
        "ics": "Integrated Care System", "integrated care system": "Integrated Care System",
    ]

    static func canonical(_ tokens: [OrganisationToken], _ scalars: [Unicode.Scalar], _ a: Int, _ e: Int, head: [String]) -> String {
        let headKey = head.joined(separator: " ")
        guard let full = expand[headKey] else { return surface(tokens, scalars, a, e) }
        var start = a
        if tokens[start].has(.key, "nhs", hash: nhsHash, scalars) { start += 1 }
        let headStart = e - head.count + 1
        guard start < headStart else { return surface(tokens, scalars, a, e) }
        let place = surface(tokens, scalars, start, headStart - 1)
        return headKey.hasPrefix("ics") || headKey.hasPrefix("integrated care system")
            ? place + " " + full : "NHS " + place + " " + full
    }
}
