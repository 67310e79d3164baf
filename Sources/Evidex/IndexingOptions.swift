import EvidexIndex
import EvidexQuotes

/// How `CorpusIndexer` runs.
public struct IndexingOptions: Sendable {
    public var threads: Int
    public var memoryBudget: Int
    /// Delete documents whose source files are no longer under the indexed folders.
    public var prune: Bool
    /// Start from an empty index.
    public var rebuild: Bool
    /// Largest document accepted: a one-document file, a JSONL line or a `.gz` file's content
    /// (`DocumentLoader.maxFileBytes`).
    public var maxFileBytes: Int
    /// Merge down to this many segments after the commit.
    public var maxSegments: Int
    /// Organisations, beyond the built-in gazetteer, that mentions and speakers link to (from
    /// `OrganisationListLoader` files); they are kept in the index folder for `org:` queries.
    public var organisations: [OrganisationRecord]
    /// Extract quotations and link organisations (on by default).
    public var annotate: Bool
    /// Whether the index keeps a copy of each document's text or reads it back from the file.
    public var store: DocumentStoreMode
    /// One reader thread for the workers, a second worker started as `CorpusIndexer` decides
    /// (nil: where it helps, at two threads with quotations on two cores). A seam for tests.
    var sharedReader: SharedReader?

    /// When the reader of `sharedReader` starts a second worker: after this many batches in a
    /// row found the pipe full, with at least `unreadBytes` of input not yet read.
    struct SharedReader: Sendable {
        var unreadBytes = 16 << 20
        var fullPuts = 8
    }

    public init(threads: Int = IndexWriterOptions.defaultThreads, memoryBudget: Int = 256 << 20, prune: Bool = false,
                rebuild: Bool = false, maxFileBytes: Int = 8 << 20, maxSegments: Int = 8,
                organisations: [OrganisationRecord] = [], annotate: Bool = true, store: DocumentStoreMode = .references) {
        self.store = store
        self.organisations = organisations
        self.annotate = annotate
        self.threads = max(1, threads)
        self.memoryBudget = memoryBudget
        self.prune = prune
        self.rebuild = rebuild
        self.maxFileBytes = maxFileBytes
        self.maxSegments = maxSegments
    }
}

/// Where indexing has got to (for progress lines).
public struct IndexingProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var documents: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var seconds: Double
}

/// The outcome of an indexing run: what was added, and every file or line that failed.
public struct IndexingReport: Sendable {
    /// Files read.
    public var files: Int
    /// Files skipped because they had not changed since they were indexed.
    public var unchangedFiles: Int
    public var documents: Int
    public var bytes: Int
    public var pruned: Int
    public var seconds: Double
    public var commit: CommitResult?
    public var mergedSegments: Int
    /// Errors (the file or line was not indexed) and warnings (indexed with a caveat).
    public var problems: [DocumentError]

    public var failures: [DocumentError] { problems.filter(\.isError) }
    public var warnings: [DocumentError] { problems.filter { !$0.isError } }
}
