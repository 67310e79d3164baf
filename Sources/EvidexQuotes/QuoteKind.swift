/// How a quoted stretch is used in the text.
/// `scare` marks words nobody is quoted as saying, so such quotes never carry a speaker.
/// `turn` is reserved for transcript code that attributes whole speaker turns.
public enum QuoteKind: String, Sendable, Codable {
    case full, partial, scare, turn
}
