/// One quoted stretch of a document. Offsets are code points (Unicode scalars) into the text
/// given to `QuoteExtractor.extract(from:)`; `range` excludes the quotation marks.
public struct Quote: Sendable, Codable, Equatable {
    public var range: Range<Int>
    public var text: String
    public var kind: QuoteKind
    public var speaker: QuoteSpeaker?
    public var cue: Range<Int>?
    /// Quotes inside this one (‘… the “balanced basket” we suggest …’), marks excluded.
    public var nested: [Range<Int>]

    public init(range: Range<Int>, text: String, kind: QuoteKind, speaker: QuoteSpeaker? = nil,
                cue: Range<Int>? = nil, nested: [Range<Int>] = []) {
        self.range = range
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.nested = nested
    }
}
