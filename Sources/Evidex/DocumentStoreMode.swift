/// Where the text behind snippets, `show` and quotes lives.
public enum DocumentStoreMode: String, Sendable, CaseIterable {
    /// The index keeps the file, byte range and a checksum of each document, and parses those
    /// bytes again when it needs the text (like SQLite FTS5's external content). The index is
    /// little more than its postings; a file edited or moved since indexing is reported
    /// (`sourceChanged` / `sourceUnavailable`) until it is indexed again. Documents from `.gz`
    /// files and from memory are always copied.
    case references = "source"
    /// The index keeps a compressed copy of every document, so it answers on its own even
    /// when the files are gone.
    case copies = "copy"
}
