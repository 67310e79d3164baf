/// One matchable form of a record (its name, an alias, a former name or an acronym), stored as
/// the token keys the linker compares against, so matching never re-tokenises gazetteer text.
struct OrganisationNameVariant: Sendable {
    /// Name keys (lower-case, no apostrophes) or, for acronyms, the exact token text.
    var tokens: [String]
    /// Which tokens are capitalised in the written form; the text must capitalise them too,
    /// which is what keeps "home office" and "in unison" from linking.
    var capitalised: [Bool]
    /// Whether punctuation separates token k from token k-1 in the written form, so a text
    /// may cross a comma or bracket only where the name itself has one.
    var gapBefore: [Bool]
    var recordIndex: Int
    var isAcronym: Bool
    /// Ambiguous on its own ("DH", "Sage", "Monitor"): linked only when the document also names
    /// the same organisation unambiguously or defines the acronym.
    var needsSupport: Bool
    /// A one-word name that is also an ordinary word ("Unite"): not linked sentence-initially.
    var commonWord: Bool
}
