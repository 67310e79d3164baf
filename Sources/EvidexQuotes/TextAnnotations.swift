/// The quotations and organisation mentions found in one text. Offsets are code points.
public struct TextAnnotations: Sendable, Codable, Equatable {
    public var quotes: [Quote]
    public var organisations: [OrganisationMention]

    public init(quotes: [Quote] = [], organisations: [OrganisationMention] = []) {
        self.quotes = quotes
        self.organisations = organisations
    }

    /// Quotes someone is said to have said: attributed, and not scare quotes.
    public var attributedQuotes: [Quote] {
        quotes.filter { $0.kind != .scare && $0.speaker != nil }
    }
}
