import EvidexIndex

/// BM25F parameters. Per-field weights scale term frequencies before saturation, so a title
/// match counts like `weight` body matches of the same length-normalised frequency.
public struct RankingSettings: Sendable, Equatable {
    public var k1: Double
    public var b: Double
    public var weights: [IndexField: Double]
    /// Pseudo-relevance feedback for questions of plain ranked words (gated: see
    /// `ExpansionSettings`); nil = off. On by default: it raised mean nDCG@10 over the test
    /// collections of EVALUATION.md and lowered none by more than 0.002.
    public var expansion: ExpansionSettings?
    /// In queries of plain ranked words with other words, function words (`StopWords.english`:
    /// a question's "what", "the", "of") match but score nothing, and spaced single letters the
    /// index knows as an acronym score as it (`Searcher.withoutStopWords`). On by default: it
    /// raised nDCG@10 on all nine test collections of EVALUATION.md. Phrases and fields keep
    /// every word.
    public var queryStopWords: Bool = true
    /// Proximity for plain-word queries of at least `proximityMinWords` content words (a
    /// question, not a keyword search): each pair of neighbouring content words also scores as
    /// a phrase within `proximitySlop` positions, times this boost (0 = off). The defaults
    /// raised mean nDCG@10 over the test collections (EVALUATION.md); shorter queries pay
    /// nothing for it.
    public var proximityBoost: Double = 0.1
    public var proximitySlop: Int = 1
    public var proximityMinWords: Int = 4

    public init(k1: Double = 1.2, b: Double = 0.75, weights: [IndexField: Double] = RankingSettings.defaultWeights,
                expansion: ExpansionSettings? = ExpansionSettings()) {
        self.k1 = k1
        self.b = b
        self.weights = weights
        self.expansion = expansion
    }

    public static let defaultWeights: [IndexField: Double] = [.title: 2.0, .body: 1.0, .speaker: 1.0, .author: 1.0]

    /// Fields an unfielded word searches.
    public static let defaultFields: [IndexField] = [.title, .body, .speaker, .author]

    public func weight(_ f: IndexField) -> Double { weights[f] ?? 1.0 }

    /// BM25 inverse document frequency (the Lucene/Tantivy form, always positive).
    public static func idf(docFreq: Int, docCount: Int) -> Double {
        let n = Double(max(docCount, 1))
        let df = Double(min(max(docFreq, 0), max(docCount, 1)))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
