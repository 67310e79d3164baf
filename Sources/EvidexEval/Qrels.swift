/// Relevance judgments: per query id, per document id, a grade (0 = judged not relevant;
/// graded collections use 1, 2, 3…). A document with no judgment counts as not relevant.
public struct Qrels: Sendable, Equatable {
    public private(set) var judgments: [String: [String: Int]]

    public init(_ judgments: [String: [String: Int]] = [:]) {
        self.judgments = judgments
    }

    public mutating func judge(qid: String, docid: String, grade: Int) {
        judgments[qid, default: [:]][docid] = grade
    }

    /// The grade of a document for a query (0 when unjudged).
    public func grade(qid: String, docid: String) -> Int {
        judgments[qid]?[docid] ?? 0
    }

    /// How many documents are relevant (grade ≥ 1, trec_eval's default relevance level).
    public func relevantCount(qid: String) -> Int {
        judgments[qid]?.values.reduce(0) { $0 + ($1 >= 1 ? 1 : 0) } ?? 0
    }

    /// The positive grades of a query, best first: the ideal ranking's gains for nDCG.
    public func idealGains(qid: String) -> [Int] {
        (judgments[qid]?.values.filter { $0 >= 1 } ?? []).sorted(by: >)
    }

    public var queryIDs: [String] { Array(judgments.keys) }
}
