/// Splits text into `OrganisationToken`s in one pass over its code points. Works on an array of
/// scalars rather than Characters because offsets must be code points and the loop is hot.
enum OrganisationTokenizer {
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{2018}" || s == "`"
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return ScalarInfo.has(s, ScalarInfo.alphabetic | ScalarInfo.numeric)
    }

    /// Characters that may sit inside a multi-word name without breaking it.
    static func isSoftGap(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "-" || s == "/" || s == "\u{00A0}" || s == "\u{2010}"
            || s == "\u{2011}" || isApostrophe(s)
    }

    static func tokens(in scalars: [Unicode.Scalar]) -> [OrganisationToken] {
        // Unchecked access: every index below is tested against the count first.
        scalars.withUnsafeBufferPointer { tokens(in: $0) }
    }

    static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [OrganisationToken] {
        var out: [OrganisationToken] = []
        tokens(in: scalars, into: &out)
        return out
    }

    /// `tokens(in:)` appended to `out`.
    static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>, into out: inout [OrganisationToken]) {
        // Tokens keep 32-bit offsets; the loader's file limit keeps texts far below this.
        precondition(scalars.count < Int(UInt32.max), "text of \(scalars.count) code points is too long to link")
        out.reserveCapacity(out.count + scalars.count / 5)
        var i = 0
        let n = scalars.count
        var pendingBreak = true
        var pendingSentence = true
        asciiClasses.withUnsafeBufferPointer { classes in
        while i < n {
            // Most of a text is lower-case ASCII words with spaces and punctuation between:
            // a loop of its own takes them, and this one only what that leaves.
            i = plainRun(scalars, from: i, classes: classes.baseAddress!, into: &out,
                         pendingBreak: &pendingBreak, pendingSentence: &pendingSentence)
            guard i < n else { break }
            let s = scalars[i]
            // ASCII spaces and punctuation (most non-word scalars) are classed by one lookup.
            if s.value < 0x80 && s != "&" {
                let cls = classes[Int(s.value)]
                if cls & wordClass == 0 {
                    if cls & softGapClass == 0 {
                        pendingBreak = true
                        if cls & sentenceEndClass != 0 { pendingSentence = true }
                    }
                    i += 1
                    continue
                }
            }
            if s == "&" {
                out.append(OrganisationToken(
                    start: i, end: i + 1, baseEnd: i + 1,
                    isCapitalised: false, isAllCaps: false, breakBefore: pendingBreak,
                    sentenceInitial: false, isDigitsOnly: false, keyHash: andHash, stemHash: andHash,
                    baseHash: ampersandHash, isASCII: true, isPossessive: false, isAmpersand: true))
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
            var high: UInt32 = 0   // any scalar above ASCII sets bits here
            // Read along for the common word: ASCII letters and digits only, no capital, no
            // apostrophe. Its three forms are then the same string with the same hash, so
            // `makeASCIIToken` (a second pass hashing three forms) is not needed.
            var plain = true
            var allDigits = true
            var hash = OrganisationToken.hashSeed
            while j < n {
                let c = scalars[j]
                if c.value < 0x80 {
                    let cls = classes[Int(c.value)]
                    if cls & wordClass != 0 {
                        if cls & upperClass != 0 { plain = false }
                        if cls & digitClass == 0 { allDigits = false }
                        hash = OrganisationToken.hashStep(hash, c)
                        j += 1
                        continue
                    }
                } else if isWordScalar(c) {
                    high |= c.value & ~0x7F
                    j += 1
                    continue
                }
                // Keep an apostrophe inside a word (King's) or after a final s (Thomas').
                if isApostrophe(c) {
                    if j + 1 < n && isWordScalar(scalars[j + 1]) { high |= c.value & ~0x7F; plain = false; j += 1; continue }
                    if j > start && (scalars[j - 1] == "s" || scalars[j - 1] == "S") { high |= c.value & ~0x7F; plain = false; j += 1; continue }
                }
                break
            }
            if high == 0 && plain {
                out.append(makePlainToken(scalars, start, j, hash, allDigits, pendingBreak, pendingSentence))
            } else {
                out.append(high == 0
                    ? makeASCIIToken(scalars, start, j, baseEnd(scalars, start, j), pendingBreak, pendingSentence)
                    : makeToken(scalars, start, j, pendingBreak, pendingSentence))
            }
            pendingBreak = false
            pendingSentence = false
            i = j
        }
        }
    }

    /// Tokenises from `start` the words of ASCII letters and digits (no apostrophe) and the
    /// ASCII spaces and punctuation between them, exactly as the general loop would, and
    /// returns where it stopped: at the end, at a word it does not take (a non-ASCII scalar or
    /// an apostrophe after it: the word is read again by the general loop), at "&" or at a
    /// non-ASCII scalar. A function of its own, so that its
    /// loop keeps its values in registers.
    @inline(never)
    static func plainRun(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, classes: UnsafePointer<UInt8>,
                         into out: inout [OrganisationToken], pendingBreak: inout Bool, pendingSentence: inout Bool) -> Int {
        guard let p = UnsafeRawPointer(scalars.baseAddress)?.assumingMemoryBound(to: UInt32.self) else { return start }
        let n = scalars.count
        var i = start
        while i < n {
            let v = p[i]
            guard v < 0x80 else { return i }
            let cls = classes[Int(v)]
            if cls & wordClass == 0 {
                if v == 0x26 { return i }   // "&" is a token of its own
                if cls & softGapClass == 0 {
                    pendingBreak = true
                    if cls & sentenceEndClass != 0 { pendingSentence = true }
                }
                i += 1
                continue
            }
            var j = i + 1
            var hash = OrganisationToken.hashStep(OrganisationToken.hashSeed, Unicode.Scalar(UInt8(v)))
            var every = cls
            var any = cls
            while j < n {
                let w = p[j]
                guard w < 0x80 else { break }
                let c = classes[Int(w)]
                guard c & wordClass != 0 else { break }
                every &= c
                any |= c
                hash = (hash ^ UInt64(w)) &* 0x100_0000_01b3
                j += 1
            }
            // a non-ASCII scalar or an apostrophe may continue the word
            if j < n, p[j] >= 0x80 || p[j] == 0x27 || p[j] == 0x60 { return i }
            if any & upperClass == 0 {
                out.append(makePlainToken(scalars, i, j, hash, every & digitClass != 0, pendingBreak, pendingSentence))
            } else {
                // `makeASCIIToken` for a word without an apostrophe: its base is the word as
                // written (`hash`), its key and stem the word lower-cased
                var lower = OrganisationToken.hashSeed
                for k in i..<j {
                    let w = p[k]
                    lower = (lower ^ UInt64(w >= 65 && w <= 90 ? w + 32 : w)) &* 0x100_0000_01b3
                }
                out.append(OrganisationToken(
                    start: i, end: j, baseEnd: j,
                    isCapitalised: cls & (upperClass | digitClass) != 0, isAllCaps: any & lowerClass == 0,
                    breakBefore: pendingBreak, sentenceInitial: pendingSentence, isDigitsOnly: every & digitClass != 0,
                    keyHash: lower, stemHash: lower, baseHash: hash, isASCII: true, isPossessive: false))
            }
            pendingBreak = false
            pendingSentence = false
            i = j
        }
        return i
    }

    static let wordClass: UInt8 = 1
    static let softGapClass: UInt8 = 2
    static let sentenceEndClass: UInt8 = 4
    static let upperClass: UInt8 = 8
    static let digitClass: UInt8 = 16
    static let lowerClass: UInt8 = 32
    /// `isWordScalar`, `isSoftGap`, the sentence-ending test, capitals and digits for ASCII
    /// scalars.
    static let asciiClasses: [UInt8] = (0..<128).map { v in
        let s = Unicode.Scalar(UInt8(v))
        var c: UInt8 = 0
        if v >= 65 && v <= 90 { c |= upperClass }
        if v >= 48 && v <= 57 { c |= digitClass }
        if v >= 97 && v <= 122 { c |= lowerClass }
        if isWordScalar(s) { c |= wordClass }
        if isSoftGap(s) { c |= softGapClass }
        if s == "." || s == "!" || s == "?" || s == ":" || s == "\n" || s == "\r" { c |= sentenceEndClass }
        return c
    }

    static let andHash = OrganisationToken.hash(of: "and")
    static let ampersandHash = OrganisationToken.hash(of: "&")

    /// End of the word without a possessive: drop "'s" / "’s" at the end, or a bare trailing
    /// apostrophe.
    @inline(__always)
    static func baseEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        if end - start >= 3, isApostrophe(scalars[end - 2]), scalars[end - 1] == "s" || scalars[end - 1] == "S" {
            return end - 2
        } else if end - start >= 2, isApostrophe(scalars[end - 1]) {
            return end - 1
        }
        return end
    }

    static func makeToken(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, _ brk: Bool, _ sentence: Bool
    ) -> OrganisationToken {
        let baseEnd = baseEnd(scalars, start, end)
        var ascii = true
        for k in start..<end where !scalars[k].isASCII {
            ascii = false
            break
        }
        if ascii { return makeASCIIToken(scalars, start, end, baseEnd, brk, sentence) }
        // Only `isPossessive` needs these strings (their lengths in Characters); words with
        // non-ASCII letters are few.
        var key = String.UnicodeScalarView()
        var stem = String.UnicodeScalarView()
        var letters = 0
        var uppers = 0
        var digitsOnly = true
        var keyHash = OrganisationToken.hashSeed
        var stemHash = OrganisationToken.hashSeed
        var baseHash = OrganisationToken.hashSeed
        for k in start..<end {
            let c = scalars[k]
            let flags = ScalarInfo.flags(c)
            if k < baseEnd {
                baseHash = OrganisationToken.hashStep(baseHash, c)
                if flags & ScalarInfo.numeric == 0 { digitsOnly = false }
            }
            if isApostrophe(c) { continue }
            if flags & ScalarInfo.alphabetic != 0 {
                letters += 1
                if flags & ScalarInfo.uppercase != 0 { uppers += 1 }
            }
            let lower = ScalarInfo.lower(c)
            key.append(lower)
            keyHash = OrganisationToken.hashStep(keyHash, lower)
            if k < baseEnd {
                stem.append(lower)
                stemHash = OrganisationToken.hashStep(stemHash, lower)
            }
        }
        let first = ScalarInfo.flags(scalars[start])
        let capitalised = first & (ScalarInfo.uppercase | ScalarInfo.numeric) != 0
        let keyString = String(key), stemString = String(stem)
        return OrganisationToken(
            start: start, end: end, baseEnd: baseEnd,
            isCapitalised: capitalised, isAllCaps: letters > 0 && uppers == letters,
            breakBefore: brk, sentenceInitial: sentence, isDigitsOnly: digitsOnly,
            keyHash: keyHash, stemHash: stemHash, baseHash: baseHash, isASCII: false,
            isPossessive: keyString.count != stemString.count)
    }

    /// `makeASCIIToken` for a word of lower-case ASCII letters and digits without apostrophes
    /// (most words), whose hash the scan has already made: its three forms are the word as
    /// written with one hash, and it cannot be possessive or all capitals.
    @inline(__always)
    static func makePlainToken(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, _ hash: UInt64, _ allDigits: Bool,
        _ brk: Bool, _ sentence: Bool
    ) -> OrganisationToken {
        // Only a digit can make such a word capitalised.
        let capitalised = scalars[start].value <= 57
        return OrganisationToken(
            start: start, end: end, baseEnd: end,
            isCapitalised: capitalised, isAllCaps: false,
            breakBefore: brk, sentenceInitial: sentence, isDigitsOnly: allDigits,
            keyHash: hash, stemHash: hash, baseHash: hash, isASCII: true,
            isPossessive: false)
    }

    /// `makeToken` for a word of ASCII scalars, the common case.
    static func makeASCIIToken(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, _ baseEnd: Int, _ brk: Bool, _ sentence: Bool
    ) -> OrganisationToken {
        var letters = 0
        var uppers = 0
        var digitsOnly = true
        var keyLength = 0
        var stemLength = 0
        var keyHash = OrganisationToken.hashSeed
        var stemHash = OrganisationToken.hashSeed
        var baseHash = OrganisationToken.hashSeed
        for k in start..<end {
            let c = scalars[k]
            let v = c.value
            if k < baseEnd {
                baseHash = OrganisationToken.hashStep(baseHash, c)
                if v < 48 || v > 57 { digitsOnly = false }
            }
            if v == 39 || v == 96 { continue }
            var lower = v
            if v >= 65 && v <= 90 {
                letters += 1
                uppers += 1
                lower = v + 32
            } else if v >= 97 && v <= 122 {
                letters += 1
            }
            let l = Unicode.Scalar(UInt8(lower))
            keyHash = OrganisationToken.hashStep(keyHash, l)
            keyLength += 1
            if k < baseEnd {
                stemHash = OrganisationToken.hashStep(stemHash, l)
                stemLength += 1
            }
        }
        let f = scalars[start].value
        let capitalised = (f >= 65 && f <= 90) || (f >= 48 && f <= 57)
        return OrganisationToken(
            start: start, end: end, baseEnd: baseEnd,
            isCapitalised: capitalised, isAllCaps: letters > 0 && uppers == letters,
            breakBefore: brk, sentenceInitial: sentence, isDigitsOnly: digitsOnly,
            keyHash: keyHash, stemHash: stemHash, baseHash: baseHash, isASCII: true,
            isPossessive: keyLength != stemLength)
    }
}
