/// A parsed search query (see `QueryParser` for the syntax).
///
/// Term texts are raw: the executor analyses them (folding, stemming) the way the index did.
/// A boost of 1 means "not boosted". `field: nil` means the default fields.
public indirect enum Query: Sendable, Hashable {
    /// A single word, matched by its stem.
    case term(String, field: QueryField?, boost: Double)
    /// Exact (unstemmed) words in order, the phrase text split on whitespace; `slop` is the
    /// proximity allowed by `"..."~N` (0 = adjacent, in order).
    case phrase([String], field: QueryField?, slop: Int, boost: Double)
    /// Words starting with the text (`bur*`); the text has at least 2 characters.
    case prefix(String, field: QueryField?, boost: Double)
    /// Words within `maxEdits` (0...2) edits of the text (`term~`, `term~1`). A bare `~` is
    /// resolved when parsing: 0 edits up to 2 characters, 1 for 3–5, 2 for longer terms.
    case fuzzy(String, field: QueryField?, maxEdits: Int, boost: Double)
    /// Documents dated within the inclusive bounds; nil is an open end. Exclusive and partial
    /// bounds are normalised when parsing (`{2021-01-01 TO *]` → from 2021-01-02,
    /// `date:<2022` → to 2021-12-31).
    case dateRange(from: DateBound?, to: DateBound?)
    /// Documents matching every `must` clause and no `mustNot` clause; `should` clauses rank.
    /// When `must` is empty and `should` is not, at least one `should` clause must match.
    /// When both are empty (`NOT a`, `-a -b`) the query means "every document except ...".
    case boolean(must: [Query], should: [Query], mustNot: [Query], boost: Double)
    /// Every document (`*` or `*:*`).
    case matchAll
}

extension Query {
    /// The query multiplied by `factor`. Date ranges and `matchAll` carry no boost of their own,
    /// so they are wrapped in a one-clause boolean that does.
    public func boosted(by factor: Double) -> Query {
        if factor == 1 { return self }
        switch self {
        case let .term(text, field, boost):
            return .term(text, field: field, boost: boost * factor)
        case let .phrase(words, field, slop, boost):
            return .phrase(words, field: field, slop: slop, boost: boost * factor)
        case let .prefix(text, field, boost):
            return .prefix(text, field: field, boost: boost * factor)
        case let .fuzzy(text, field, maxEdits, boost):
            return .fuzzy(text, field: field, maxEdits: maxEdits, boost: boost * factor)
        case let .boolean(must, should, mustNot, boost):
            return .boolean(must: must, should: should, mustNot: mustNot, boost: boost * factor)
        case .dateRange, .matchAll:
            return .boolean(must: [self], should: [], mustNot: [], boost: factor)
        }
    }

    /// True for a boolean with only prohibited clauses: "everything except ...".
    public var isNegativeOnly: Bool {
        if case let .boolean(must, should, mustNot, _) = self {
            return must.isEmpty && should.isEmpty && !mustNot.isEmpty
        }
        return false
    }
}

// MARK: - Canonical text

extension Query: CustomStringConvertible {
    /// A canonical query string that `QueryParser()` (default operator OR) parses back to this
    /// same value (for any query the parser produced): booleans print as `should +must -mustNot`
    /// with nested booleans in parentheses, fields by their canonical names, dates as
    /// `date:[YYYY-MM-DD TO YYYY-MM-DD]`, fuzzy terms with explicit edits.
    public var description: String { render(nested: false) }

    private func render(nested: Bool) -> String {
        switch self {
        case let .term(text, field, boost):
            return Query.fieldPrefix(field) + Query.escapeTerm(text) + Query.boostSuffix(boost)
        case let .phrase(words, field, slop, boost):
            let body = words.map(Query.escapePhraseWord).joined(separator: " ")
            let slopText = slop == 0 ? "" : "~\(slop)"
            return Query.fieldPrefix(field) + "\"" + body + "\"" + slopText + Query.boostSuffix(boost)
        case let .prefix(text, field, boost):
            return Query.fieldPrefix(field) + Query.escapeTerm(text) + "*" + Query.boostSuffix(boost)
        case let .fuzzy(text, field, maxEdits, boost):
            return Query.fieldPrefix(field) + Query.escapeTerm(text) + "~\(maxEdits)" + Query.boostSuffix(boost)
        case let .dateRange(from, to):
            return "date:[\(from?.description ?? "*") TO \(to?.description ?? "*")]"
        case .matchAll:
            return "*"
        case let .boolean(must, should, mustNot, boost):
            let parts = should.map { $0.render(nested: true) }
                + must.map { "+" + $0.render(nested: true) }
                + mustNot.map { "-" + $0.render(nested: true) }
            let inner = parts.joined(separator: " ")
            if nested || boost != 1 || parts.isEmpty {
                return "(" + inner + ")" + Query.boostSuffix(boost)
            }
            return inner
        }
    }

    private static func fieldPrefix(_ field: QueryField?) -> String {
        field.map { $0.rawValue + ":" } ?? ""
    }

    private static func boostSuffix(_ boost: Double) -> String {
        boost == 1 ? "" : "^" + formatNumber(boost)
    }

    static func formatNumber(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return "\(value)"
    }

    /// Escapes a term so that the parser reads it back as exactly this text, with no syntax.
    static func escapeTerm(_ text: String) -> String {
        let chars = Array(text.unicodeScalars)
        if text == "AND" || text == "OR" || text == "NOT" { return "\\" + text }
        // A colon only needs escaping when what precedes it would be read as a field name.
        var colonToEscape: Int? = nil
        if let colon = chars.firstIndex(of: ":"), colon > 0,
           chars[..<colon].allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
            let name = String(queryScalars: chars[..<colon])
            if QueryField(queryName: name) != nil || name.lowercased() == "date" {
                colonToEscape = colon
            }
        }
        var out = ""
        for (i, ch) in chars.enumerated() {
            let leading = i == 0 && QueryParser.leadingSpecials.contains(ch)
            if leading || QueryParser.termSpecials.contains(ch) || ch.properties.isWhitespace || i == colonToEscape {
                out.unicodeScalars.append("\\")
            }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    static func escapePhraseWord(_ word: String) -> String {
        var out = ""
        for ch in word.unicodeScalars {
            if ch == "\\" || QueryParser.quotes.contains(ch) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}
