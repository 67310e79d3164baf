/// Pseudo-relevance feedback (RM3): the query is run once, the words of its best documents are
/// weighed by how often they occur there (each document's share of its length, times the
/// document's share of the feedback scores), and the query is run again with the
/// `feedbackTerms` heaviest words added. Word weights: `originalWeight` · P(w | query) +
/// (1 − `originalWeight`) · P(w | feedback), applied as boosts on each word's BM25F score.
/// Function words (`StopWords.english`) and words in more than `maxDocumentShare` of the
/// documents never enter as feedback terms. The added words only rank: the documents that
/// match are the query's. The feedback pass ranks the query alone: a search's date, source or
/// kind filters apply to the second pass only.
///
/// Gated (on by default, `RankingSettings.expansion`): only questions of at least
/// `minimumWords` content words are expanded, and only when the first pass is confident, its
/// best document scoring at least `minimumScoreRatio` times its `feedbackDocuments`-th. The
/// ratio of two scores of the same query does not depend on the collection's size or the
/// scale of its scores. EVALUATION.md has the measurements behind the defaults.
public struct ExpansionSettings: Sendable, Equatable {
    public var feedbackDocuments: Int
    public var feedbackTerms: Int
    public var originalWeight: Double
    public var maxDocumentShare: Double
    /// Expand only when the first pass's best score is at least this many times its
    /// `feedbackDocuments`-th (and it found that many documents); 0 = always.
    public var minimumScoreRatio: Double
    /// Expand only queries of at least this many content words (function words do not count).
    /// Seven: the test collections' questions are longer and keep the whole gain (EVALUATION.md),
    /// while keyword searches and headlines (BBC titles: four to six content words), which a
    /// second pass slows thirtyfold, are left alone.
    public var minimumWords: Int

    public init(feedbackDocuments: Int = 10, feedbackTerms: Int = 30, originalWeight: Double = 0.8, maxDocumentShare: Double = 0.5,
                minimumScoreRatio: Double = 1.6, minimumWords: Int = 7) {
        self.feedbackDocuments = feedbackDocuments
        self.feedbackTerms = feedbackTerms
        self.originalWeight = originalWeight
        self.maxDocumentShare = maxDocumentShare
        self.minimumScoreRatio = minimumScoreRatio
        self.minimumWords = minimumWords
    }
}
