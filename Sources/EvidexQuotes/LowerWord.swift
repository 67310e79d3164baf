/// A lower-case ASCII word that tokens are compared with often, with its `WordSet` hash made
/// once: a token's own hash then rules out nearly every other word before any scalar is read.
struct LowerWord: Sendable {
    let text: String
    let hash: UInt64
    let count: Int

    init(_ text: String) {
        // only ASCII words: a token's hash is its lower-case form's only when that is ASCII
        precondition(text.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "LowerWord must be lower-case ASCII")
        self.text = text
        hash = WordSet.asciiHash(text)!
        count = text.utf8.count
    }

    static let according = LowerWord("according")
    static let and = LowerWord("and")
    static let but = LowerWord("but")
    static let `for` = LowerWord("for")
    static let on = LowerWord("on")
    static let out = LowerWord("out")
    static let pointed = LowerWord("pointed")
    static let that = LowerWord("that")
    static let by = LowerWord("by")
    static let the = LowerWord("the")
    static let to = LowerWord("to")
    static let who = LowerWord("who")
    static let went = LowerWord("went")
    static let what = LowerWord("what")
}
