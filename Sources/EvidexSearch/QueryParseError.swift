/// Why a query string could not be parsed, with the 1-based column (in characters) of the
/// offending spot. The message is meant for the person who typed the query, and already says
/// the column and how to fix the problem.
public struct QueryParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// 1-based column, counted in characters (grapheme clusters) of the query text.
    public let column: Int

    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { message }
}
