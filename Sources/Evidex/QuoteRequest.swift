import EvidexSearch

/// A quotation search as a person states it (`evidex quotes`, `GET /api/quotes`), turned into
/// `QuoteSearchOptions` in one place for both.
public struct QuoteRequest: Sendable, Equatable {
    public var query: String
    public var speaker: String?
    public var org: String?
    public var from: String?
    public var to: String?
    public var limit: Int
    public var offset: Int
    /// Scare quotes and quotations with no speaker too.
    public var all: Bool

    public init(query: String = "", speaker: String? = nil, org: String? = nil, from: String? = nil, to: String? = nil,
                limit: Int = 20, offset: Int = 0, all: Bool = false) {
        self.query = query
        self.speaker = speaker
        self.org = org
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
        self.all = all
    }

    public func options() throws(RequestError) -> QuoteSearchOptions {
        var options = QuoteSearchOptions(limit: limit, offset: offset, speaker: speaker, org: org, includeUnattributed: all)
        options.from = try SearchRequest.day(from, "from")
        options.to = try SearchRequest.day(to, "to")
        return options
    }
}
