/// Separates a person's name from the job title or affiliation written in front of it ("Tory
/// MP Boris Johnson", "New Home Secretary Charles Clarke", "Deutsche Bank's Simon Champion"),
/// which the attribution pass can leave joined into one name. The mention in the text is read
/// again: the name is the run of capitalised words that ends with the surname, stopping at a
/// title word or a possessive; the words before it become the role (when none was found), and a
/// possessive's owner the organisation (when none was found). Applied per speaker, so every
/// quote of "Mr Clarke" and "he" gets the same corrected name.
enum SpeakerNameNormalizer {
    /// Words that name a post or rank rather than a person.
    static let titleWords: Set<String> = [
        "mp", "mep", "msp", "am", "mla", "mla's", "minister", "secretary", "under-secretary", "chancellor",
        "governor", "president", "vice-president", "director", "chairman", "chairwoman", "chair", "chief",
        "executive", "commissioner", "spokesman", "spokeswoman", "spokesperson", "leader", "mayor",
        "ambassador", "coach", "manager", "analyst", "economist", "editor", "col", "colonel", "general",
        "lt", "sgt", "sergeant", "officer", "adviser", "advisor", "judge", "justice", "inspector",
        "superintendent", "commander", "treasurer", "founder", "head", "boss", "striker", "midfielder",
        "defender", "goalkeeper", "captain", "skipper", "correspondent", "presenter", "host",
        "professor", "dr", "sir", "dame", "lord", "lady", "baroness", "mr", "mrs", "ms", "miss",
    ]
    /// Words that open a mention before its role: days and lead words.
    static let notRoleWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "but", "and", "on", "in", "at", "as", "so", "then", "now", "also", "later", "earlier", "meanwhile",
    ]

    /// Titles that belong with the name as it is usually written; they end the name run but are
    /// not a role on their own.
    static let honorifics: Set<String> = ["professor", "dr", "sir", "dame", "lord", "lady", "baroness", "mr", "mrs", "ms", "miss"]

    static func normalize(_ quotes: inout [Quote], scalars: [Unicode.Scalar], organisations: (any OrganisationResolving)?) {
        var fixes: [String: (name: String, role: String?, organisation: String?)] = [:]
        var checked = Set<String>()
        for q in quotes {
            guard let s = q.speaker, let m = s.mention, !checked.contains(s.name) else { continue }
            // Two words need a space: tested on bytes, the split by characters (most of this
            // pass's time) is made only for names that may have them.
            // and a mention longer than the name, or a name of three words or more, to have
            // anything before it (most mentions are the name itself or a pronoun)
            guard s.name.utf8.contains(0x20), m.count > s.name.unicodeScalars.count || Self.hasTwoSpaces(s.name) else { continue }
            let nameWords = s.name.split(separator: " ")
            guard nameWords.count >= 2, let surname = nameWords.last else { continue }
            let mentionWords = words(scalars, m)
            // the mention holds more than a name: a title or affiliation may stand before it
            guard mentionWords.count >= 3, mentionWords.count > nameWords.count || nameWords.count >= 3,
                  mentionWords.last.map({ $0 == surname }) ?? false else { continue }
            checked.insert(s.name)
            // Walk left from the surname while words are capitalised parts of a name.
            var start = mentionWords.count - 1
            while start > 0 {
                let w = mentionWords[start - 1]
                let lower = w.lowercased()
                if titleWords.contains(lower) || isPossessive(w) || !isCapitalised(w) { break }
                start -= 1
            }
            let run = mentionWords[start...]
            // a shorter name, or the same name with words before it in the mention ("New Home
            // Secretary Charles Clarke", named "Charles Clarke" already)
            guard run.count >= 2, run.count <= 4, start > 0,
                  run.count < nameWords.count || run.elementsEqual(nameWords.map(String.init)) else { continue }
            var before = mentionWords[..<start]
            // an honorific goes with the name as usually written, not with the role ("CBI
            // director-general Sir Digby Jones")
            while let last = before.last, honorifics.contains(last.lowercased()) { before = before.dropLast() }
            // nor do a day or a sentence's lead words ("But on Wednesday Prime Minister …")
            while let first = before.first, Self.notRoleWords.contains(first.lowercased()) { before = before.dropFirst() }
            var role: String?
            var organisation: String?
            if let last = before.last, isPossessive(last) {
                // "The Observer's Philip French": the owner is the organisation, named in full
                let owner = Array(before[before.startIndex..<(before.endIndex - 1)]) + [stripPossessive(last)]
                let phrase = owner.suffix(4).joined(separator: " ")
                organisation = organisations?.canonicalOrganisation(for: phrase) ?? phrase
            } else {
                // an article or another function word opens the clause, not the role ("the
                // lawyer John Smith"); a role ending in one, or in a verb or a number, is the
                // clause's own words ("we can then see Chris Whitty saying: …", "paragraph 45
                // and Mr Hancock")
                var words = before
                while let first = words.first, Self.notRoleHeads.contains(first.lowercased()) { words = words.dropFirst() }
                if let end = words.last, !Self.notRoleHeads.contains(end.lowercased()), !end.allSatisfy(\.isNumber) {
                    role = words.joined(separator: " ")
                }
            }
            fixes[s.name] = (run.joined(separator: " "), role, organisation)
        }
        guard !fixes.isEmpty else { return }
        for i in quotes.indices {
            guard let s = quotes[i].speaker, let f = fixes[s.name] else { continue }
            quotes[i].speaker?.name = f.name
            if s.role == nil { quotes[i].speaker?.role = f.role }
            if s.organisation == nil { quotes[i].speaker?.organisation = f.organisation }
        }
    }

    /// The words of `scalars[r]` split on spaces, with surrounding punctuation other than
    /// apostrophes and hyphens removed.
    static func words(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> [String] {
        guard r.lowerBound >= 0, r.upperBound <= scalars.count else { return [] }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for c in scalars[r] {
            if c == " " || c == "\n" || c == "\t" || c == "\u{A0}" {
                if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
            } else if c == "," || c == ";" || c == "(" || c == ")" || c == "\"" || c == "“" || c == "”" {
                continue
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// Words that neither open nor end a role: articles, determiners, pronouns, prepositions,
    /// conjunctions, auxiliaries and the verbs and adverbs a clause puts before a name.
    static let notRoleHeads: Set<String> = [
        "the", "a", "an", "one", "another", "this", "that", "these", "those", "some", "any", "all", "each",
        "every", "no", "his", "her", "their", "its", "our", "your", "my", "i", "we", "you", "he", "she", "they",
        "it", "of", "and", "or", "but", "nor", "to", "in", "on", "at", "for", "with", "by", "from", "as", "like",
        "within", "than", "about", "after", "before", "despite", "not", "so", "then", "also", "just", "very",
        "indeed", "soon", "first", "said", "says", "see", "sees", "saw", "seen", "does", "did", "do", "can",
        "could", "will", "would", "may", "might", "must", "should", "think", "thinks", "thought", "finished",
        "showed", "shows", "quote", "unquote", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    ]

    static func hasTwoSpaces(_ name: String) -> Bool {
        var spaces = 0
        for b in name.utf8 where b == 0x20 {
            spaces += 1
            if spaces == 2 { return true }
        }
        return false
    }

    static func isCapitalised(_ w: String) -> Bool {
        guard let f = w.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    static func isPossessive(_ w: String) -> Bool {
        w.hasSuffix("'s") || w.hasSuffix("’s") || w.hasSuffix("s'") || w.hasSuffix("s’")
    }

    static func stripPossessive(_ w: String) -> String {
        if w.hasSuffix("'s") || w.hasSuffix("’s") { return String(w.dropLast(2)) }
        return String(w.dropLast())
    }
}
