/// A word of the text with the flags and hashes that matching needs, computed once per
/// document. It holds no strings: its forms (`base`, `key`, `stemKey`) are ranges of the text's
/// scalars, compared by hash and then scalar by scalar, and built as strings only where a
/// lookup or a result needs one. Building three strings per word, and retaining and releasing
/// them whenever a token was copied or freed, was most of the linker's tokenising cost.
struct OrganisationToken: Sendable, Equatable {
    // Stored compactly (40 bytes, not 64): a document's tokens are one array of about a fifth
    // as many entries as it has code points, and at 64 bytes a hearing day's array passed the
    // allocator's 1 MB mmap threshold, so every day's tokens were written to fresh pages: the
    // page faults were half of tokenising.
    /// `hash(of:)` of `key`, `stemKey` and `base`, so the linker can rule out gazetteer lookups
    /// with a bit test instead of hashing the strings (most words start no name).
    let keyHash: UInt64
    let stemHash: UInt64
    let baseHash: UInt64
    private let start32: UInt32
    private let end32: UInt32
    private let flags: UInt16
    /// `end − baseEnd` (0, 1 or 2).
    private let possessiveLength: UInt8

    /// Code-point offsets into the text.
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    /// End of the word without a trailing possessive, so mentions of "DHSC's" cover "DHSC".
    var baseEnd: Int { Int(end32) - Int(possessiveLength) }
    /// First letter upper-case (or a digit): names written in running text keep their capitals,
    /// which is what separates "Home Office" from "home office".
    var isCapitalised: Bool { flags & Self.capitalisedFlag != 0 }
    /// Every letter upper-case; a run of these is a headline, where acronyms are unreliable.
    var isAllCaps: Bool { flags & Self.allCapsFlag != 0 }
    /// Punctuation other than spaces, hyphens, slashes and apostrophes sits between this token
    /// and the previous one, so no name may span the gap.
    var breakBefore: Bool { flags & Self.breakFlag != 0 }
    /// Starts a sentence (or a speaker turn), where capitals prove nothing.
    var sentenceInitial: Bool { flags & Self.sentenceFlag != 0 }
    /// Every scalar of `base` is numeric.
    var isDigitsOnly: Bool { flags & Self.digitsFlag != 0 }
    /// The word is all ASCII, so `keyHash` and `stemHash` are also `WordSet` hashes, and its
    /// forms compare with a string byte by byte.
    var isASCII: Bool { flags & Self.asciiFlag != 0 }
    /// Ends in "'s" (not a bare plural apostrophe: "Directors'" is part of a name): `key` and
    /// `stemKey` differ in length. Stored because the pattern matcher asks for it often.
    var isPossessive: Bool { flags & Self.possessiveFlag != 0 }
    /// The "&" token, whose base is "&" but whose key is "and" (not a form of its scalars).
    var isAmpersand: Bool { flags & Self.ampersandFlag != 0 }

    private static let capitalisedFlag: UInt16 = 1
    private static let allCapsFlag: UInt16 = 2
    private static let breakFlag: UInt16 = 4
    private static let sentenceFlag: UInt16 = 8
    private static let digitsFlag: UInt16 = 16
    private static let asciiFlag: UInt16 = 32
    private static let possessiveFlag: UInt16 = 64
    private static let ampersandFlag: UInt16 = 128

    /// Offsets must fit in 32 bits (`OrganisationTokenizer.tokens` checks the text's length).
    @inline(__always)
    init(start: Int, end: Int, baseEnd: Int, isCapitalised: Bool, isAllCaps: Bool, breakBefore: Bool,
         sentenceInitial: Bool, isDigitsOnly: Bool, keyHash: UInt64, stemHash: UInt64, baseHash: UInt64,
         isASCII: Bool, isPossessive: Bool, isAmpersand: Bool = false) {
        self.keyHash = keyHash
        self.stemHash = stemHash
        self.baseHash = baseHash
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        possessiveLength = UInt8(truncatingIfNeeded: end - baseEnd)
        var f: UInt16 = 0
        if isCapitalised { f |= Self.capitalisedFlag }
        if isAllCaps { f |= Self.allCapsFlag }
        if breakBefore { f |= Self.breakFlag }
        if sentenceInitial { f |= Self.sentenceFlag }
        if isDigitsOnly { f |= Self.digitsFlag }
        if isASCII { f |= Self.asciiFlag }
        if isPossessive { f |= Self.possessiveFlag }
        if isAmpersand { f |= Self.ampersandFlag }
        flags = f
    }

    /// The three forms of a word.
    enum Form: Sendable {
        /// As written, with a trailing possessive ('s, ’s, s') removed: acronyms compare on
        /// this, so "DHSC's" still links as DHSC.
        case base
        /// Lower-cased, apostrophes dropped, "&" spelt "and": names compare on this, which
        /// makes "King’s Fund", "King's Fund" and "Kings Fund" the same key.
        case key
        /// `key` of `base` ("health" for "Health's"), so a possessive name still matches.
        case stem
    }

    func base(_ scalars: [Unicode.Scalar]) -> String { string(.base, scalars) }
    func key(_ scalars: [Unicode.Scalar]) -> String { string(.key, scalars) }
    func stemKey(_ scalars: [Unicode.Scalar]) -> String { string(.stem, scalars) }

    /// The form as a string, made exactly as the tokenizer used to store it.
    func string(_ form: Form, _ scalars: [Unicode.Scalar]) -> String {
        if isAmpersand { return form == .base ? "&" : "and" }
        let upper = form == .key ? end : baseEnd
        if isASCII {
            return String(unsafeUninitializedCapacity: upper - start) { buf in
                var n = 0
                for k in start..<upper {
                    guard let v = Self.asciiFormValue(scalars[k].value, form) else { continue }
                    buf[n] = UInt8(truncatingIfNeeded: v)
                    n += 1
                }
                return n
            }
        }
        var out = String.UnicodeScalarView()
        for k in start..<upper {
            let c = scalars[k]
            if form == .base {
                out.append(c)
            } else if !OrganisationTokenizer.isApostrophe(c) {
                out.append(ScalarInfo.lower(c))
            }
        }
        return String(out)
    }

    /// `string(form, scalars) == word`. An ASCII form is compared with the word's UTF-8
    /// without making a string (an ASCII string equals only the same bytes); other forms are
    /// built and compared as strings, which keeps String's canonical equivalence.
    func equals(_ form: Form, _ word: String, _ scalars: [Unicode.Scalar]) -> Bool {
        if isAmpersand || !isASCII { return string(form, scalars) == word }
        let upper = form == .key ? end : baseEnd
        // The word's bytes in place (a native string has them contiguous; `withUTF8` otherwise): iterating
        // its UTF-8 view cost a few hundred instructions a word, and the linker compares a
        // candidate's words with every gazetteer name that starts the same way.
        @inline(__always) func same(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            scalars.withUnsafeBufferPointer { text in
                var n = 0
                for k in start..<upper {
                    guard let v = Self.asciiFormValue(text[k].value, form) else { continue }
                    guard n < bytes.count, UInt32(bytes[n]) == v else { return false }
                    n += 1
                }
                return n == bytes.count
            }
        }
        if let r = word.utf8.withContiguousStorageIfAvailable(same) { return r }
        var word = word
        return word.withUTF8(same)
    }

    /// An ASCII scalar of a word as it stands in `form`: as written in `base`; lower-cased, and
    /// nil for an apostrophe (dropped), in `key` and `stem`.
    @inline(__always)
    static func asciiFormValue(_ v: UInt32, _ form: Form) -> UInt32? {
        guard form != .base else { return v }
        if v == 39 || v == 96 { return nil }
        return v >= 65 && v <= 90 ? v + 32 : v
    }

    /// `equals(form, word, scalars)`, where `hash` is `hash(of: word)`: an ASCII token's own hash
    /// of that form rules out nearly every other word before any scalar is compared.
    @inline(__always)
    func has(_ form: Form, _ word: String, hash: UInt64, _ scalars: [Unicode.Scalar]) -> Bool {
        if isASCII && !isAmpersand {
            let own = form == .key ? keyHash : form == .stem ? stemHash : baseHash
            if own != hash { return false }
        }
        return equals(form, word, scalars)
    }

    /// `key == word`, where `hash` is `hash(of: word)`: comparing hashes first rejects nearly
    /// every token without looking at its scalars (`keyHash` always hashes `key`).
    @inline(__always)
    func hasKey(_ word: String, hash: UInt64, _ scalars: [Unicode.Scalar]) -> Bool {
        keyHash == hash && equals(.key, word, scalars)
    }

    /// `key.count`: for an ASCII word, its scalars less apostrophes.
    func keyCount(_ scalars: [Unicode.Scalar]) -> Int {
        if isAmpersand || !isASCII { return key(scalars).count }
        var n = 0
        for k in start..<end where scalars[k].value != 39 && scalars[k].value != 96 { n += 1 }
        return n
    }

    /// `key != stemKey`: they can only differ when a possessive was cut from the base.
    func keyDiffersFromStem(_ scalars: [Unicode.Scalar]) -> Bool {
        baseEnd != end && key(scalars) != stemKey(scalars)
    }

    /// `hash(of:)` of words compared often, written out so that reading them costs no
    /// lazy-initialisation check.
    static let theHash: UInt64 = 0x56f5_c919_4461_d57c
    static let hisHash: UInt64 = 0x3373_2319_3006_782b
    static let herHash: UInt64 = 0x334a_1a19_2fe3_63cc
    static let andWordHash: UInt64 = 0xe6f7_9719_051f_f286

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a over scalar values: cheap to compute while a token is built.
    @inline(__always)
    static func hashStep(_ h: UInt64, _ s: Unicode.Scalar) -> UInt64 {
        (h ^ UInt64(s.value)) &* 0x100_0000_01b3
    }

    static func hash(of text: String) -> UInt64 {
        var h = hashSeed
        for s in text.unicodeScalars { h = hashStep(h, s) }
        return h
    }
}
