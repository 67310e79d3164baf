/// The measures of a run: per judged query and their means.
///
/// Means are over the queries of the query file that have at least one relevant judgment
/// (trec_eval's convention for queries it can score); a judged query that found nothing scores
/// 0 everywhere. Queries without relevant judgments are listed, not averaged.
public struct EvaluationReport: Sendable {
    /// Judged queries in query-file order.
    public let perQuery: [QueryMetrics]
    public let mean: QueryMetrics
    /// Queries of the query file with no relevant judgment (left out of the means).
    public let unjudged: [String]
    /// Queries with relevant judgments that the query file does not have.
    public let missing: [String]
    /// Queries that could not run, with the reason.
    public let failed: [(qid: String, error: String)]

    public init(runs: [RankedQuery], qrels: Qrels) {
        var per: [QueryMetrics] = []
        var unjudged: [String] = []
        var failed: [(String, String)] = []
        for run in runs {
            if let e = run.error { failed.append((run.qid, e)) }
            if qrels.relevantCount(qid: run.qid) == 0 {
                unjudged.append(run.qid)
                continue
            }
            per.append(QueryMetrics(qid: run.qid, ranking: run.ranking, qrels: qrels))
        }
        let asked = Set(runs.map(\.qid))
        perQuery = per
        mean = QueryMetrics.mean(per)
        self.unjudged = unjudged
        self.failed = failed
        missing = qrels.queryIDs.filter { !asked.contains($0) && qrels.relevantCount(qid: $0) > 0 }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
    }
}
