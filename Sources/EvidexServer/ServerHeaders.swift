import HTTPTypes

/// Response headers of our own.
enum ServerHeaders {
    /// The index commit (MANIFEST generation) an answer came from, so a client or test can
    /// tell when the server switched to a new commit.
    static let generation = HTTPField.Name("Evidex-Generation")!
}
