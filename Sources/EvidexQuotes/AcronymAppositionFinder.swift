/// Finds acronyms defined by apposition rather than brackets, the way people define them aloud
/// and so the way evidence transcripts do: "the Scottish Qualifications Authority, the SQA, and
/// …", "NHS Digital, or ND,", and the short form first, "BAPIO, British Association of
/// Physicians of Indian Origin, which …". Without brackets nothing marks a definition, so the
/// test is stricter than Schwartz–Hearst's: every letter of the short form is the initial of one
/// capitalised word of the long form, in order, and only connectives ("of", "and", "the", …)
/// may be left out. Works on the linker's tokens, which the linker has made anyway.
struct AcronymAppositionFinder {
    let tokens: [OrganisationToken]
    let scalars: [Unicode.Scalar]

    /// Longest long form tried, in words.
    static let maxWords = 12

    func definitions() -> [AcronymDefinition] {
        var out: [AcronymDefinition] = []
        // Most tokens are lower-case words; the flags rule them out before any scalar is read.
        for i in tokens.indices where tokens[i].isCapitalised && tokens[i].isASCII && !tokens[i].isDigitsOnly
            && isShortForm(tokens[i]) {
            if let d = longBefore(short: i) ?? longAfter(short: i) { out.append(d) }
        }
        return out
    }

    /// "LONG, the SF" / "LONG, or SF" / "LONG, SF".
    private func longBefore(short i: Int) -> AcronymDefinition? {
        var j = i - 1
        if j >= 0 && !tokens[j + 1].breakBefore && tokens[j].hasKey("the", hash: OrganisationToken.theHash, scalars) { j -= 1 }
        if j >= 0 && !tokens[j + 1].breakBefore && tokens[j].hasKey("or", hash: Self.orHash, scalars) { j -= 1 }
        guard j >= 0, commaOnly(between: j, and: j + 1) else { return nil }
        let letters = shortLetters(tokens[i])
        // the nearest run of words before the comma that spells the short form
        var k = j
        while k >= 0 && j - k < Self.maxWords {
            if k < j && tokens[k + 1].breakBefore { break }
            if spells(letters, words: k...j) { return definition(short: i, long: k...j) }
            k -= 1
        }
        return nil
    }

    /// "SF, LONG," with the long form ending where the clause does.
    private func longAfter(short i: Int) -> AcronymDefinition? {
        var first = i + 1
        guard first < tokens.count, commaOnly(between: i, and: first) else { return nil }
        // "VDEC, the Vaccine Development and Evaluation Centre,"
        if tokens[first].hasKey("the", hash: OrganisationToken.theHash, scalars), first + 1 < tokens.count,
           !tokens[first + 1].breakBefore { first += 1 }
        let letters = shortLetters(tokens[i])
        var k = first
        while k < tokens.count && k - first < Self.maxWords {
            if k > first && tokens[k].breakBefore { break }
            let ends = k + 1 == tokens.count || tokens[k + 1].breakBefore || !tokens[k + 1].isCapitalised
            if ends && spells(letters, words: first...k) { return definition(short: i, long: first...k) }
            k += 1
        }
        return nil
    }

    private func definition(short i: Int, long words: ClosedRange<Int>) -> AcronymDefinition {
        AcronymDefinition(tokens: tokens, scalars: scalars, short: i, long: words)
    }

    /// A plausible spoken acronym: 2–8 letters (digits allowed after the first), starting with
    /// a capital, at least two capitals, ASCII. "DfE" passes; "Mr" and "UK-wide" do not.
    private func isShortForm(_ t: OrganisationToken) -> Bool {
        let n = t.baseEnd - t.start
        guard t.isASCII, n >= 2, n <= 8 else { return false }
        var capitals = 0
        for k in t.start..<t.baseEnd {
            let v = scalars[k].value
            if v >= 65 && v <= 90 {
                capitals += 1
            } else if !(v >= 97 && v <= 122) && !(k > t.start && v >= 48 && v <= 57) {
                return false
            }
        }
        let f = scalars[t.start].value
        return f >= 65 && f <= 90 && capitals >= 2
    }

    private func shortLetters(_ t: OrganisationToken) -> [UInt32] {
        (t.start..<t.baseEnd).map { k in
            let v = scalars[k].value
            return v >= 65 && v <= 90 ? v + 32 : v
        }
    }

    /// Whether `letters` are the initials of `words` in order, each capitalised word giving
    /// exactly one letter and each connective one letter or none, with at least two words that
    /// are not connectives.
    private func spells(_ letters: [UInt32], words: ClosedRange<Int>) -> Bool {
        let ws = Array(words)
        guard ws.count >= 2 else { return false }
        var content = 0
        for w in ws where !isConnective(tokens[w]) {
            // the long form is a name: capitalised words and connectives only
            guard tokens[w].isCapitalised, !tokens[w].isAllCaps || tokens[w].end - tokens[w].start <= 3 else { return false }
            content += 1
        }
        guard content >= 2, !isConnective(tokens[ws[0]]), !isConnective(tokens[ws[ws.count - 1]]) else { return false }
        // match[a][b]: letters a… spell words b…
        var memo = [Int8](repeating: -1, count: (letters.count + 1) * (ws.count + 1))
        func match(_ a: Int, _ b: Int) -> Bool {
            if b == ws.count { return a == letters.count }
            let slot = a * (ws.count + 1) + b
            if memo[slot] >= 0 { return memo[slot] == 1 }
            let t = tokens[ws[b]]
            var v = scalars[t.start].value
            if v >= 65 && v <= 90 { v += 32 }
            var ok = a < letters.count && letters[a] == v && match(a + 1, b + 1)
            if !ok && isConnective(t) { ok = match(a, b + 1) }
            memo[slot] = ok ? 1 : 0
            return ok
        }
        return match(0, 0)
    }

    private func isConnective(_ t: OrganisationToken) -> Bool {
        t.isAmpersand || Self.connectives.contains(key: t, scalars)
    }

    /// Only spaces and one comma between two tokens.
    private func commaOnly(between a: Int, and b: Int) -> Bool {
        guard tokens[b].breakBefore else { return false }
        var commas = 0
        for k in tokens[a].end..<tokens[b].start {
            switch scalars[k] {
            case ",": commas += 1
            case " ", "\u{00A0}": continue
            default: return false
            }
        }
        return commas == 1
    }

    static let connectives: WordSet = ["of", "and", "for", "the", "on", "in", "to", "at"]
    static let orHash = OrganisationToken.hash(of: "or")
}
