/// One matchable form of a record (its name, an alias, a former name or an acronym), stored as
/// the token keys the linker compares against, so matching never re-tokenises gazetteer text.
/// A class of immutable fields: the linker reads a variant for every candidate word, and a
/// struct of four arrays was copied (four retains and releases) at each read.
final class OrganisationNameVariant: Sendable {
    /// Name keys (lower-case, no apostrophes) or, for acronyms, the exact token text.
    let tokens: [String]
    /// `OrganisationToken.hash(of:)` of each ASCII token (nil for others): an ASCII text token
    /// whose form hashes differently cannot equal it, which rejects most candidates before
    /// any scalar is compared (matching was a third of linking in evidence transcripts).
    let hashes: [UInt64?]
    /// Which tokens are capitalised in the written form; the text must capitalise them too,
    /// which is what keeps "home office" and "in unison" from linking.
    let capitalised: [Bool]
    /// Whether punctuation separates token k from token k-1 in the written form, so a text
    /// may cross a comma or bracket only where the name itself has one.
    let gapBefore: [Bool]
    let recordIndex: Int
    let isAcronym: Bool
    /// Ambiguous on its own ("DH", "Sage", "Monitor"): linked only when the document also names
    /// the same organisation unambiguously or defines the acronym.
    let needsSupport: Bool
    /// A one-word name that is also an ordinary word ("Unite"): not linked sentence-initially.
    let commonWord: Bool

    init(tokens: [String], capitalised: [Bool], gapBefore: [Bool], recordIndex: Int, isAcronym: Bool,
         needsSupport: Bool, commonWord: Bool) {
        self.tokens = tokens
        self.capitalised = capitalised
        self.gapBefore = gapBefore
        self.recordIndex = recordIndex
        self.isAcronym = isAcronym
        self.needsSupport = needsSupport
        self.commonWord = commonWord
        hashes = tokens.map(Self.asciiHash)
    }

    /// The same variant, needing support or not.
    func with(needsSupport: Bool) -> OrganisationNameVariant {
        OrganisationNameVariant(tokens: tokens, capitalised: capitalised, gapBefore: gapBefore, recordIndex: recordIndex,
                                isAcronym: isAcronym, needsSupport: needsSupport, commonWord: commonWord)
    }

    static func asciiHash(_ word: String) -> UInt64? {
        word.utf8.allSatisfy { $0 < 0x80 } ? OrganisationToken.hash(of: word) : nil
    }

    /// `t.equals(form, tokens[k], scalars)`, rejecting on the hashes first where both are ASCII
    /// (ASCII strings are equal only when their bytes are).
    @inline(__always)
    func token(_ k: Int, equals t: OrganisationToken, _ form: OrganisationToken.Form, _ scalars: [Unicode.Scalar]) -> Bool {
        if t.isASCII && !t.isAmpersand, let h = hashes[k] {
            let th = form == .key ? t.keyHash : form == .stem ? t.stemHash : t.baseHash
            if th != h { return false }
        }
        return t.equals(form, tokens[k], scalars)
    }
}
