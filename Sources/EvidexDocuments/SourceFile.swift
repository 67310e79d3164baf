import Foundation

/// One input file found by `DocumentLoader.discover`.
public struct SourceFile: Sendable, Hashable {
    public let url: URL
    /// The path relative to the folder it was found under (the file name for a file argument);
    /// it is the document id when the file gives none.
    public let relativePath: String

    public init(url: URL, relativePath: String) {
        self.url = url
        self.relativePath = relativePath
    }

    /// The file's format, from its extension (after a `.gz`), or nil when unsupported.
    public var format: SourceFormat? { SourceFormat(fileName: url.lastPathComponent) }

    /// Whether the file is gzip-compressed (`.gz`).
    public var isGzipped: Bool { url.lastPathComponent.lowercased().hasSuffix(".gz") }
}
