/// A word or punctuation scalar of the text outside quotation marks.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, punct, quote(Int) }
    var range: Range<Int>
    var text: String
    var lower: String
    var kind: Kind
    /// Starts with an uppercase letter (names, organisations, sentence starts).
    var capitalised: Bool
    /// A quotation whose last words end a sentence and that the next sentence follows.
    var closesSentence = false
    /// A quotation whose words end in a comma (‘…,’ she said).
    var endsWithComma = false
    /// `WordSet.hash` of `lower` when `lower` is ASCII (`lowerASCII`), so that word-list
    /// lookups on tokens need not hash the string again.
    var lowerHash: UInt64 = 0
    var lowerASCII = false

    var isWord: Bool { kind == .word }
    var quoteIndex: Int? { if case .quote(let q) = kind { return q }; return nil }
    var endsSentence: Bool { (kind == .punct && (text == "." || text == "!" || text == "?")) || closesSentence }
    func isPunct(_ s: String) -> Bool { kind == .punct && text == s }
}
