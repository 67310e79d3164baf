/// A short form and the long form it abbreviates, both as found in one text.
public struct AcronymDefinition: Sendable, Codable, Equatable {
    public var short: String
    public var long: String
    /// Code-point ranges into the text, so the long form can itself become a mention.
    public var shortRange: Range<Int>
    public var longRange: Range<Int>

    public init(short: String, long: String, shortRange: Range<Int>, longRange: Range<Int>) {
        self.short = short
        self.long = long
        self.shortRange = shortRange
        self.longRange = longRange
    }
}

extension AcronymDefinition {
    /// The definition whose short form is token `short` and whose long form is the tokens
    /// `long` (an acronym's possessive left out of both).
    init(tokens: [OrganisationToken], scalars: [Unicode.Scalar], short: Int, long: ClosedRange<Int>) {
        let shortRange = tokens[short].start..<tokens[short].baseEnd
        let longRange = tokens[long.lowerBound].start..<tokens[long.upperBound].baseEnd
        self.init(short: ScalarInfo.string(scalars, shortRange), long: ScalarInfo.string(scalars, longRange),
                  shortRange: shortRange, longRange: longRange)
    }
}
