/// Finds acronym definitions with the Schwartz–Hearst algorithm (2003): a short form in
/// parentheses after its long form, "Department of Health and Social Care (DHSC)", or the
/// reverse, "DHSC (Department of Health and Social Care)". Chosen because it needs no training
/// data and its character-matching rule is precise enough to learn acronyms per document.
public struct AcronymDefinitionFinder: Sendable {
    public init() {}

    public func definitions(in text: String) -> [AcronymDefinition] {
        definitions(in: Array(text.unicodeScalars))
    }

    func definitions(in scalars: [Unicode.Scalar]) -> [AcronymDefinition] {
        var out: [AcronymDefinition] = []
        let n = scalars.count
        var p = 0
        while p < n {
            // Brackets are rare: find the next one without a bounds check per scalar.
            p = scalars.withUnsafeBufferPointer { ScalarScan.index(of: "(", in: $0, from: p, to: n) }
            guard p < n else { break }
            // The matching ")" within a short distance, with no nested bracket.
            var q = p + 1
            while q < n && q - p <= 160 && scalars[q] != ")" && scalars[q] != "(" && scalars[q] != "\n" { q += 1 }
            guard q < n, scalars[q] == ")" else { p += 1; continue }
            var inner = trim(scalars, p + 1, q)
            // "(DHSC, 2020)" / "(DHSC; ...)": the short form is the part before the separator.
            for k in inner where scalars[k] == "," || scalars[k] == ";" {
                inner = trim(scalars, inner.lowerBound, k)
                break
            }
            if let d = shortInside(scalars, open: p, inner: inner) ?? shortBefore(scalars, open: p, inner: inner) {
                out.append(d)
            }
            p = q + 1
        }
        return out
    }

    private func trim(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Range<Int> {
        var lo = a, hi = b
        while lo < hi && ScalarInfo.isWhitespace(s[lo]) { lo += 1 }
        while hi > lo && ScalarInfo.isWhitespace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private func wordCount(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for k in r {
            let w = !ScalarInfo.isWhitespace(s[k])
            if w && !inWord { count += 1 }
            inWord = w
        }
        return count
    }

    /// Schwartz–Hearst's test for a plausible short form: 2–10 characters, at most two words,
    /// starting with a letter or digit, containing a letter and at least one capital.
    private func isShortForm(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count >= 2 && r.count <= 10, wordCount(s, r) <= 2 else { return false }
        guard OrganisationTokenizer.isWordScalar(s[r.lowerBound]) else { return false }
        var letters = false, capital = false
        for k in r {
            let flags = ScalarInfo.flags(s[k])
            if flags & ScalarInfo.alphabetic != 0 { letters = true }
            if flags & ScalarInfo.uppercase != 0 { capital = true }
        }
        return letters && capital
    }

    /// "long form (SF)": search the words before the bracket.
    private func shortInside(_ s: [Unicode.Scalar], open p: Int, inner: Range<Int>) -> AcronymDefinition? {
        guard isShortForm(s, inner) else { return nil }
        let shortLength = inner.filter { OrganisationTokenizer.isWordScalar(s[$0]) }.count
        let maxWords = min(shortLength + 5, shortLength * 2)
        // Walk back over at most maxWords words, stopping at a sentence or clause break
        // (commas stay: "Department for Business, Energy and Industrial Strategy (BEIS)").
        var end = p
        while end > 0 && ScalarInfo.isWhitespace(s[end - 1]) && s[end - 1] != "\n" { end -= 1 }
        var start = end
        var k = end
        var words = 0
        while words < maxWords {
            var kk = k
            while kk > 0 && (s[kk - 1] == " " || s[kk - 1] == "\t" || s[kk - 1] == "\u{00A0}") { kk -= 1 }
            if kk == 0 || s[kk - 1] == "\n" { break }
            let last = s[kk - 1]
            if words > 0 && (last == "." || last == ";" || last == ":" || last == ")" || last == "!" || last == "?") { break }
            var j = kk
            while j > 0 && !ScalarInfo.isWhitespace(s[j - 1]) { j -= 1 }
            words += 1
            start = j
            k = j
        }
        guard start < end else { return nil }
        guard let longStart = bestLongForm(short: Array(s[inner]), long: s, range: start..<end) else { return nil }
        let longRange = longStart..<end
        guard valid(s, short: inner, long: longRange) else { return nil }
        return AcronymDefinition(
            short: ScalarInfo.string(s, inner), long: ScalarInfo.string(s, longRange),
            shortRange: inner, longRange: longRange)
    }

    /// "SF (long form)": the short form is the word just before the bracket.
    private func shortBefore(_ s: [Unicode.Scalar], open p: Int, inner: Range<Int>) -> AcronymDefinition? {
        var end = p
        while end > 0 && s[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0 && (OrganisationTokenizer.isWordScalar(s[start - 1]) || s[start - 1] == "-" || s[start - 1] == "&") {
            start -= 1
        }
        let short = start..<end
        guard isShortForm(s, short) else { return nil }
        let shortLength = short.filter { OrganisationTokenizer.isWordScalar(s[$0]) }.count
        guard wordCount(s, inner) <= min(shortLength + 5, shortLength * 2) else { return nil }
        guard let longStart = bestLongForm(short: Array(s[short]), long: s, range: inner) else { return nil }
        // The reversed form must use the whole bracket, or it is a gloss, not a definition.
        guard longStart == inner.lowerBound else { return nil }
        guard valid(s, short: short, long: inner) else { return nil }
        return AcronymDefinition(
            short: ScalarInfo.string(s, short), long: ScalarInfo.string(s, inner),
            shortRange: short, longRange: inner)
    }

    /// The long form must be longer than the short form and must not contain it as a word, and
    /// (beyond Schwartz–Hearst) its first content word must start with the short form's first
    /// letter, so "the National Security Council (THRC)" is not read as T-H-R-C.
    private func valid(_ s: [Unicode.Scalar], short: Range<Int>, long: Range<Int>) -> Bool {
        guard long.count > short.count else { return false }
        // the first word's key (`nameKeys(…).first`), without the keys of the others
        let (tokens, longScalars) = OrganisationGazetteer.nameTokens(ScalarInfo.string(s, long))
        guard let firstWord = tokens.first.map({ $0.key(longScalars) })?.unicodeScalars.first,
              let firstShort = s[short].first(where: { OrganisationTokenizer.isWordScalar($0) }),
              lower(firstShort) == firstWord else { return false }
        let sf = ScalarInfo.string(s, short).lowercased()
        let lf = ScalarInfo.string(s, long).lowercased()
        // An ASCII short form whose bytes are nowhere in an ASCII long form is none of its
        // words: the split by characters below (most of this test's time) is then not needed.
        if let absent = Self.asciiAbsent(sf, in: lf), absent { return true }
        return !lf.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == sf }
    }

    /// Whether `needle`'s bytes occur nowhere in `hay`, when both are ASCII (whose strings are
    /// equal exactly when their bytes are); nil otherwise.
    static func asciiAbsent(_ needle: String, in hay: String) -> Bool? {
        var needle = needle, hay = hay
        return needle.withUTF8 { n in
            hay.withUTF8 { h -> Bool? in
                guard !n.isEmpty, !n.contains(where: { $0 >= 0x80 }), !h.contains(where: { $0 >= 0x80 }) else { return nil }
                guard n.count <= h.count else { return true }
                for start in 0...(h.count - n.count) {
                    var k = 0
                    while k < n.count && h[start + k] == n[k] { k += 1 }
                    if k == n.count { return false }
                }
                return true
            }
        }
    }

    private func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value + 32)) : c }
        if c.properties.changesWhenLowercased, let f = c.properties.lowercaseMapping.unicodeScalars.first { return f }
        return c
    }

    /// Schwartz–Hearst's best long form: match the short form's characters right to left in
    /// the candidate; its first character must begin a word. Returns the start of that word.
    private func bestLongForm(short: [Unicode.Scalar], long s: [Unicode.Scalar], range: Range<Int>) -> Int? {
        var sIndex = short.count - 1
        var lIndex = range.upperBound - 1
        while sIndex >= 0 {
            let c = lower(short[sIndex])
            if !OrganisationTokenizer.isWordScalar(c) { sIndex -= 1; continue }
            while lIndex >= range.lowerBound
                && (lower(s[lIndex]) != c
                    || (sIndex == 0 && lIndex > range.lowerBound && OrganisationTokenizer.isWordScalar(s[lIndex - 1])))
            {
                lIndex -= 1
            }
            if lIndex < range.lowerBound { return nil }
            lIndex -= 1
            sIndex -= 1
        }
        var start = lIndex + 1
        while start > range.lowerBound && !ScalarInfo.isWhitespace(s[start - 1]) { start -= 1 }
        return start
    }
}
