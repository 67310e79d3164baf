import EvidexDocuments

/// What a search returns besides the ranked ids.
public struct SearchOptions: Sendable {
    public var limit: Int
    public var offset: Int
    /// Count every match and compute facets (needs a full pass over the matches). Without
    /// it, top-k retrieval may skip documents that cannot enter the top k.
    public var exhaustive: Bool
    public var snippets: Bool
    public var maxSnippets: Int
    public var explain: Bool
    /// Restrictions added to the query as filters.
    public var from: Day?
    public var to: Day?
    public var source: String?
    public var kind: DocumentKind?
    /// Only documents that mention this organisation (any name or acronym of it).
    public var org: String?
    /// Give up with `SearchError.timeLimit` once past this instant (a server's time limit per
    /// request). Checked between segments and every few thousand matches, so a search may
    /// overrun it by one such step; nil searches to the end.
    public var deadline: ContinuousClock.Instant?

    public init(limit: Int = 10, offset: Int = 0, exhaustive: Bool = true, snippets: Bool = true, maxSnippets: Int = 3,
                explain: Bool = false, from: Day? = nil, to: Day? = nil, source: String? = nil, kind: DocumentKind? = nil,
                org: String? = nil) {
        self.org = org
        self.limit = max(0, limit)
        self.offset = max(0, offset)
        self.exhaustive = exhaustive
        self.snippets = snippets
        self.maxSnippets = maxSnippets
        self.explain = explain
        self.from = from
        self.to = to
        self.source = source
        self.kind = kind
    }
}
