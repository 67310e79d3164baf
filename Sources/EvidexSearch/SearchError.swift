import EvidexIndex

/// Why a search could not run. Descriptions tell the user what to change.
public enum SearchError: Error, Sendable, CustomStringConvertible {
    case query(QueryParseError)
    case index(IndexError)
    case analyzer(String)
    /// The search passed the deadline in its options and stopped.
    case timeLimit

    public var description: String {
        switch self {
        case .query(let e): return "invalid query: \(e.description)"
        case .index(let e): return e.description
        case .analyzer(let m): return "the text analyzer could not start: \(m)"
        case .timeLimit: return "the search took longer than its time limit; narrow the query or raise the limit"
        }
    }
}
