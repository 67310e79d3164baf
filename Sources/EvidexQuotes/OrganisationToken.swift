/// A word of the text with the forms that matching needs, computed once per document.
struct OrganisationToken: Sendable, Equatable {
    /// Code-point offsets into the text.
    var start: Int
    var end: Int
    /// End of the word without a trailing possessive, so mentions of "DHSC's" cover "DHSC".
    var baseEnd: Int
    /// As written, with a trailing possessive ('s, ’s, s') removed: acronyms compare on this,
    /// so "DHSC's" still links as DHSC.
    var base: String
    /// Lower-cased, apostrophes dropped, "&" spelt "and": names compare on this, which makes
    /// "King’s Fund", "King's Fund" and "Kings Fund" the same key.
    var key: String
    /// `key` of `base` ("health" for "Health's"), so a possessive name still matches.
    var stemKey: String
    /// First letter upper-case (or a digit): names written in running text keep their capitals,
    /// which is what separates "Home Office" from "home office".
    var isCapitalised: Bool
    /// Every letter upper-case; a run of these is a headline, where acronyms are unreliable.
    var isAllCaps: Bool
    /// Punctuation other than spaces, hyphens, slashes and apostrophes sits between this token
    /// and the previous one, so no name may span the gap.
    var breakBefore: Bool
    /// Starts a sentence (or a speaker turn), where capitals prove nothing.
    var sentenceInitial: Bool

    /// Every scalar of `base` is numeric.
    var isDigitsOnly: Bool
    /// `hash(of:)` of `key`, `stemKey` and `base`, so the linker can rule out gazetteer lookups
    /// with a bit test instead of hashing the strings (most words start no name).
    var keyHash: UInt64
    var stemHash: UInt64
    var baseHash: UInt64
    /// The word is all ASCII, so `keyHash` and `stemHash` are also `WordSet` hashes.
    var isASCII: Bool

    /// Ends in "'s" (not a bare plural apostrophe: "Directors'" is part of a name): `key` and
    /// `stemKey` differ in length. Stored because the pattern matcher asks for it often.
    var isPossessive: Bool

    /// `key == word`, where `hash` is `hash(of: word)`: comparing hashes first rejects nearly
    /// every token without a call into the string comparison (`keyHash` always hashes `key`,
    /// and a sparse token's empty `key` equals no word either way).
    @inline(__always)
    func hasKey(_ word: String, hash: UInt64) -> Bool {
        keyHash == hash && key == word
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
