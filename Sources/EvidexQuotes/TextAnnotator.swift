/// Finds quotations with their speakers and organisation mentions in a text, with one
/// gazetteer for both, so that a speaker's organisation and the organisation mentions of the
/// same text are named alike.
public struct TextAnnotator: Sendable {
    public let gazetteer: OrganisationGazetteer
    private let extractor: QuoteExtractor
    private let linker: OrganisationLinker

    public init(gazetteer: OrganisationGazetteer = .builtIn) {
        self.gazetteer = gazetteer
        linker = OrganisationLinker(gazetteer: gazetteer)
        extractor = QuoteExtractor(organisations: linker)
    }

    /// `text`: a headline line, a blank line, then paragraphs separated by newlines (the
    /// shape of a news file); other text works too, with no headline.
    public func annotate(_ text: String) -> TextAnnotations {
        // Both passes index the text by code point; decode it once for both.
        annotate(scalars: ScalarInfo.scalars(of: text))
    }

    /// `annotate` on a text's code points (`ScalarText`).
    public func annotate(scalars: [Unicode.Scalar]) -> TextAnnotations {
        annotate(scalars: scalars, quoteBytes: true)
    }

    /// `annotate(scalars:)` where `quoteBytes` false says the text has no `"`, `'` or non-ASCII
    /// scalar (`ScalarText.joined` reports it as it decodes), so no quotation: the scan for an
    /// opening mark is skipped.
    public func annotate(scalars: [Unicode.Scalar], quoteBytes: Bool) -> TextAnnotations {
        var quotes = quoteBytes && TextAnnotator.mayHoldQuotes(scalars) ? extractor.extract(scalars: scalars) : []
        SpeakerNameNormalizer.normalize(&quotes, scalars: scalars, organisations: linker)
        return TextAnnotations(quotes: quotes, organisations: linker.link(scalars: scalars))
    }

    /// False only when no quotation can open in the text: no double or guillemet mark, and no
    /// single mark in an opening position (at the start, or after a space, a line break or an
    /// opening bracket; an apostrophe inside or after a word cannot open a quote). Texts
    /// without quotations (most reference material) then skip the extractor.
    static func mayHoldQuotes(_ s: [Unicode.Scalar]) -> Bool {
        s.withUnsafeBufferPointer { mayHoldQuotes($0) }
    }

    static func mayHoldQuotes(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let n = s.count
        var i = 0
        while true {
            // spaces and the scalars between the ASCII marks and « (letters, digits, most
            // punctuation) hold no mark and open none: skipped eight at a time
            i = ScalarScan.index(outside: 0x29, 0xAA, in: s, from: i, to: n)
            guard i < n else { return false }
            if Self.opensQuote(s[i], after: i > 0 ? s[i - 1] : " ") { return true }
            i += 1
        }
    }

    /// Whether `c` is a double mark or guillemet, or a single mark in an opening position.
    @inline(__always)
    private static func opensQuote(_ c: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        // letters, digits and most punctuation lie between the ASCII marks and «
        if c.value > 0x28 && c.value < 0xAB { return false }
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x300C, 0x300E:
            return true
        case 0x27, 0x2018, 0x2019, 0x201A, 0x201B:
            switch previous.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x28, 0x5B, 0x7B, 0x2014, 0x2013: return true
            default: return false
            }
        default:
            return false
        }
    }
}
