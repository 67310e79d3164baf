/// What `DocumentLoader.discover` found: the files it will load, in order, and the files it
/// skipped (unsupported extensions) or could not look into, so that nothing is skipped silently.
public struct Discovery: Sendable {
    public var files: [SourceFile]
    /// One warning per skipped file or unreadable folder.
    public var skipped: [DocumentError]

    public init(files: [SourceFile] = [], skipped: [DocumentError] = []) {
        self.files = files
        self.skipped = skipped
    }
}
