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

    /// Acronyms of roles, hospital units and kinds of service, which a name with a head word can
    /// spell by chance ("Chief Medical Office", "Minister for the Cabinet Office", "Intensive
    /// Care Unit", "Child and Adolescent Mental Health Services").
    static let notBodies: Set<String> = ["CMO", "CNO", "CSA", "CEO", "COO", "CFO", "MCO", "SRO", "ICU", "ITU", "HDU", "LGD",
                                         "CAMHS"]

    /// "MD-TEC": part of a longer acronym, which a name may spell only in part.
    private func hyphenated(_ t: OrganisationToken) -> Bool {
        (t.start > 0 && scalars[t.start - 1] == "-") || (t.end < scalars.count && scalars[t.end] == "-")
    }

    /// `isKnown` says whether an acronym, by the `OrganisationToken.hash` of its written form,
    /// already has a meaning: the gazetteer's, or a definition the text gave. Short forms and
    /// initials are compared by hash, so no string is made until a name spells a short form.
    func definitions(isKnown: (UInt64) -> Bool) -> [AcronymDefinition] {
        // Short forms first: most texts have none that is unknown, and then nothing else is read.
        var shorts: [UInt64: Int] = [:]
        for i in tokens.indices where tokens[i].isAllCaps && tokens[i].isASCII && !tokens[i].isDigitsOnly {
            let t = tokens[i]
            let n = t.baseEnd - t.start
            guard n >= 3 && n <= 6, shorts[t.baseHash] == nil,
                  (t.start..<t.baseEnd).allSatisfy({ scalars[$0].value >= 65 && scalars[$0].value <= 90 }),
                  !isKnown(t.baseHash), !hyphenated(t), !Self.notBodies.contains(t.base(scalars)) else { continue }
            shorts[t.baseHash] = i
        }
        guard !shorts.isEmpty else { return [] }
        // Names ending in a head word, read back from the head; each start gives one spelling.
        var found: [UInt64: ClosedRange<Int>] = [:]
        var ambiguous: Set<UInt64> = []
        var initials: [Unicode.Scalar] = []
        for k in tokens.indices where tokens[k].isCapitalised && !tokens[k].isAllCaps
            && OrganisationLinker.organisationHeads.contains(key: tokens[k], scalars) {
            initials.removeAll(keepingCapacity: true)
            var s = k
            while s >= 0 && k - s < Self.maxWords {
                let t = tokens[s]
                if s < k && tokens[s + 1].breakBefore { break }
                let connective = !t.isCapitalised && AcronymAppositionFinder.connectives.contains(key: t, scalars)
                if !connective {
                    guard t.isCapitalised, !t.isAllCaps, !t.hasKey("the", hash: OrganisationToken.theHash, scalars) else { break }
                    let c = scalars[t.start]
                    guard c.isASCII, initials.count < 6 else { break }
                    initials.append(c)   // last word first
                    if initials.count >= 3 {
                        var h = OrganisationToken.hashSeed
                        for c in initials.reversed() { h = OrganisationToken.hashStep(h, c) }
                        if let i = shorts[h], spells(i, initials) {
                            if let other = found[h] {
                                if other != s...k && text(other) != text(s...k) { ambiguous.insert(h) }
                            } else {
                                found[h] = s...k
                            }
                        }
                    }
                }
                s -= 1
            }
        }
        var out: [AcronymDefinition] = []
        for (h, words) in found where !ambiguous.contains(h) {
            out.append(AcronymDefinition(tokens: tokens, scalars: scalars, short: shorts[h]!, long: words))
        }
        // in text order, so that linking is deterministic
        return out.sorted { $0.shortRange.lowerBound < $1.shortRange.lowerBound }
    }

    /// The short form at token `i` is `initials` read backwards (the hash matched; this rules
    /// out a collision).
    private func spells(_ i: Int, _ initials: [Unicode.Scalar]) -> Bool {
        let t = tokens[i]
        guard t.baseEnd - t.start == initials.count else { return false }
        for (n, c) in initials.reversed().enumerated() where scalars[t.start + n] != c { return false }
        return true
    }

    private func text(_ words: ClosedRange<Int>) -> String {
        ScalarInfo.string(scalars, tokens[words.lowerBound].start..<tokens[words.upperBound].end)
    }
}
