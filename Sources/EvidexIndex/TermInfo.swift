/// What the term dictionary records for one term of one segment.
public struct TermInfo: Sendable, Equatable {
    /// Documents in this posting list (0 for a `form` entry, which has no list).
    public var docFreq: UInt32
    /// `group` entries: how many forms the group's form table lists (0: one form, the stem
    /// itself). Other entries: 0.
    public var formCount: UInt32
    /// `group` and `form` entries: offset in the dictionary's blocks of the entry's tail (a
    /// group's form table from its count on, a form's stem); 0 for others.
    public var tailOffset: UInt32
    /// Byte offset of the posting list in the postings section.
    public var postingsOffset: UInt64
    /// Byte offset of the positions stream in the positions section (0: no positions).
    public var positionsOffset: UInt64

    public init(docFreq: UInt32, postingsOffset: UInt64, positionsOffset: UInt64, formCount: UInt32 = 0, tailOffset: UInt32 = 0) {
        self.docFreq = docFreq
        self.formCount = formCount
        self.tailOffset = tailOffset
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }

    /// Bits of form ordinal in each position value of the list (FORMAT.md, "Positions").
    public var formBits: Int { Self.formBits(formCount: formCount) }

    /// The form bits of a group whose form table lists `formCount` words: the bit width of
    /// formCount − 1, 0 for a group of one word (FORMAT.md).
    static func formBits(formCount: UInt32) -> Int { formCount <= 1 ? 0 : 32 - (formCount - 1).leadingZeroBitCount }
}
