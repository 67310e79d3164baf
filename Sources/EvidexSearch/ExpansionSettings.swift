/// Pseudo-relevance feedback (RM3): the query is run once, the words of its best documents are
/// weighed by how often they occur there (each document's share of its length, times the
/// document's share of the feedback scores), and the query is run again with the
/// `feedbackTerms` heaviest words added. Word weights: `originalWeight` · P(w | query) +
/// (1 − `originalWeight`) · P(w | feedback), applied as boosts on each word's BM25F score.
/// Function words (`StopWords.english`) and words in more than `maxDocumentShare` of the
/// documents never enter as feedback terms. The feedback pass ranks the query alone: a search's
/// date, source or kind filters apply to the second pass only.
public struct ExpansionSettings: Sendable, Equatable {
    public var feedbackDocuments: Int
    public var feedbackTerms: Int
    public var originalWeight: Double
    public var maxDocumentShare: Double

    public init(feedbackDocuments: Int = 10, feedbackTerms: Int = 10, originalWeight: Double = 0.5, maxDocumentShare: Double = 0.5) {
        self.feedbackDocuments = feedbackDocuments
        self.feedbackTerms = feedbackTerms
        self.originalWeight = originalWeight
        self.maxDocumentShare = maxDocumentShare
    }
}
