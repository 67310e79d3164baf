/// Where a document's bytes lie in the file it was parsed from: the whole file for the
/// one-document formats, one line for JSONL. Parsing exactly these bytes again (with the same
/// relative path) gives the same document, so an index can refer to them instead of keeping a
/// copy of the text.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// Byte offset in the file as stored on disk.
    public let offset: Int
    /// Byte count.
    public let length: Int

    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }
}
