/// Splits text into `OrganisationToken`s in one pass over its code points. Works on an array of
/// scalars rather than Characters because offsets must be code points and the loop is hot.
enum OrganisationTokenizer {
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{2018}" || s == "`"
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Characters that may sit inside a multi-word name without breaking it.
    static func isSoftGap(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "-" || s == "/" || s == "\u{00A0}" || s == "\u{2010}"
            || s == "\u{2011}" || isApostrophe(s)
    }

    static func tokens(in scalars: [Unicode.Scalar]) -> [OrganisationToken] {
        var out: [OrganisationToken] = []
        out.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        var pendingBreak = true
        var pendingSentence = true
        while i < n {
            let s = scalars[i]
            if s == "&" {
                out.append(OrganisationToken(
                    start: i, end: i + 1, baseEnd: i + 1, base: "&", key: "and", stemKey: "and",
                    isCapitalised: false, isAllCaps: false, breakBefore: pendingBreak,
                    sentenceInitial: false))
                pendingBreak = false
                pendingSentence = false
                i += 1
                continue
            }
            if !isWordScalar(s) {
                if !isSoftGap(s) {
                    pendingBreak = true
                    // A colon ends a speaker label ("**Name**: text"); a newline ends a paragraph.
                    if s == "." || s == "!" || s == "?" || s == ":" || s == "\n" || s == "\r" {
                        pendingSentence = true
                    }
                }
                i += 1
                continue
            }
            let start = i
            var j = i
            while j < n {
                let c = scalars[j]
                if isWordScalar(c) { j += 1; continue }
                // Keep an apostrophe inside a word (King's) or after a final s (Thomas').
                if isApostrophe(c) {
                    if j + 1 < n && isWordScalar(scalars[j + 1]) { j += 1; continue }
                    if j > start && (scalars[j - 1] == "s" || scalars[j - 1] == "S") { j += 1; continue }
                }
                break
            }
            out.append(makeToken(scalars, start, j, pendingBreak, pendingSentence))
            pendingBreak = false
            pendingSentence = false
            i = j
        }
        return out
    }

    static func makeToken(
        _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ brk: Bool, _ sentence: Bool
    ) -> OrganisationToken {
        var baseEnd = end
        // Possessive: drop "'s" / "’s" at the end, or a bare trailing apostrophe.
        if end - start >= 3, isApostrophe(scalars[end - 2]), scalars[end - 1] == "s" || scalars[end - 1] == "S" {
            baseEnd = end - 2
        } else if end - start >= 2, isApostrophe(scalars[end - 1]) {
            baseEnd = end - 1
        }
        var base = String.UnicodeScalarView()
        var key = String.UnicodeScalarView()
        var stem = String.UnicodeScalarView()
        var letters = 0
        var uppers = 0
        for k in start..<end {
            let c = scalars[k]
            if k < baseEnd { base.append(c) }
            if isApostrophe(c) { continue }
            if c.properties.isAlphabetic {
                letters += 1
                if c.properties.isUppercase { uppers += 1 }
            }
            let lower: Unicode.Scalar
            if c.isASCII, c.value >= 65, c.value <= 90 {
                lower = Unicode.Scalar(c.value + 32)!
            } else if !c.isASCII, c.properties.changesWhenLowercased {
                let mapped = c.properties.lowercaseMapping.unicodeScalars
                lower = mapped.count == 1 ? mapped.first! : c
            } else {
                lower = c
            }
            key.append(lower)
            if k < baseEnd { stem.append(lower) }
        }
        let first = scalars[start]
        let capitalised = first.properties.isUppercase || first.properties.numericType != nil
        return OrganisationToken(
            start: start, end: end, baseEnd: baseEnd, base: String(base), key: String(key), stemKey: String(stem),
            isCapitalised: capitalised, isAllCaps: letters > 0 && uppers == letters,
            breakBefore: brk, sentenceInitial: sentence)
    }
}
