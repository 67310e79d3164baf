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
