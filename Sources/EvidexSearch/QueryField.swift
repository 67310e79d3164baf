/// A document field a query clause can be restricted to with `field:` syntax.
///
/// Dates are not a `QueryField`: `date:` clauses parse to `Query.dateRange`.
public enum QueryField: String, Sendable, CaseIterable {
    case title
    case body
    case author
    case source
    case kind
    case speaker
    /// The text of attributed quotes and transcript turns (turns are found through the body
    /// of evidence documents: the index keeps their text once).
    case quote
    /// Organisations mentioned, by any name or acronym the gazetteer knows (`org:DHSC`).
    case org

    /// Extra names accepted before the colon, mapped to their field.
    public static let aliases: [String: QueryField] = [
        "by": .author,
        "who": .speaker,
        "text": .body,
        "organisation": .org,
        "organization": .org,
    ]

    /// The field a query prefix names (`title`, `Title`, `by`, `who`, `text`, ...), ignoring
    /// ASCII case; nil when the name is not a field (so `foo:bar` stays a plain term).
    public init?(queryName name: some StringProtocol) {
        let lower = name.lowercased()
        if let field = QueryField(rawValue: lower) {
            self = field
        } else if let field = QueryField.aliases[lower] {
            self = field
        } else {
            return nil
        }
    }
}
