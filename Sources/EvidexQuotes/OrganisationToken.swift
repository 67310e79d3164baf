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

    /// Ends in "'s" (not a bare plural apostrophe: "Directors'" is part of a name).
    var isPossessive: Bool { key.count != stemKey.count }
    var isDigitsOnly: Bool { base.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }
}
