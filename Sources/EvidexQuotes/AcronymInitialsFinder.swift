/// Finds acronyms that a text uses without defining them, where the same text also names the
/// body in full: evidence speaks of "the NIMT" in one turn and of "the National Incident
/// Management Team" in another, and of "the REP" after "a Respiratory Evidence Panel". Nothing
/// ties the two but their letters, so the test is strict: the short form is written in capitals
/// (three to six letters), no gazetteer knows it, and its letters are exactly the initials of the
/// capitalised words of one name in the text that ends in an organisation head word, with
/// connectives ("of", "and", …) left out. A short form that two names spell is left alone.
struct AcronymInitialsFinder {
    let tokens: [OrganisationToken]
    let scalars: [Unicode.Scalar]

    /// Longest long form tried, in words.
    static let maxWords = 8

    /// Acronyms of roles and hospital units, which a name with a head word can spell by chance
    /// ("Chief Medical Office", "Minister for the Cabinet Office", "Intensive Care Unit").
    static let notBodies: Set<String> = ["CMO", "CNO", "CSA", "CEO", "COO", "CFO", "MCO", "SRO", "ICU", "ITU", "HDU", "LGD"]

    /// `isKnown` says whether an acronym (as written) already has a meaning: the gazetteer's,
    /// or a definition the text gave.
    func definitions(isKnown: (String) -> Bool) -> [AcronymDefinition] {
        // Short forms first: most texts have none that is unknown, and then nothing else is read.
        var shorts: [String: Int] = [:]
        for i in tokens.indices where tokens[i].isAllCaps && tokens[i].isASCII && !tokens[i].isDigitsOnly {
            let n = tokens[i].baseEnd - tokens[i].start
            guard n >= 3 && n <= 6 else { continue }
            let written = tokens[i].base(scalars)
            guard shorts[written] == nil, written.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }),
                  !Self.notBodies.contains(written), !isKnown(written) else { continue }
            shorts[written] = i
        }
        guard !shorts.isEmpty else { return [] }
        // Names ending in a head word, read back from the head; each start gives one spelling.
        var found: [String: ClosedRange<Int>] = [:]
        var ambiguous: Set<String> = []
        for k in tokens.indices where tokens[k].isCapitalised && !tokens[k].isAllCaps
            && OrganisationLinker.organisationHeads.contains(key: tokens[k], scalars) {
            var initials: [Unicode.Scalar] = []
            var s = k
            while s >= 0 && k - s < Self.maxWords {
                let t = tokens[s]
                if s < k && tokens[s + 1].breakBefore { break }
                let connective = !t.isCapitalised && AcronymAppositionFinder.connectives.contains(key: t, scalars)
                if !connective {
                    guard t.isCapitalised, !t.isAllCaps, !t.hasKey("the", hash: OrganisationToken.theHash, scalars) else { break }
                    let c = scalars[t.start]
                    guard c.isASCII else { break }
                    initials.insert(c, at: 0)
                    if initials.count > 6 { break }
                    if initials.count >= 3 {
                        let short = String(String.UnicodeScalarView(initials))
                        if shorts[short] != nil {
                            if let other = found[short], other != s...k,
                               ScalarInfo.string(scalars, tokens[other.lowerBound].start..<tokens[other.upperBound].end)
                                != ScalarInfo.string(scalars, tokens[s].start..<tokens[k].end) {
                                ambiguous.insert(short)
                            } else if found[short] == nil {
                                found[short] = s...k
                            }
                        }
                    }
                }
                s -= 1
            }
        }
        var out: [AcronymDefinition] = []
        for (short, words) in found where !ambiguous.contains(short) {
            let i = shorts[short]!
            let shortRange = tokens[i].start..<tokens[i].baseEnd
            let longRange = tokens[words.lowerBound].start..<tokens[words.upperBound].baseEnd
            out.append(AcronymDefinition(short: short, long: ScalarInfo.string(scalars, longRange),
                                         shortRange: shortRange, longRange: longRange))
        }
        // in text order, so that linking is deterministic
        return out.sorted { $0.shortRange.lowerBound < $1.shortRange.lowerBound }
    }
}
