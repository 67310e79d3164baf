/// A top-level quoted stretch found by `QuoteMarkScanner`, before attribution.
struct QuoteStretch: Sendable, Equatable {
    /// Index of the opening mark, nil when a continued paragraph omits it.
    var open: Int?
    /// Index of the closing mark, nil when the paragraph ends inside the quote.
    var close: Int?
    var openWidth: Int = 1
    var closeWidth: Int = 1
    /// The words between the marks, whitespace trimmed.
    var inner: Range<Int>
    var paragraph: Int
    var nested: [Range<Int>] = []
    var unclosed = false
    var continued = false

    /// From the opening mark (or inner start) to just past the closing mark.
    var outer: Range<Int> {
        let a = open ?? inner.lowerBound
        let b = close.map { $0 + closeWidth } ?? inner.upperBound
        return a..<Swift.max(b, a)
    }
}
