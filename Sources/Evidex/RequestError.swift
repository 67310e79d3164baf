import EvidexDocuments

/// Why the filters of a search or quote request are not valid. The CLI names a parameter as
/// an option (`--from`), the HTTP API as a query parameter (`from`), so the message is built
/// with the caller's prefix.
public enum RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDate(parameter: String, value: String)
    case invalidKind(parameter: String, value: String)

    public var parameter: String {
        switch self {
        case .invalidDate(let p, _), .invalidKind(let p, _): return p
        }
    }

    public func message(prefix: String) -> String {
        switch self {
        case .invalidDate(let p, let v): return "\(prefix)\(p) needs a date as YYYY-MM-DD, not \(v)"
        case .invalidKind(let p, let v):
            let kinds = DocumentKind.allCases.map(\.rawValue)
            return "\(prefix)\(p) must be \(kinds.dropLast().joined(separator: ", ")) or \(kinds.last!), not \(v)"
        }
    }

    public var description: String { message(prefix: "") }
}
