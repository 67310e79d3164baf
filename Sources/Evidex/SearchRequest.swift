import EvidexDocuments
import EvidexSearch

/// A document search as a person states it, filters as text: `evidex search` and
/// `GET /api/search` both turn theirs into `SearchOptions` here, so they accept and refuse the
/// same values with the same messages.
public struct SearchRequest: Sendable, Equatable {
    public var query: String
    public var limit: Int
    public var offset: Int
    public var from: String?
    public var to: String?
    public var source: String?
    public var kind: String?
    public var org: String?
    public var explain: Bool

    public init(query: String, limit: Int = 10, offset: Int = 0, from: String? = nil, to: String? = nil,
                source: String? = nil, kind: String? = nil, org: String? = nil, explain: Bool = false) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.from = from
        self.to = to
        self.source = source
        self.kind = kind
        self.org = org
        self.explain = explain
    }

    public func options() throws(RequestError) -> SearchOptions {
        var options = SearchOptions(limit: limit, offset: offset, explain: explain)
        options.from = try SearchRequest.day(from, "from")
        options.to = try SearchRequest.day(to, "to")
        options.source = source
        options.org = org
        if let kind {
            guard let k = DocumentKind(rawValue: kind.lowercased()) else { throw .invalidKind(parameter: "kind", value: kind) }
            options.kind = k
        }
        return options
    }

    /// Exactly `YYYY-MM-DD` in ASCII digits (`Day(iso:)` alone would also take `2021-1-5`
    /// or a sign), and a day that exists.
    static func day(_ text: String?, _ parameter: String) throws(RequestError) -> Day? {
        guard let text else { return nil }
        let b = Array(text.utf8)
        let shaped = b.count == 10 && b.indices.allSatisfy { i in
            i == 4 || i == 7 ? b[i] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i])
        }
        guard shaped, let d = Day(iso: text) else { throw .invalidDate(parameter: parameter, value: text) }
        return d
    }
}
