/// How strictly `QueryParser` reads query text.
public enum QuerySyntax: Sendable, Hashable {
    /// The full query language: a malformed query is an error that says where and how to fix it
    /// (for people typing queries, who can correct them).
    case strict
    /// Pasted free text (a question, a topic description): well-formed syntax keeps its meaning,
    /// a query that would be a syntax error (a stray quote, bracket or operator) is read as plain
    /// words instead, and a `word:` prefix that is not a field, or a field name with nothing
    /// after its colon, is a word of its own. Never throws except for a query with no words.
    case lenient
    /// Every word is a plain ranked word: no operators, phrases, fields, prefixes, fuzziness or
    /// boosts (query syntax characters separate words). A term the analyzer splits into several
    /// words (`covid-19`) still reads as those words in order, as everywhere else.
    case plainWords
}
