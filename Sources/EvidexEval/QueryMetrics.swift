/// The measures of one query's ranking (definitions: `Metrics`).
public struct QueryMetrics: Sendable, Equatable {
    public let qid: String
    public let ndcg10: Double
    public let averagePrecision: Double
    public let precision10: Double
    public let recall100: Double
    public let reciprocalRank: Double
    /// Documents returned and relevant documents judged.
    public let retrieved: Int
    public let relevant: Int

    public init(qid: String, ndcg10: Double, averagePrecision: Double, precision10: Double, recall100: Double,
                reciprocalRank: Double, retrieved: Int, relevant: Int) {
        self.qid = qid
        self.ndcg10 = ndcg10
        self.averagePrecision = averagePrecision
        self.precision10 = precision10
        self.recall100 = recall100
        self.reciprocalRank = reciprocalRank
        self.retrieved = retrieved
        self.relevant = relevant
    }

    /// Scores a ranking (document ids, best first) against the judgments.
    public init(qid: String, ranking: [String], qrels: Qrels) {
        let grades = ranking.map { qrels.grade(qid: qid, docid: $0) }
        let relevant = qrels.relevantCount(qid: qid)
        self.init(
            qid: qid,
            ndcg10: Metrics.ndcg(grades, at: 10, idealGains: qrels.idealGains(qid: qid)),
            averagePrecision: Metrics.averagePrecision(grades, relevant: relevant),
            precision10: Metrics.precision(grades, at: 10),
            recall100: Metrics.recall(grades, at: 100, relevant: relevant),
            reciprocalRank: Metrics.reciprocalRank(grades),
            retrieved: ranking.count, relevant: relevant)
    }

    /// The mean of each measure over the queries (all zero for none).
    public static func mean(_ all: [QueryMetrics], qid: String = "all") -> QueryMetrics {
        let n = Double(max(all.count, 1))
        func avg(_ f: (QueryMetrics) -> Double) -> Double { all.reduce(0) { $0 + f($1) } / n }
        return QueryMetrics(
            qid: qid, ndcg10: avg(\.ndcg10), averagePrecision: avg(\.averagePrecision), precision10: avg(\.precision10),
            recall100: avg(\.recall100), reciprocalRank: avg(\.reciprocalRank),
            retrieved: all.reduce(0) { $0 + $1.retrieved }, relevant: all.reduce(0) { $0 + $1.relevant })
    }
}
