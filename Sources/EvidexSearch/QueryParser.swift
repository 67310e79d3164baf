/// Parses the Lucene-like query language into a `Query`.
///
/// Syntax, by example:
/// - `burnout nurses` — terms; juxtaposed clauses combine with `defaultOperator` (OR: ranked).
/// - `a AND b`, `a && b`, `a OR b`, `a || b`, `NOT a`, `!a`, `+a` (required), `-a` (prohibited),
///   `( ... )` grouping. Precedence: NOT > AND > OR, so `a AND b OR c` = `(a AND b) OR c`.
///   Only upper-case `AND`/`OR`/`NOT` are operators; `and` is a term. A `+`/`-` standing alone
///   between spaces is ignored (punctuation such as "news - politics"); a `-` inside a word
///   (`covid-19`) is part of it. A query of only prohibited clauses means "everything except".
/// - `"bitter irony"` exact phrase, `"bitter irony"~5` proximity; typographic quotes “ ” work too.
/// - `title:x`, `title:"a b"`, `title:(a OR b)`, `title:bur*` for title, body, author, source,
///   kind, speaker; aliases `by:` (author), `who:` (speaker), `text:` (body); names are
///   case-insensitive. `foo:bar` with an unknown `foo` is the plain term "foo:bar".
/// - `date:2021`, `date:2021-06`, `date:2021-06-08`, `date:[2021-01-01 TO 2021-06-30]`,
///   `date:{2021-01-01 TO *}` (exclusive, open), mixed `[... TO ...}`, `date:>=2021-01-01`,
///   `date:>2021`, `date:<2022`, `date:<=2021-06`, `date:(2020 OR 2022)`.
/// - `bur*` prefix (at least 2 characters before `*`), `term~` / `term~1` / `term~2` fuzzy,
///   `term^2`, `"a b"^1.5`, `(a b)^2` boosts, `*` or `*:*` for every document.
/// - `\` escapes the next character (`\(`, `\"`, `\:`, `\AND`, `\*`).
///
/// A bare term is everything up to whitespace, a parenthesis or a quote, so `U.S.`, `£1,200`,
/// `2021-06-08`, `AT&T` and `10:30` are single terms. A trailing `^number` is a boost and a
/// trailing `~` / `~digits` marks a fuzzy term; a `^` or `~` followed by anything else stays part
/// of the term (`example.com/~user`).
public struct QueryParser: Sendable {
    public var defaultOperator: BooleanOperator
    /// Strict for typed queries; lenient or plain words for pasted text (`QuerySyntax`).
    public var syntax: QuerySyntax

    /// How deeply groups and unary operators may nest before the query is refused.
    public static let maxDepth = 100

    public init(defaultOperator: BooleanOperator = .or, syntax: QuerySyntax = .strict) {
        self.defaultOperator = defaultOperator
        self.syntax = syntax
    }

    public func parse(_ text: String) throws(QueryParseError) -> Query {
        switch syntax {
        case .strict:
            var state = ParseState(text: text, defaultOperator: defaultOperator, lenient: false)
            return try state.parseQuery()
        case .lenient:
            var state = ParseState(text: text, defaultOperator: defaultOperator, lenient: true)
            do {
                return try state.parseQuery()
            } catch {
                // Whatever made the text malformed, its words are still what the person meant.
                return try plainWords(text)
            }
        case .plainWords:
            return try plainWords(text)
        }
    }

    /// Characters that are query syntax, read as spaces by `.plainWords`. `-` and `+` only
    /// mark a clause at the start of a word, so inside one (`covid-19`) they stay.
    static let syntaxCharacters: Set<Unicode.Scalar> = [
        "\"", "\u{201C}", "\u{201D}", "(", ")", "[", "]", "{", "}", "^", "~", "*", "\\", "!", "&", "|", "<", ">",
    ]

    /// The text's words as ranked clauses joined by the default operator; a `word:` prefix
    /// (letters and a colon) is a word of its own, other colons (`10:30`) stay inside words.
    func plainWords(_ text: String) throws(QueryParseError) -> Query {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var lettersOnly = true
        func flush() {
            // Leading + and - would be operators; trailing ones are punctuation.
            var w = Substring(String(current))
            while let f = w.unicodeScalars.first, f == "+" || f == "-" { w = w.dropFirst() }
            if !w.isEmpty { words.append(String(w)) }
            current = String.UnicodeScalarView()
            lettersOnly = true
        }
        for ch in text.unicodeScalars {
            if ch.properties.isWhitespace || QueryParser.syntaxCharacters.contains(ch) {
                flush()
            } else if ch == ":" && lettersOnly && !current.isEmpty {
                flush()
            } else {
                current.append(ch)
                if !(ch.isASCII && ch.properties.isAlphabetic) { lettersOnly = false }
            }
        }
        flush()
        guard !words.isEmpty else {
            throw QueryParseError(message: "empty query: type some words to search for", column: 1)
        }
        let clauses = words.map { Query.term($0, field: nil, boost: 1) }
        if clauses.count == 1 { return clauses[0] }
        return defaultOperator == .and
            ? .boolean(must: clauses, should: [], mustNot: [], boost: 1)
            : .boolean(must: [], should: clauses, mustNot: [], boost: 1)
    }

    // Character classes shared with `Query.description`'s escaping.
    static let quotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}"]
    /// Characters escaped anywhere in a term when printing it.
    static let termSpecials: Set<Unicode.Scalar> = ["\\", "\"", "\u{201C}", "\u{201D}", "(", ")", "^", "~", "*"]
    /// Characters escaped at the start of a term when printing it.
    static let leadingSpecials: Set<Unicode.Scalar> = ["+", "-", "!", "&", "|", "[", "{", "<", ">"]
}

// MARK: - Parser state

private enum Context {
    case none
    case field(QueryField)
    case date

    var field: QueryField? {
        if case let .field(f) = self { return f }
        return nil
    }
}

private enum Occur {
    case should, must, mustNot
}

private struct Clause {
    var occur: Occur
    var query: Query

    /// The clause as a query of its own, for wrapping in another unary operator.
    var standalone: Query {
        occur == .mustNot ? .boolean(must: [], should: [], mustNot: [query], boost: 1) : query
    }
}

private enum FuzzyEdits {
    case auto
    case explicit(Int)
}

/// Parses over Unicode scalars, so that how the text is printed and re-read never depends on
/// where grapheme clusters break; columns are reported in characters (grapheme clusters).
private struct ParseState {
    let chars: [Unicode.Scalar]
    /// The 1-based character column of each scalar position (and of the end).
    let columns: [Int]
    var pos = 0
    let defaultOperator: BooleanOperator
    /// `QuerySyntax.lenient`: `word:` prefixes that are not fields end a word.
    let lenient: Bool
    var depth = 0

    init(text: String, defaultOperator: BooleanOperator, lenient: Bool) {
        var chars: [Unicode.Scalar] = []
        var columns: [Int] = []
        // ASCII without CR (which joins a following LF into one character): every byte is a
        // scalar and a character, so no grapheme breaking is needed (a tenth of a one-word
        // query's parse).
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            chars.reserveCapacity(text.utf8.count)
            for b in text.utf8 { chars.append(Unicode.Scalar(b)) }
            columns = Array(1...(chars.count + 1))
        } else {
            var column = 1
            for character in text {
                for scalar in character.unicodeScalars {
                    chars.append(scalar)
                    columns.append(column)
                }
                column += 1
            }
            columns.append(column)
        }
        self.chars = chars
        self.columns = columns
        self.defaultOperator = defaultOperator
        self.lenient = lenient
    }

    // MARK: Helpers

    var atEnd: Bool { pos >= chars.count }
    var column: Int { columns[pos] }

    func fail(_ message: String, at column: Int) -> QueryParseError {
        QueryParseError(message: message, column: column)
    }

    /// Ends a bare term: whitespace, a parenthesis, a quote, or the end of the text.
    func isTermEnd(_ i: Int) -> Bool {
        guard i < chars.count else { return true }
        let ch = chars[i]
        if ch.isASCII { return ParseState.isASCIIWhitespace(ch) || ch == "(" || ch == ")" || ch == "\"" }
        return ch.properties.isWhitespace || QueryParser.quotes.contains(ch)
    }

    /// `properties.isWhitespace` for ASCII (tab, line feed, vertical tab, form feed, carriage
    /// return, space) without the Unicode property lookup.
    @inline(__always)
    static func isASCIIWhitespace(_ ch: Unicode.Scalar) -> Bool {
        ch == " " || (ch.value >= 9 && ch.value <= 13)
    }

    @inline(__always)
    func isWhitespace(_ ch: Unicode.Scalar) -> Bool {
        ch.isASCII ? ParseState.isASCIIWhitespace(ch) : ch.properties.isWhitespace
    }

    /// After a `+`/`-`/`field:`, nothing usable follows: whitespace, `)` or the end.
    func isGap(_ i: Int) -> Bool {
        i >= chars.count || isWhitespace(chars[i]) || chars[i] == ")"
    }

    mutating func skipWhitespace() {
        while pos < chars.count, isWhitespace(chars[pos]) { pos += 1 }
    }

    /// Whether the exact upper-case word `word` starts at `pos` and ends where a term would.
    func wordAt(_ word: String) -> Bool {
        var i = pos
        for ch in word.unicodeScalars {
            guard i < chars.count, chars[i] == ch else { return false }
            i += 1
        }
        return isTermEnd(i)
    }

    /// A binary operator at `pos`: its kind, length and spelling.
    func binaryOperator() -> (op: BooleanOperator, length: Int, text: String)? {
        if pos + 1 < chars.count {
            if chars[pos] == "&", chars[pos + 1] == "&" { return (.and, 2, "&&") }
            if chars[pos] == "|", chars[pos + 1] == "|" { return (.or, 2, "||") }
        }
        if wordAt("AND") { return (.and, 3, "AND") }
        if wordAt("OR") { return (.or, 2, "OR") }
        return nil
    }

    mutating func enter(at column: Int) throws(QueryParseError) {
        depth += 1
        if depth > QueryParser.maxDepth {
            throw fail("query nested too deeply at column \(column): use fewer parentheses or NOT/+/- in a row", at: column)
        }
    }

    // MARK: Sequences

    mutating func parseQuery() throws(QueryParseError) -> Query {
        skipWhitespace()
        guard let query = try parseSequence(context: .none, inGroup: false) else {
            throw fail("empty query: type some words to search for", at: 1)
        }
        return query
    }

    /// Clauses up to the end (or, in a group, up to its `)`), combined by precedence:
    /// OR-separated groups of AND-joined unary clauses. Nil when there are no clauses.
    mutating func parseSequence(context: Context, inGroup: Bool) throws(QueryParseError) -> Query? {
        var groups: [[Clause]] = []
        var pending: (op: BooleanOperator, text: String, column: Int)? = nil
        while true {
            skipWhitespace()
            if atEnd { break }
            let ch = chars[pos]
            if ch == ")" {
                if inGroup { break }
                throw fail("unmatched ) at column \(column): remove it or escape it with \\)", at: column)
            }
            if let op = binaryOperator() {
                if let previous = pending {
                    throw fail("\(op.text) at column \(column) follows \(previous.text) at column \(previous.column): put a term between them", at: column)
                }
                if groups.isEmpty {
                    throw fail("\(op.text) at column \(column) needs a term before it (to search for the word itself, escape it: \\\(op.text))", at: column)
                }
                pending = (op.op, op.text, column)
                pos += op.length
                continue
            }
            if (ch == "+" || ch == "-"), isGap(pos + 1) {
                pos += 1  // a lone + or - between spaces is punctuation
                continue
            }
            let clause = try parseUnary(context: context)
            let joinsAnd = (pending?.op ?? defaultOperator) == .and
            if groups.isEmpty || !joinsAnd {
                groups.append([clause])
            } else {
                groups[groups.count - 1].append(clause)
            }
            pending = nil
        }
        if let previous = pending {
            throw fail("\(previous.text) at column \(previous.column) needs a term after it", at: previous.column)
        }
        if groups.isEmpty { return nil }
        return combine(groups)
    }

    func combine(_ groups: [[Clause]]) -> Query {
        var must: [Query] = [], should: [Query] = [], mustNot: [Query] = []
        for group in groups {
            var clause: Clause
            if group.count == 1 {
                clause = group[0]
            } else {
                var required: [Query] = [], prohibited: [Query] = []
                for c in group {
                    if c.occur == .mustNot { prohibited.append(c.query) } else { required.append(c.query) }
                }
                clause = Clause(occur: .should, query: .boolean(must: required, should: [], mustNot: prohibited, boost: 1))
            }
            switch clause.occur {
            case .should: should.append(clause.query)
            case .must: must.append(clause.query)
            case .mustNot: mustNot.append(clause.query)
            }
        }
        if mustNot.isEmpty, must.count + should.count == 1 {
            return must.first ?? should[0]
        }
        return .boolean(must: must, should: should, mustNot: mustNot, boost: 1)
    }

    // MARK: Unary operators

    mutating func parseUnary(context: Context) throws(QueryParseError) -> Clause {
        let start = column
        try enter(at: start)
        defer { depth -= 1 }
        let ch = chars[pos]
        if wordAt("NOT") || ch == "!" {
            let text = ch == "!" ? "!" : "NOT"
            pos += text.unicodeScalars.count
            skipWhitespace()
            if atEnd || chars[pos] == ")" || binaryOperator() != nil {
                throw fail("\(text) at column \(start) needs a term after it", at: start)
            }
            let inner = try parseUnary(context: context)
            return Clause(occur: .mustNot, query: inner.standalone)
        }
        if ch == "+" || ch == "-", !isGap(pos + 1) {
            pos += 1
            let inner = try parseUnary(context: context)
            return Clause(occur: ch == "+" ? .must : .mustNot, query: inner.standalone)
        }
        return Clause(occur: .should, query: try parsePrimary(context: context, allowField: true))
    }

    // MARK: Primaries

    mutating func parsePrimary(context: Context, allowField: Bool) throws(QueryParseError) -> Query {
        let start = column
        guard !atEnd else { throw fail("expected a term at column \(start)", at: start) }
        let ch = chars[pos]
        if ch == "(" {
            try enter(at: start)
            defer { depth -= 1 }
            pos += 1
            let inner = try parseSequence(context: context, inGroup: true)
            if atEnd {
                throw fail("unclosed ( at column \(start): add a closing ) or escape it with \\(", at: start)
            }
            pos += 1  // the ")"
            guard let query = inner else {
                throw fail("empty parentheses at column \(start): put a query between them", at: start)
            }
            if pos < chars.count, chars[pos] == "~" {
                throw fail("~ at column \(column) cannot follow a group: put it after a term or a phrase", at: column)
            }
            var boost: Double = 1
            if pos < chars.count, chars[pos] == "^" {
                boost = try parseStrictBoost()
            }
            return query.boosted(by: boost)
        }
        if QueryParser.quotes.contains(ch) {
            if case .date = context {
                throw fail("date: at column \(start) takes a date such as 2021-06-08 or a range [2021-01-01 TO 2021-06-30], not a phrase", at: start)
            }
            return try parsePhrase(field: context.field)
        }
        if allowField, let (newContext, name) = fieldPrefix(),
           !(lenient && isGap(pos + name.unicodeScalars.count + 1)) {
            // (Leniently, `Title: text` is the word "title" followed by the text.)
            pos += name.unicodeScalars.count + 1
            if isGap(pos) {
                throw fail("\(name): at column \(start) needs a value right after the colon, e.g. \(name):burnout (to search for the word, escape the colon: \(name)\\:)", at: start)
            }
            return try parsePrimary(context: newContext, allowField: false)
        }
        if case .date = context {
            return try parseDateValue()
        }
        return try parseBareTerm(field: context.field, allowMatchAll: allowField && context.field == nil)
    }

    /// A known field name (or `date`) followed by `:` at `pos`.
    func fieldPrefix() -> (Context, String)? {
        var i = pos
        while i < chars.count, chars[i].isASCII, chars[i].properties.isAlphabetic { i += 1 }
        guard i > pos, i < chars.count, chars[i] == ":" else { return nil }
        let name = String(queryScalars: chars[pos..<i])
        if name.lowercased() == "date" { return (.date, name) }
        guard let field = QueryField(queryName: name) else { return nil }
        return (.field(field), name)
    }

    // MARK: Terms

    mutating func parseBareTerm(field: QueryField?, allowMatchAll: Bool) throws(QueryParseError) -> Query {
        let start = column
        var toks: [(ch: Unicode.Scalar, escaped: Bool, at: Int)] = []
        while !isTermEnd(pos) {
            // Leniently, `Question: …` or `foo:bar` with no such field are separate words.
            if lenient, chars[pos] == ":", !toks.isEmpty,
               toks.allSatisfy({ !$0.escaped && $0.ch.isASCII && $0.ch.properties.isAlphabetic }) {
                break
            }
            if chars[pos] == "\\" {
                guard pos + 1 < chars.count else {
                    throw fail("trailing \\ at column \(column): escape it as \\\\ to search for a backslash", at: column)
                }
                toks.append((chars[pos + 1], true, pos))
                pos += 2
            } else {
                toks.append((chars[pos], false, pos))
                pos += 1
            }
        }
        guard !toks.isEmpty else { throw fail("expected a term at column \(start)", at: start) }

        // Trailing modifiers, last first: ^number (boost) and ~ / ~digits (fuzzy).
        var boost: Double? = nil
        var fuzzy: FuzzyEdits? = nil
        var end = toks.count
        while let p = (1..<end).last(where: { !toks[$0].escaped && (toks[$0].ch == "^" || toks[$0].ch == "~") }) {
            let suffix = toks[(p + 1)..<end]
            if toks[p].ch == "^" {
                guard boost == nil, suffix.allSatisfy({ !$0.escaped }),
                      let value = ParseState.boostValue(String(queryScalars: suffix.map(\.ch))) else { break }
                boost = value
            } else {
                guard fuzzy == nil, suffix.allSatisfy({ !$0.escaped && $0.ch.isASCIIDigit }) else { break }
                if suffix.isEmpty {
                    fuzzy = .auto
                } else {
                    let digits = String(queryScalars: suffix.map(\.ch))
                    guard let edits = Int(digits), edits <= 2 else {
                        let at = columns[toks[p].at]
                        throw fail("~\(digits) at column \(at) asks for too many edits: typo tolerance allows at most 2 (use ~1 or ~2, or ~ alone)", at: at)
                    }
                    fuzzy = .explicit(edits)
                }
            }
            end = p
        }
        let stem = toks[0..<end]
        let factor = boost ?? 1
        let isUnescapedStar: ((ch: Unicode.Scalar, escaped: Bool, at: Int)) -> Bool = { $0.ch == "*" && !$0.escaped }

        if allowMatchAll, fuzzy == nil,
           (stem.count == 1 && isUnescapedStar(stem[0]))
            || (stem.count == 3 && stem.allSatisfy({ !$0.escaped }) && String(queryScalars: stem.map(\.ch)) == "*:*") {
            return Query.matchAll.boosted(by: factor)
        }
        if let last = stem.last, isUnescapedStar(last) {
            if fuzzy != nil {
                throw fail("a term at column \(start) cannot be both a prefix (*) and fuzzy (~): use one", at: start)
            }
            let text = String(queryScalars: stem.dropLast().map(\.ch))
            guard text.count >= 2 else {
                throw fail("prefix search at column \(start) needs at least 2 characters before * (e.g. bu*); escape it with \\* to search for a star", at: start)
            }
            return .prefix(text, field: field, boost: factor)
        }
        let text = String(queryScalars: stem.map(\.ch))
        switch fuzzy {
        case nil:
            return .term(text, field: field, boost: factor)
        case .auto:
            let length = text.count
            let edits = length <= 2 ? 0 : (length <= 5 ? 1 : 2)
            return .fuzzy(text, field: field, maxEdits: edits, boost: factor)
        case let .explicit(edits):
            return .fuzzy(text, field: field, maxEdits: edits, boost: factor)
        }
    }

    /// A non-negative finite number written with digits (`2`, `1.5`, `.5`, `1e-3`).
    static func boostValue(_ text: String) -> Double? {
        guard let first = text.first, first.isASCIIDigit || first == ".",
              text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// Reads the characters of a `~`/`^` suffix after a phrase or group (up to the next modifier).
    mutating func readSuffixRun() -> String {
        var run = ""
        while !isTermEnd(pos), chars[pos] != "^", chars[pos] != "~" {
            run.unicodeScalars.append(chars[pos])
            pos += 1
        }
        return run
    }

    /// `^number` after a phrase or a group, where anything else is an error.
    mutating func parseStrictBoost() throws(QueryParseError) -> Double {
        let at = column
        pos += 1  // the "^"
        let run = readSuffixRun()
        guard let value = ParseState.boostValue(run) else {
            throw fail("^ at column \(at) needs a number after it, e.g. ^2 or ^1.5", at: at)
        }
        return value
    }

    // MARK: Phrases

    mutating func parsePhrase(field: QueryField?) throws(QueryParseError) -> Query {
        let start = column
        pos += 1  // the opening quote
        var text: [Unicode.Scalar] = []
        var closed = false
        while pos < chars.count {
            let ch = chars[pos]
            if ch == "\\" {
                guard pos + 1 < chars.count else { break }  // reported as an unclosed quote
                text.append(chars[pos + 1])
                pos += 2
                continue
            }
            pos += 1
            if QueryParser.quotes.contains(ch) {
                closed = true
                break
            }
            text.append(ch)
        }
        guard closed else {
            throw fail("unclosed quote at column \(start): add a closing \" or escape it with \\\"", at: start)
        }
        let words = text.split(whereSeparator: { $0.properties.isWhitespace }).map { String(queryScalars: $0) }
        guard !words.isEmpty else {
            throw fail("empty phrase at column \(start): put words between the quotes", at: start)
        }
        var slop: Int? = nil
        var boost: Double? = nil
        while pos < chars.count, chars[pos] == "~" || chars[pos] == "^" {
            let at = column
            if chars[pos] == "^" {
                guard boost == nil else { throw fail("second ^ at column \(at): a phrase takes one boost", at: at) }
                boost = try parseStrictBoost()
            } else {
                guard slop == nil else { throw fail("second ~ at column \(at): a phrase takes one proximity", at: at) }
                pos += 1
                let run = readSuffixRun()
                guard !run.isEmpty, run.allSatisfy(\.isASCIIDigit), let value = Int(run) else {
                    throw fail("~ at column \(at) needs a whole number of words after a phrase, e.g. \"bitter irony\"~5", at: at)
                }
                slop = value
            }
        }
        return .phrase(words, field: field, slop: slop ?? 0, boost: boost ?? 1)
    }

    // MARK: Dates

    /// A partial date (year, year-month or full day) with the first and last day it covers.
    struct PartialDate {
        var first: DateBound
        var last: DateBound
    }

    mutating func parseDateValue() throws(QueryParseError) -> Query {
        let start = column
        let startPos = pos
        let open = chars[pos]
        var from: DateBound? = nil
        var to: DateBound? = nil
        if open == "[" || open == "{" {
            pos += 1
            // Split the inside into whitespace-separated parts, keeping their columns.
            var parts: [(text: String, column: Int)] = []
            var close: Unicode.Scalar? = nil
            while pos < chars.count {
                let ch = chars[pos]
                if ch == "]" || ch == "}" {
                    close = ch
                    pos += 1
                    break
                }
                if ch.properties.isWhitespace {
                    pos += 1
                    continue
                }
                let partColumn = column
                var part = ""
                while pos < chars.count, !chars[pos].properties.isWhitespace, chars[pos] != "]", chars[pos] != "}" {
                    part.unicodeScalars.append(chars[pos])
                    pos += 1
                }
                parts.append((part, partColumn))
            }
            guard let close else {
                throw fail("unclosed date range at column \(start): add a closing ] (or } to exclude the end)", at: start)
            }
            guard parts.count == 3, parts[1].text.uppercased() == "TO" else {
                throw fail("date range at column \(start) should look like date:[2021-01-01 TO 2021-06-30] (use * for an open end)", at: start)
            }
            if parts[0].text != "*" {
                let low = try parsePartialDate(parts[0].text, column: parts[0].column)
                if open == "[" { from = low.first } else { from = try dayAfter(low.last, column: parts[0].column) }
            }
            if parts[2].text != "*" {
                let high = try parsePartialDate(parts[2].text, column: parts[2].column)
                if close == "]" { to = high.last } else { to = try dayBefore(high.first, column: parts[2].column) }
            }
            if !isTermEnd(pos) {
                throw fail("unexpected text after the date range at column \(column): put a space before it (to boost a date, write (date:...)^2)", at: column)
            }
        } else {
            var text = ""
            while !isTermEnd(pos) {
                text.unicodeScalars.append(chars[pos])
                pos += 1
            }
            var comparator = ""
            for candidate in [">=", "<=", ">", "<"] where text.hasPrefix(candidate) {
                comparator = candidate
                break
            }
            let date = try parsePartialDate(String(text.dropFirst(comparator.count)), column: columns[startPos + comparator.count])
            switch comparator {
            case ">=": from = date.first
            case ">": from = try dayAfter(date.last, column: start)
            case "<=": to = date.last
            case "<": to = try dayBefore(date.first, column: start)
            default:
                from = date.first
                to = date.last
            }
        }
        if let from, let to, to < from {
            throw fail("date range at column \(start) is empty: it starts \(from) but ends \(to)", at: start)
        }
        return .dateRange(from: from, to: to)
    }

    func parsePartialDate(_ text: String, column: Int) throws(QueryParseError) -> PartialDate {
        let shapeError = fail("expected a date like 2021, 2021-06 or 2021-06-08 at column \(column), not \"\(text)\"", at: column)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts.dropFirst().allSatisfy({ $0.count <= 2 }),
              let year = Int(parts[0]) else { throw shapeError }
        guard year >= 1 else {
            throw fail("invalid year \(parts[0]) at column \(column): years run from 0001 to 9999", at: column)
        }
        if parts.count == 1 {
            return PartialDate(first: DateBound(year: year, month: 1, day: 1),
                               last: DateBound(year: year, month: 12, day: 31))
        }
        guard let month = Int(parts[1]), (1...12).contains(month) else {
            throw fail("invalid month in \(text) at column \(column): months run from 01 to 12", at: column)
        }
        let days = DateBound.daysIn(month: month, year: year)
        if parts.count == 2 {
            return PartialDate(first: DateBound(year: year, month: month, day: 1),
                               last: DateBound(year: year, month: month, day: days))
        }
        guard let day = Int(parts[2]), (1...days).contains(day) else {
            let monthName = DateBound(year: year, month: month, day: 1).description.dropLast(3)
            throw fail("invalid date \(text) at column \(column): \(monthName) has \(days) days", at: column)
        }
        let bound = DateBound(year: year, month: month, day: day)
        return PartialDate(first: bound, last: bound)
    }

    func dayAfter(_ bound: DateBound, column: Int) throws(QueryParseError) -> DateBound {
        let next = DateBound(ordinal: bound.ordinal + 1)
        guard next.isValid else { throw fail("no dates after 9999-12-31 (column \(column))", at: column) }
        return next
    }

    func dayBefore(_ bound: DateBound, column: Int) throws(QueryParseError) -> DateBound {
        let previous = DateBound(ordinal: bound.ordinal - 1)
        guard previous.isValid else { throw fail("no dates before 0001-01-01 (column \(column))", at: column) }
        return previous
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { value >= 48 && value <= 57 }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 48 && value <= 57
    }
}

extension String {
    /// The string made of exactly these scalars (no normalisation).
    init(queryScalars: some Sequence<Unicode.Scalar>) {
        // As UTF-8 bytes: appending scalars to a UnicodeScalarView cost more than the rest of
        // parsing a one-word query.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(queryScalars.underestimatedCount)
        for scalar in queryScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
