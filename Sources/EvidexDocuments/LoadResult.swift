/// What loading one file gave: its documents and every problem met (warnings and errors).
public struct LoadResult: Sendable {
    public var documents: [Document]
    public var problems: [DocumentError]

    public init(documents: [Document] = [], problems: [DocumentError] = []) {
        self.documents = documents
        self.problems = problems
    }

    public var warnings: [DocumentError] { problems.filter { $0.severity == .warning } }
    public var errors: [DocumentError] { problems.filter { $0.severity == .error } }
}
