/// One passage of a hit with the spans to highlight, as code-point offsets into `text`.
public struct Snippet: Sendable, Codable, Equatable {
    public var field: String
    public var text: String
    public var highlights: [[Int]]
    /// For transcript turns: who was speaking.
    public var speaker: String?

    public init(field: String, text: String, highlights: [[Int]], speaker: String? = nil) {
        self.field = field
        self.text = text
        self.highlights = highlights
        self.speaker = speaker
    }
}

/// One ranked document.
public struct SearchHit: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var date: String?
    public var source: String?
    public var kind: String
    public var score: Double
    public var snippets: [Snippet]
    public var explanation: Explanation?
    /// Why the document's text (title and snippets) could not be shown: its source file has
    /// changed or gone since it was indexed. Absent when all is well.
    public var problem: String? = nil
}

/// A facet value and how many matching documents have it.
public struct FacetCount: Sendable, Codable, Equatable {
    public var value: String
    public var count: Int
}

public struct Facets: Sendable, Codable, Equatable {
    public var source: [FacetCount] = []
    public var kind: [FacetCount] = []
    public var year: [FacetCount] = []
    /// Organisations the matching documents mention, by canonical name.
    public var organisation: [FacetCount] = []
}

/// The answer to a search; its JSON form is the CLI's `--json` and the HTTP API's shape.
public struct SearchResult: Sendable, Codable, Equatable {
    public var query: String
    /// Exact number of matching documents (nil when the search was not exhaustive).
    public var total: Int?
    public var tookMs: Double
    public var hits: [SearchHit]
    public var facets: Facets?

    enum CodingKeys: String, CodingKey {
        case query, total, hits, facets
        case tookMs = "took_ms"
    }
}
