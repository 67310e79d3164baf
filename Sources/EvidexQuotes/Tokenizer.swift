/// Splits text outside quotations into words and punctuation. Words keep internal apostrophes,
/// hyphens and dots (O’Neill, co-founder, U.S.) and abbreviations keep their final dot so that
/// "Mr. Trump" or "Sen. Sanders" does not end a sentence.
struct Tokenizer: Sendable {
    let text: [Unicode.Scalar]

    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "det", "u.s", "u.k", "u.n", "d.c",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
        "corp", "co", "ltd", "mt", "ft", "messrs", "a.m", "p.m", "e.g", "i.e", "etc", "calif", "fla", "ore",
        "ind", "ill", "mass", "mich", "minn", "wis", "conn", "del", "ky", "md", "mo", "nev", "tenn", "tex", "va",
        "wash", "ariz", "ark", "colo", "ga", "kan", "la", "miss", "mont", "neb", "okla", "pa", "vt", "wyo", "n.y",
        "n.j", "n.c", "s.c", "n.h", "r.i", "w.va", "n.m", "n.d", "s.d",
    ]

    func tokens(in r: Range<Int>) -> [Token] {
        var out: [Token] = []
        append(r, to: &out)
        return out
    }

    /// One-scalar strings of ASCII punctuation, made once rather than per token.
    static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Appends the tokens of `r` to `out`, stopping after `wordLimit` words (a caller that
    /// only wants short stretches need not tokenise long ones).
    func append(_ r: Range<Int>, to out: inout [Token], wordLimit: Int = .max) {
        // Unchecked access: every index below is tested against `r` first.
        text.withUnsafeBufferPointer { Self.append(r, of: $0, all: text, to: &out, wordLimit: wordLimit) }
    }

    private static func append(_ r: Range<Int>, of text: UnsafeBufferPointer<Unicode.Scalar>, all: [Unicode.Scalar],
                               to out: inout [Token], wordLimit: Int) {
        var words = 0
        var i = r.lowerBound
        let end = r.upperBound
        guard let p = UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: UInt32.self) else { return }
        while i < end {
            // ASCII words that no joiner or dot follows, punctuation and spaces: most of a
            // paragraph, in a loop of their own; this one takes what that leaves
            i = simpleRun(p, from: i, to: end, into: &out, words: &words, wordLimit: wordLimit)
            guard i < end else { break }
            let c = text[i]
            if c == " " || ScalarClass.isSpace(c) { i += 1; continue }
            if ScalarClass.isAlnum(c) {
                if words == wordLimit { return }
                words += 1
                var j = i + 1
                var ascii = c.isASCII
                // `WordSet` hash of the lower-case word, made as the word is read (used if ASCII)
                var hash = WordSet.step(WordSet.seed, Self.asciiLower(c.value))
                while j < end {
                    let d = text[j]
                    // ASCII letters and digits (most scalars of a word) tested by arithmetic
                    let v = d.value
                    if v < 0x80 {
                        if v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26 {
                            hash = WordSet.step(hash, Self.asciiLower(v))
                            j += 1
                            continue
                        }
                    } else if ScalarClass.isAlnum(d) {
                        ascii = false
                        hash = WordSet.step(hash, v)
                        j += 1
                        continue
                    }
                    // "9/11", "24/7": a slash between digits stays inside the word
                    let slash = d == "/" && ScalarClass.isDigit(text[j - 1]) && j + 1 < end && ScalarClass.isDigit(text[j + 1])
                    let joiner = d == "'" || d == "\u{2019}" || d == "-" || d == "." || d == "&" || d == "\u{2010}" || slash
                    if joiner && j + 1 < end && ScalarClass.isAlnum(text[j + 1]) {
                        let e = text[j + 1]
                        if !d.isASCII || !e.isASCII { ascii = false }
                        hash = WordSet.step(WordSet.step(hash, Self.asciiLower(d.value)), Self.asciiLower(e.value))
                        j += 2
                        continue
                    }
                    break
                }
                let single = j - i == 1 && ScalarClass.isUpper(c)
                // "(D-Wis.)" and "Inc.," : a dot right before a bracket or comma ends no sentence
                if j < end && text[j] == "." {
                    let beforeBracket = j + 1 < end && (text[j + 1] == ")" || text[j + 1] == ",")
                    if beforeBracket || ((single || Self.isAbbreviation(text, all, i, j, ascii: ascii, hash: hash))
                        && !(Self.hasInnerDot(text, i, j) && Self.opensSentence(text, after: j + 1, end: end))) {
                        j += 1
                        hash = WordSet.step(hash, 0x2E)
                    }
                }
                out.append(Token(range: i..<j, kind: .word,
                                 capitalised: ScalarClass.isUpper(c), lowerHash: hash, lowerASCII: ascii))
                i = j
                continue
            }
            out.append(Token(range: i..<(i + 1), kind: .punct, capitalised: false,
                             lowerHash: WordSet.step(WordSet.seed, c.value), lowerASCII: c.isASCII))
            i += 1
        }
    }

    /// Tokenises from `start` what needs none of the general loop's rules, exactly as it would:
    /// ASCII spaces, ASCII punctuation, and ASCII words followed by neither a joiner (' - & /),
    /// a dot nor a non-ASCII scalar. Returns where it stopped: the end, the word limit, a
    /// non-ASCII scalar or a word it does not take (read again by the general loop).
    @inline(never)
    static func simpleRun(_ p: UnsafePointer<UInt32>, from start: Int, to end: Int, into out: inout [Token],
                          words: inout Int, wordLimit: Int) -> Int {
        var i = start
        while i < end {
            let v = p[i]
            guard v < 0x80 else { return i }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F) {
                i += 1
                continue
            }
            guard v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26 else {
                out.append(Token(range: i..<(i + 1), kind: .punct, capitalised: false,
                                 lowerHash: WordSet.step(WordSet.seed, v), lowerASCII: true))
                i += 1
                continue
            }
            if words == wordLimit { return i }
            var j = i + 1
            var hash = WordSet.step(WordSet.seed, asciiLower(v))
            while j < end {
                let w = p[j]
                guard w &- 0x30 < 10 || (w | 0x20) &- 0x61 < 26 else { break }
                hash = WordSet.step(hash, asciiLower(w))
                j += 1
            }
            if j < end {
                let w = p[j]
                if w >= 0x80 || w == 0x27 || w == 0x2D || w == 0x2E || w == 0x26 || w == 0x2F { return i }
            }
            words += 1
            out.append(Token(range: i..<j, kind: .word, capitalised: v &- 0x41 < 26, lowerHash: hash, lowerASCII: true))
            i = j
        }
        return i
    }

    /// "U.S.", "D.C.", "a.m.": an abbreviation with a dot inside, which can end a sentence.
    static func hasInnerDot(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> Bool {
        (a..<b).contains { text[$0] == "." }
    }

    /// Whether the word after `start` (past spaces) is one that begins sentences and rarely
    /// follows such an abbreviation inside one: "… terrorist attacks in the U.S. He says …".
    static func opensSentence(_ text: UnsafeBufferPointer<Unicode.Scalar>, after start: Int, end: Int) -> Bool {
        var k = start
        while k < end && text[k] == " " { k += 1 }
        guard k < end, k > start else { return false }
        var e = k
        var hash = WordSet.seed
        while e < end, text[e].value < 0x80, ScalarClass.isAlnum(text[e]) {
            hash = WordSet.step(hash, asciiLower(text[e].value))
            e += 1
        }
        guard e > k, ScalarClass.isUpper(text[k]), e == end || !ScalarClass.isAlnum(text[e]) else { return false }
        return sentenceOpeners.contains(asciiWord: text, k, e, hash: hash)
    }

    static let sentenceOpeners: WordSet = ["he", "she", "it", "they", "we", "i", "the", "but", "this", "that", "in", "his", "her"]

    @inline(__always)
    static func asciiLower(_ v: UInt32) -> UInt32 {
        v >= 65 && v <= 90 ? v + 32 : v
    }

    /// Whether the word a..<b, lower-cased, is in `abbreviations`; `hash` is its `WordSet` hash
    /// when it is ASCII, so the test makes no string then.
    static func isAbbreviation(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ all: [Unicode.Scalar], _ a: Int, _ b: Int,
                               ascii: Bool, hash: UInt64) -> Bool {
        guard ascii else { return abbreviations.contains(ScalarInfo.string(all, a..<b).lowercased()) }
        return abbreviations.contains(asciiWord: text, a, b, hash: hash)
    }

    /// ASCII scalars a..<b as a string, lower-cased if asked.
    static func asciiString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int, lower: Bool) -> String {
        String(unsafeUninitializedCapacity: b - a) { buf in
            for k in a..<b {
                var v = scalars[k].value
                if lower && v >= 65 && v <= 90 { v += 32 }
                buf[k - a] = UInt8(truncatingIfNeeded: v)
            }
            return b - a
        }
    }
}

extension WordSet {
    /// Whether the ASCII word text[a..<b], lower-cased, is in the set; `hash` is its `WordSet`
    /// hash, so no string is made unless the set holds non-ASCII words.
    func contains(asciiWord text: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int, hash: UInt64) -> Bool {
        contains(hash: hash) { word in
            guard word.utf8.count == b - a else { return false }
            var k = a
            for byte in word.utf8 {
                if UInt32(byte) != Tokenizer.asciiLower(text[k].value) { return false }
                k += 1
            }
            return true
        } string: {
            Tokenizer.asciiString(text, a, b, lower: true)
        }
    }
}
