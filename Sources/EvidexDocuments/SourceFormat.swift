/// An input format as told by a file's extension; `.gz` wraps any of them. Plain text is told
/// apart further by content (front matter, transcript, news, plain).
public enum SourceFormat: String, Sendable, Hashable, CaseIterable {
    /// `.txt`, `.text`: news text, oral evidence transcript, text with front matter, or plain.
    case text
    /// `.md`, `.markdown`: optional front matter, then Markdown.
    case markdown
    /// `.html`, `.htm`, `.xhtml`.
    case html
    /// `.rst`: UK Covid-19 Inquiry hearing transcripts (reStructuredText).
    case restructuredText
    /// `.jsonl`, `.ndjson`: one document per line.
    case jsonLines

    /// Extensions (lower case, without the dot) of each format.
    public static let extensions: [String: SourceFormat] = [
        "txt": .text, "text": .text,
        "md": .markdown, "markdown": .markdown,
        "html": .html, "htm": .html, "xhtml": .html,
        "rst": .restructuredText,
        "jsonl": .jsonLines, "ndjson": .jsonLines,
    ]

    /// The format of a file name such as `a.txt` or `a.jsonl.gz`; nil when unsupported.
    public init?(fileName: String) {
        guard let ext = SourceFormat.innerExtension(of: fileName), let f = SourceFormat.extensions[ext] else { return nil }
        self = f
    }

    /// The lower-cased extension after stripping one `.gz` ("a.JSONL.gz" → "jsonl"); nil when none.
    static func innerExtension(of fileName: String) -> String? {
        var name = Substring(fileName.lowercased())
        if name.hasSuffix(".gz") { name = name.dropLast(3) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : String(ext)
    }
}
