/// What the term dictionary records for one term of one segment.
public struct TermInfo: Sendable, Equatable {
    /// Documents in this posting list.
    public var docFreq: UInt32
    /// For a `stem` namespace entry: documents holding any form with this stem, i.e.
    /// |exact:s ∪ stem:s| in this segment. Equal to docFreq otherwise.
    public var groupDocFreq: UInt32
    /// Byte offset of the posting list in the postings section.
    public var postingsOffset: UInt64
    /// Byte offset of the positions stream in the positions section (0: no positions).
    public var positionsOffset: UInt64

    public init(docFreq: UInt32, groupDocFreq: UInt32, postingsOffset: UInt64, positionsOffset: UInt64) {
        self.docFreq = docFreq
        self.groupDocFreq = groupDocFreq
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}
