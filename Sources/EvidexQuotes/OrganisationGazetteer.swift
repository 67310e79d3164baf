/// The set of known organisations plus the indexes the linker needs: name variants keyed by
/// their first token, and whole-string keys for `record(named:)`. Immutable, so one instance is
/// shared by every linker and thread.
public struct OrganisationGazetteer: Sendable, OrganisationResolving {
    public let records: [OrganisationRecord]
    let variants: [OrganisationNameVariant]
    /// First name key → variants starting with it (names compare case-insensitively).
    let nameFirst: [String: [Int]]
    /// `nameFirst` and `acronymFirst` by `OrganisationToken.hash(of:)` of the key: the linker
    /// looks up a token's stored hash without making its string (variants then compare every
    /// word, so a hash shared by two words costs only a failed match).
    let nameFirstByHash: [UInt64: [Int]]
    let acronymFirstByHash: [UInt64: [Int]]
    /// First acronym token as written → variants (acronyms compare case-sensitively).
    let acronymFirst: [String: [Int]]
    /// Whole-string keys for lookups: names/aliases by folded key, acronyms as written.
    let nameKeyIndex: [String: Int]
    let acronymIndex: [String: Int]
    let foldedAcronymIndex: [String: Int]
    let idIndex: [String: Int]
    /// Filters over `nameFirst` keys: all of them, and those of names whose first word is not
    /// capitalised (only these can start at a lower-case word); and over `acronymFirst` keys.
    let nameFirstFilter: KeyFilter
    let lowercaseNameFirstFilter: KeyFilter
    let acronymFirstFilter: KeyFilter

    public static let builtIn = OrganisationGazetteer(records: OrganisationBuiltInRecords.all)

    /// Acronyms of the built-in list that mean something else too often ("DH" is also a
    /// surname initial, "HSE" the Irish health service, "Sage" a herb and a surname), so they
    /// link only with support from the same document.
    static let supportAcronyms: Set<String> = [
        "DH", "DoH", "CO", "HO", "CCS", "GOS", "PHS", "HPS", "PHA", "NSS", "NES", "HIS",
        "CIW", "TDA", "AMS", "EMA", "PAC", "RPS", "CSP", "BIS", "GOC", "NCF", "RSM", "BGS", "Sage",
        "HMG", "GDS", "BDA", "RCS", "RCR", "RCM", "RCP", "JBC", "FPH", "IfG", "DBT", "HIW", "SIGN", "NSC", "HSC", "BSO", "TAC", "TAG", "GAD", "DIT", "FSA", "FCA", "BoE", "TEO", "CVF",
        "CMA", "OSR", "GLD", "HRA", "OfS", "BTS", "BIA", "LSTM", "MSF", "GLA", "HSSG", "EIS", "ECT", "CPS",
    ]
    /// One-word names that are also ordinary words; "Monitor" is also too common to link at all
    /// without support.
    static let commonWordNames: Set<String> = ["unite", "unison", "monitor", "mind", "scope", "executive"]
    /// Names that link only with support: "Monitor" is too common a word, and "the Executive"
    /// or "the Executive Committee" is Northern Ireland's only where the text is about it.
    static let supportNames: Set<String> = ["monitor", "executive", "executive committee", "civil contingencies group"]

    /// Groups of built-in bodies that texts name together: each devolved nation's bodies, and the
    /// medicines regulators. An ambiguous acronym of one of them ("NSS", "TAC", "PHA", "EMA") is
    /// also supported when the document names another body of the same group unambiguously:
    /// "NSS" beside "Scottish Government" is NHS National Services Scotland, "the EMA" beside
    /// "the MHRA" the European Medicines Agency.
    static let supportGroups: [String: String] = {
        var map: [String: String] = [:]
        for id in ["scottish-government", "public-health-scotland", "health-protection-scotland", "nhs-scotland",
                   "nss", "nes", "his", "care-inspectorate", "cosla", "scottish-care", "sssc",
                   "scottish-ambulance-service", "sign",
                   "scottish-covid-advisory-group", "scottish-covid-bereaved", "sqa", "education-scotland", "eis",
                   "cyp-commissioner-scotland", "police-scotland", "copfs"] { map[id] = "scotland" }
        for id in ["welsh-government", "public-health-wales", "nhs-wales", "ciw", "hiw", "social-care-wales",
                   "tac-wales", "tag-wales", "wlga", "care-forum-wales", "was-trust", "disability-wales",
                   "bcuhb", "hduhb", "sbuhb", "ctmuhb", "abuhb", "cavuhb", "pthb", "welsh-hssg", "cbffj-cymru",
                   "qualifications-wales", "estyn", "cc-wales", "academi-wales", "nwssp",
                   "life-sciences-hub-wales"] { map[id] = "wales" }
        for id in ["ni-executive", "doh-ni", "pha-ni", "hscni", "hscb", "bso-ni", "nias", "rqia", "teo",
                   "patient-client-council", "disability-action-ni", "niscc",
                   "ni-covid-bereaved", "psni-pharm", "ccea", "niccy", "ect-ni", "psni", "sppg", "daera", "ccg-ni"] { map[id] = "northern-ireland" }
        for id in ["mhra", "ema", "fda"] { map[id] = "medicines-regulation" }
        return map
    }()

    public init(records: [OrganisationRecord]) {
        self.records = records
        var variants: [OrganisationNameVariant] = []
        var nameFirst: [String: [Int]] = [:]
        var acronymFirst: [String: [Int]] = [:]
        var nameKeyIndex: [String: Int] = [:]
        var acronymIndex: [String: Int] = [:]
        var folded: [String: Int] = [:]
        var idIndex: [String: Int] = [:]
        for (r, record) in records.enumerated() {
            if idIndex[record.id] == nil { idIndex[record.id] = r }
            for name in [record.name] + record.aliases + record.formerNames {
                guard let v = Self.nameVariant(name, record: r) else { continue }
                let key = v.tokens.joined(separator: " ")
                // First writer wins, so the built-in (earlier) records keep their names.
                if nameKeyIndex[key] == nil { nameKeyIndex[key] = r }
                nameFirst[v.tokens[0], default: []].append(variants.count)
                variants.append(v)
            }
            for acronym in record.acronyms {
                guard let v = Self.acronymVariant(acronym, record: r) else { continue }
                let key = v.tokens.joined(separator: " ")
                if acronymIndex[key] == nil { acronymIndex[key] = r }
                let fkey = key.lowercased()
                if folded[fkey] == nil { folded[fkey] = r }
                acronymFirst[v.tokens[0], default: []].append(variants.count)
                variants.append(v)
            }
        }
        self.variants = variants
        self.nameFirst = nameFirst
        self.acronymFirst = acronymFirst
        self.nameFirstByHash = Self.byHash(nameFirst)
        self.acronymFirstByHash = Self.byHash(acronymFirst)
        self.nameKeyIndex = nameKeyIndex
        self.acronymIndex = acronymIndex
        self.foldedAcronymIndex = folded
        self.idIndex = idIndex
        nameFirstFilter = KeyFilter(nameFirst.keys)
        lowercaseNameFirstFilter = KeyFilter(variants.filter { !$0.isAcronym && !$0.capitalised[0] }.map { $0.tokens[0] })
        acronymFirstFilter = KeyFilter(acronymFirst.keys)
    }

    static func byHash(_ index: [String: [Int]]) -> [UInt64: [Int]] {
        var out: [UInt64: [Int]] = [:]
        for (key, variants) in index { out[OrganisationToken.hash(of: key), default: []].append(contentsOf: variants) }
        for k in out.keys { out[k]!.sort() }
        return out
    }

    /// Tokens of a written name without a leading article, since texts add or drop "the" freely.
    /// Returned with the scalars the tokens index.
    static func nameTokens(_ text: String) -> (tokens: [OrganisationToken], scalars: [Unicode.Scalar]) {
        let scalars = Array(text.unicodeScalars)
        var tokens = OrganisationTokenizer.tokens(in: scalars)
        while let first = tokens.first, first.hasKey("the", hash: OrganisationToken.theHash, scalars), tokens.count > 1 {
            tokens.removeFirst()
        }
        return (tokens, scalars)
    }

    /// The keys of `nameTokens(text)`.
    static func nameKeys(_ text: String) -> [String] {
        let (tokens, scalars) = nameTokens(text)
        return tokens.map { $0.key(scalars) }
    }

    static func nameVariant(_ name: String, record: Int) -> OrganisationNameVariant? {
        let (tokens, scalars) = nameTokens(name)
        guard !tokens.isEmpty else { return nil }
        let keys = tokens.map { $0.key(scalars) }
        let key = keys.joined(separator: " ")
        return OrganisationNameVariant(
            tokens: keys,
            capitalised: tokens.map { $0.isCapitalised },
            gapBefore: tokens.enumerated().map { $0.offset > 0 && $0.element.breakBefore },
            recordIndex: record, isAcronym: false,
            needsSupport: supportNames.contains(key),
            commonWord: commonWordNames.contains(key))
    }

    static func acronymVariant(_ acronym: String, record: Int) -> OrganisationNameVariant? {
        let scalars = Array(acronym.unicodeScalars)
        let tokens = OrganisationTokenizer.tokens(in: scalars)
        guard !tokens.isEmpty else { return nil }
        return OrganisationNameVariant(
            tokens: tokens.map { $0.base(scalars) },
            capitalised: tokens.map { _ in false },
            gapBefore: tokens.enumerated().map { $0.offset > 0 && $0.element.breakBefore },
            recordIndex: record, isAcronym: true,
            needsSupport: supportAcronyms.contains(acronym),
            commonWord: false)
    }

    /// A gazetteer with `other` added. A record whose id, name or alias is already known is
    /// folded into the existing record (its acronyms and aliases added), so a GOV.UK dump does
    /// not create a second "Department of Health and Social Care" beside the built-in one.
    public func merging(_ other: [OrganisationRecord]) -> OrganisationGazetteer {
        var merged = records
        var byID = idIndex
        var byKey = nameKeyIndex
        var added: [OrganisationRecord] = []
        for record in other {
            let keys = ([record.name] + record.aliases + record.formerNames)
                .map { Self.nameKeys($0).joined(separator: " ") }
            if let at = byID[record.id] ?? keys.lazy.compactMap({ byKey[$0] }).first {
                if at < merged.count {
                    var existing = merged[at]
                    Self.absorb(record, into: &existing)
                    merged[at] = existing
                } else {
                    var existing = added[at - merged.count]
                    Self.absorb(record, into: &existing)
                    added[at - merged.count] = existing
                }
                continue
            }
            let at = merged.count + added.count
            byID[record.id] = at
            for key in keys where byKey[key] == nil { byKey[key] = at }
            added.append(record)
        }
        // Records from an external list carry acronyms nobody curated ("AGO", "VOA"); short
        // ones then need support from the same document before they link.
        return OrganisationGazetteer(records: merged + added)
            .withSupport(forAcronymsOf: Set(other.flatMap(\.acronyms)))
    }

    /// Marks short acronyms that only an external list vouches for as needing support.
    func withSupport(forAcronymsOf acronyms: Set<String>) -> OrganisationGazetteer {
        guard !acronyms.isEmpty else { return self }
        var copy = self
        var variants = copy.variants
        for i in variants.indices where variants[i].isAcronym {
            let written = variants[i].tokens.joined(separator: " ")
            if acronyms.contains(written) && written.unicodeScalars.count <= 3
                && !Self.curatedAcronyms.contains(written) {
                variants[i] = variants[i].with(needsSupport: true)
            }
        }
        copy = OrganisationGazetteer(copying: copy, variants: variants)
        return copy
    }

    /// Acronyms of the built-in list, which stay as curated even if a loaded list repeats them.
    static let curatedAcronyms: Set<String> = Set(OrganisationBuiltInRecords.all.flatMap(\.acronyms))

    private init(copying other: OrganisationGazetteer, variants: [OrganisationNameVariant]) {
        self.records = other.records
        self.variants = variants
        self.nameFirst = other.nameFirst
        self.acronymFirst = other.acronymFirst
        self.nameFirstByHash = other.nameFirstByHash
        self.acronymFirstByHash = other.acronymFirstByHash
        self.nameKeyIndex = other.nameKeyIndex
        self.acronymIndex = other.acronymIndex
        self.foldedAcronymIndex = other.foldedAcronymIndex
        self.idIndex = other.idIndex
        self.nameFirstFilter = other.nameFirstFilter
        self.lowercaseNameFirstFilter = other.lowercaseNameFirstFilter
        self.acronymFirstFilter = other.acronymFirstFilter
    }

    static func absorb(_ record: OrganisationRecord, into existing: inout OrganisationRecord) {
        func union(_ a: [String], _ b: [String]) -> [String] {
            var out = a
            for x in b where !out.contains(x) { out.append(x) }
            return out
        }
        existing.acronyms = union(existing.acronyms, record.acronyms)
        let names = [record.name] + record.aliases
        existing.aliases = union(existing.aliases, names.filter { $0 != existing.name })
        existing.formerNames = union(existing.formerNames, record.formerNames)
        if existing.kind == nil { existing.kind = record.kind }
        if existing.successor == nil { existing.successor = record.successor }
    }

    public func record(id: String) -> OrganisationRecord? {
        idIndex[id].map { records[$0] }
    }

    func recordIndex(named name: String) -> Int? {
        let trimmed = Self.trimmed(name)
        guard !trimmed.isEmpty else { return nil }
        let scalars = Array(trimmed.unicodeScalars)
        let acronymTokens = OrganisationTokenizer.tokens(in: scalars)
        let written = acronymTokens.map { $0.base(scalars) }.joined(separator: " ")
        if let r = acronymIndex[written] { return r }
        // `nameTokens(trimmed)`, without tokenising the name a second time.
        var nameTokens = acronymTokens[...]
        while let first = nameTokens.first, first.hasKey("the", hash: OrganisationToken.theHash, scalars),
              nameTokens.count > 1 {
            nameTokens.removeFirst()
        }
        let key = nameTokens.map { $0.key(scalars) }.joined(separator: " ")
        if let r = nameKeyIndex[key] { return r }
        // Possessive or plural-free forms: "the King's Fund's" → "kings fund".
        let stem = nameTokens.map { $0.stemKey(scalars) }.joined(separator: " ")
        if let r = nameKeyIndex[stem] { return r }
        return foldedAcronymIndex[written.lowercased()]
    }

    /// Any name, alias, former name or acronym, ignoring case, apostrophes and a leading "the".
    public func record(named name: String) -> OrganisationRecord? {
        recordIndex(named: name).map { records[$0] }
    }

    /// Canonical (official) name for a phrase such as a speaker's role ("chief executive of
    /// the King's Fund"): an exact lookup first, then the longest organisation linked inside it.
    public func canonicalOrganisation(for phrase: String) -> String? {
        if let r = record(named: phrase) { return r.name }
        let mentions = OrganisationLinker(gazetteer: self).link(phrase)
        return mentions.max { $0.range.count < $1.range.count }?.name
    }
}

extension OrganisationGazetteer {
    static func trimmed(_ text: String) -> String {
        // most names come without surrounding space: answered by their first and last scalars
        if let f = text.unicodeScalars.first, let l = text.unicodeScalars.last,
           !f.properties.isWhitespace, !l.properties.isWhitespace {
            return text
        }
        var s = Substring(text)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = String(s.unicodeScalars.dropFirst())[...] }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = String(s.unicodeScalars.dropLast())[...] }
        return String(s)
    }
}
