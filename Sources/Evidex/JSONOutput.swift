import Foundation

/// The one JSON encoding of every result the CLI prints with `--json` and the HTTP server
/// answers with, so that the two cannot drift apart: the same types (`SearchResult`,
/// `QuoteSearchResult`, `OrganisationSummary`, `OrganisationDetail`, `Document`, `IndexStats`)
/// through the same encoder settings.
public enum JSONOutput {
    /// Sorted keys make the output stable for diffs and tests; slashes are left unescaped
    /// because ids and URLs are full of them.
    public static func data<T: Encodable>(_ value: T, pretty: Bool = false) -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Every type encoded here is made of strings, numbers, optionals and arrays, which
        // JSONEncoder cannot fail on, except a non-finite Double (a score never is).
        return (try? enc.encode(value)) ?? Data("{}".utf8)
    }

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        String(decoding: data(value, pretty: pretty), as: UTF8.self)
    }

    public static func print<T: Encodable>(_ value: T, pretty: Bool = false) {
        Swift.print(encode(value, pretty: pretty))
    }
}
