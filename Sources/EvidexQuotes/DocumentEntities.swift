/// The people and organisations a document has named so far, so that later short mentions
/// ("Ms Bailey", "he", "the Committee", "the report") can be given their full names.
struct DocumentEntities: Sendable {
    enum Gender: Sendable { case female, male, unknown }

    struct Person: Sendable {
        var name: String
        var surname: String
        var gender: Gender
    }

    private(set) var people: [Person] = []
    private var roles: [String: String] = [:]
    /// The organisation each role phrase and each non-person speaker's name resolved to
    /// (gazetteer lookups that a document repeats for every quote of the same speaker).
    var roleOrganisations: [String: String?] = [:]
    var nameOrganisations: [String: String] = [:]
    /// Organisation names in order of first appearance (capitalised runs ending in an organisation head).
    private(set) var organisations: [String] = []
    /// `organisations` lower-cased, kept alongside so that matching does not lower-case them
    /// all again for every speaker.
    private var lowerOrganisations: [String] = []
    /// `lastWordHash` of each of `lowerOrganisations`.
    private var lowerOrganisationLastWords: [UInt64?] = []
    /// Last speaker of each kind, for pronouns.
    private var lastPerson: [Gender: String] = [:]
    private var lastAnyPerson: String?
    private var lastNonPerson: String?
    private var lastOrganisation: String?

    /// Every person or organisation name in the text with its position, so that a pronoun can
    /// refer to someone introduced without a quotation ("Jane Smith spoke on Monday. … she said").
    private var mentions: [(position: Int, name: String, gender: Gender, organisation: Bool)] = []
    /// Speakers resolved so far, with the position of their mention.
    private var speakerTrail: [(position: Int, name: String)] = []

    mutating func noteOrganisation(_ name: String, at position: Int) {
        if !organisations.contains(name) {
            organisations.append(name)
            let lower = name.lowercased()
            lowerOrganisations.append(lower)
            lowerOrganisationLastWords.append(Self.lastWordHash(lower))
        }
        mentions.append((position, name, .unknown, true))
    }

    mutating func notePersonMention(_ name: String, gender: Gender, at position: Int) {
        mentions.append((position, name, gender, false))
    }

    /// Call once after all mentions are noted.
    mutating func sortMentions() {
        mentions.sort { $0.position < $1.position }
    }

    private func gender(of name: String, mentioned g: Gender) -> Gender {
        if g != .unknown { return g }
        return people.last { $0.name == name }?.gender ?? .unknown
    }

    /// Latest person before `position` whose gender fits the pronoun.
    private func antecedent(of pronoun: String, before position: Int) -> String? {
        let want: Gender = pronoun == "she" ? .female : pronoun == "he" ? .male : .unknown
        var best: (Int, String)?
        // `mentions` is sorted by position, so the latest fitting mention is found from the end;
        // among mentions at the same position the first in the list wins, as in a forward scan.
        var k = mentions.count - 1
        while k >= 0 {
            let m = mentions[k]
            k -= 1
            if let b = best, m.position < b.0 { break }
            guard !m.organisation && m.position < position else { continue }
            let g = gender(of: canonical(m.name), mentioned: m.gender)
            if want != .unknown && g != .unknown && g != want { continue }
            best = (m.position, canonical(m.name))
        }
        for s in speakerTrail where s.position < position {
            // only an entry at or after the best so far can replace it (the best's position never
            // falls), so the gender, a search of `people`, is looked up for those alone
            if let b = best, s.position < b.0 { continue }
            let g = people.last { $0.name == s.name }?.gender ?? .unknown
            if want != .unknown && g != .unknown && g != want { continue }
            if best == nil || s.position >= best!.0 { best = (s.position, s.name) }
        }
        return best?.1
    }

    /// "Bailey" → "Suzie Bailey" once the full name has been seen.
    private func canonical(_ name: String) -> String {
        // a name without a space byte is one word (or none): no split by characters needed
        if !name.utf8.contains(0x20) {
            if !name.isEmpty, let p = person(surname: name) { return p.name }
            return name
        }
        let parts = name.split(separator: " ")
        if parts.count == 1, let p = person(surname: String(parts[0])) { return p.name }
        return name
    }

    private func organisation(before position: Int) -> String? {
        mentions.last { $0.organisation && $0.position < position }?.name
    }

    /// Full organisation name whose last words match a short or lowercase mention
    /// ("the Committee", "the advisory group").
    func organisation(matching words: [String]) -> String? {
        // Most calls find no candidate: the strings to compare are made only for a name that
        // may match, which is what this lookup's time went on.
        guard !organisations.isEmpty,
              let lastContent = words.last(where: { !Lexicon.determiners.contains($0) }) else { return nil }
        let last = Self.lastWordHash(lastContent)
        var suffix = "", spaced = ""
        for k in organisations.indices.reversed() {
            // ASCII names whose last word differs cannot match
            if let last, let other = lowerOrganisationLastWords[k], other != last { continue }
            if spaced.isEmpty {
                suffix = words.filter { !Lexicon.determiners.contains($0) }.joined(separator: " ")
                spaced = " " + suffix
            }
            let l = lowerOrganisations[k]
            if l == suffix || l.hasSuffix(spaced) { return organisations[k] }
        }
        return nil
    }

    /// FNV-1a of the bytes after the last space of an ASCII string; nil for other strings,
    /// where only a comparison by characters is exact.
    private static func lastWordHash(_ s: String) -> UInt64? {
        var h = WordSet.seed
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            h = b == 0x20 ? WordSet.seed : WordSet.step(h, UInt32(b))
        }
        return h
    }

    func person(surname: String) -> Person? {
        people.last { $0.surname == surname }
    }

    /// Resolves a candidate to (canonical name, is a person) and records it for later mentions.
    mutating func resolve(_ c: SpeakerCandidate) -> (name: String, person: Bool) {
        if c.isPronoun {
            switch c.words[0] {
            case "he", "she":
                if let p = antecedent(of: c.words[0], before: c.position) ?? lastAnyPerson { return (p, true) }
            case "i": if let p = lastAnyPerson ?? antecedent(of: "i", before: c.position) { return (p, true) }
            case "it": if let o = lastNonPerson { return (o, false) }
            default: if let o = lastNonPerson ?? lastAnyPerson { return (o, false) }
            }
            return (c.phrase, c.words[0] != "it")
        }
        let head = c.words.last ?? ""
        // "The advisory group's report", "the report", "the statement"
        if Lexicon.documentNouns.contains(head) && c.words.count > 1 {
            var owner: String?
            let ownerWords = Array(c.words.dropLast())
            if let i = ownerWords.lastIndex(where: { $0.hasSuffix("’s") || $0.hasSuffix("'s") }) {
                var w = Array(ownerWords[...i])
                w[i] = String(w[i].dropLast(2))
                owner = organisation(matching: w)
                if owner == nil, !c.nameWords.isEmpty {
                    owner = c.nameWords.joined(separator: " ").replacingOccurrences(of: "’s", with: "")
                        .replacingOccurrences(of: "'s", with: "")
                }
            } else if !c.nameWords.isEmpty {
                owner = organisation(matching: c.nameWords.map { $0.lowercased() }) ?? c.nameWords.joined(separator: " ")
            } else if ownerWords.count > 1, let o = organisation(matching: ownerWords) {
                owner = o
            } else {
                owner = lastOrganisation ?? organisation(before: c.position)
            }
            let name = owner.map { "\($0) \(head)" } ?? c.phrase
            lastNonPerson = name
            return (name, false)
        }
        if let org = organisation(matching: c.words), Lexicon.organisationHeads.contains(head) || c.nameWords.isEmpty == false && org.lowercased().hasSuffix(head) {
            lastNonPerson = org
            lastOrganisation = org
            return (org, false)
        }
        if Lexicon.organisationHeads.contains(head) {
            let name = c.nameWords.isEmpty ? c.phrase : c.nameWords.joined(separator: " ")
            lastNonPerson = name
            lastOrganisation = name
            return (name, false)
        }
        guard !c.nameWords.isEmpty else {
            // a described person: "a spokesman for the campaign", "officials"
            return (c.phrase, true)
        }
        let gender: Gender = c.words.contains(where: { Lexicon.femaleTitles.contains($0) }) ? .female
            : c.words.contains(where: { Lexicon.maleTitles.contains($0) }) ? .male : .unknown
        let surname = c.nameWords.last!
        var name = c.nameWords.joined(separator: " ")
        if c.nameWords.count == 1, let p = person(surname: surname) {
            name = p.name
            note(person: p.name, surname: surname, gender: gender == .unknown ? p.gender : gender)
        } else {
            note(person: name, surname: surname, gender: gender)
        }
        speakerTrail.append((c.position, name))
        return (name, true)
    }

    mutating func note(role: String, for name: String) {
        roles[name] = role
    }

    /// The role last given for a person (the speaker's organisation is read from it).
    func role(of name: String) -> String? {
        roles[name]
    }

    mutating func note(person name: String, surname: String, gender: Gender) {
        if let i = people.firstIndex(where: { $0.name == name }) {
            if gender != .unknown { people[i].gender = gender }
            let p = people.remove(at: i)
            people.append(p)
        } else {
            people.append(Person(name: name, surname: surname, gender: gender))
        }
        let g = people.last!.gender
        lastPerson[g] = name
        lastAnyPerson = name
    }

    /// Pronoun agreement learned from use: "…,” she said after a name marks it female.
    mutating func learnGender(of name: String, from pronoun: String) {
        let g: Gender = pronoun == "she" ? .female : pronoun == "he" ? .male : .unknown
        guard g != .unknown, let i = people.firstIndex(where: { $0.name == name }), people[i].gender == .unknown else { return }
        people[i].gender = g
        lastPerson[g] = name
    }
}
