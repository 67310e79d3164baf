import EvidexSearch
import Foundation
import Testing
@testable import EvidexEval

@Suite("Metrics (hand-computed)")
struct MetricsTests {
    // Judgments: a = 3, c = 1, e = 2, x = 2 (never retrieved), n = 0 (judged not relevant).
    // Ranking: a b c d e → grades 3 0 1 0 2; R = 4.
    static let qrels = Qrels(["q": ["a": 3, "c": 1, "e": 2, "x": 2, "n": 0]])
    static let ranking = ["a", "b", "c", "d", "e"]

    @Test("P@10, R@100, AP, RR and nDCG@10 of one ranking")
    func oneRanking() {
        let m = QueryMetrics(qid: "q", ranking: Self.ranking, qrels: Self.qrels)
        // P@10 = 3 relevant / 10 (not / 5: trec_eval divides by the cutoff).
        #expect(abs(m.precision10 - 0.3) < 1e-12)
        // R@100 = 3 of the 4 relevant.
        #expect(abs(m.recall100 - 0.75) < 1e-12)
        // AP = (1/1 + 2/3 + 3/5) / 4 = 0.5666667.
        #expect(abs(m.averagePrecision - 0.5666666667) < 1e-9)
        #expect(m.reciprocalRank == 1)
        // DCG@10 = 3/log2 2 + 1/log2 4 + 2/log2 6 = 3 + 0.5 + 0.7737056 = 4.2737056
        // IDCG@10 = 3/log2 2 + 2/log2 3 + 2/log2 4 + 1/log2 5 = 3 + 1.2618595 + 1 + 0.4306766 = 5.6925361
        // nDCG@10 = 0.7507560
        #expect(abs(Metrics.dcg([3, 0, 1, 0, 2], at: 10) - 4.2737056) < 1e-6)
        #expect(abs(m.ndcg10 - 0.7507560) < 1e-6)
        #expect(m.retrieved == 5 && m.relevant == 4)
    }

    @Test("cut-offs: nothing past rank 10 counts for nDCG@10 and P@10")
    func cutoffs() {
        let grades = [Int](repeating: 0, count: 10) + [1]
        #expect(Metrics.precision(grades, at: 10) == 0)
        #expect(Metrics.ndcg(grades, at: 10, idealGains: [1]) == 0)
        #expect(abs(Metrics.reciprocalRank(grades) - 1.0 / 11) < 1e-12)
        #expect(abs(Metrics.averagePrecision(grades, relevant: 2) - (1.0 / 11) / 2) < 1e-12)
        #expect(Metrics.recall(grades, at: 100, relevant: 2) == 0.5)
        // Binary judgments, the first relevant at rank 3: nDCG = (1/log2 4) / 1 = 0.5.
        #expect(abs(Metrics.ndcg([0, 0, 1], at: 10, idealGains: [1]) - 0.5) < 1e-12)
        #expect(abs(Metrics.reciprocalRank([0, 0, 1]) - 1.0 / 3) < 1e-12)
    }

    @Test("no relevant documents: every measure is 0; negative grades are not relevant")
    func degenerate() {
        #expect(Metrics.ndcg([1, 2], at: 10, idealGains: []) == 0)
        #expect(Metrics.averagePrecision([1], relevant: 0) == 0)
        #expect(Metrics.recall([1], at: 100, relevant: 0) == 0)
        #expect(Metrics.reciprocalRank([]) == 0)
        let q = Qrels(["q": ["a": -1, "b": 1]])
        #expect(q.relevantCount(qid: "q") == 1)
        #expect(q.idealGains(qid: "q") == [1])
        let m = QueryMetrics(qid: "q", ranking: ["a", "b"], qrels: q)
        #expect(m.reciprocalRank == 0.5)
        #expect(abs(m.ndcg10 - 1 / log2(3.0)) < 1e-12)
    }

    @Test("equal scores rank by document id in reverse byte order, as trec_eval reads a run")
    func ties() {
        let r = RankedQuery(qid: "q", hits: [
            RankedHit(id: "d1", score: 1), RankedHit(id: "d3", score: 1), RankedHit(id: "d2", score: 2), RankedHit(id: "d10", score: 1),
        ])
        #expect(r.ranking == ["d2", "d3", "d10", "d1"])
        // Scores equal in single precision are ties to trec_eval too.
        let near = RankedQuery(qid: "q", hits: [RankedHit(id: "a", score: 1.0000000001), RankedHit(id: "b", score: 1)])
        #expect(near.ranking == ["b", "a"])
    }

    @Test("means over judged queries; unjudged queries listed, a judged query with no hits scores 0")
    func report() {
        let qrels = Qrels(["1": ["a": 1], "2": ["b": 1], "3": ["c": 0], "4": ["d": 1]])
        let runs = [
            RankedQuery(qid: "1", hits: [RankedHit(id: "a", score: 2)]),
            RankedQuery(qid: "2", hits: []),
            RankedQuery(qid: "3", hits: [RankedHit(id: "c", score: 1)]),
        ]
        let r = EvaluationReport(runs: runs, qrels: qrels)
        #expect(r.perQuery.map(\.qid) == ["1", "2"])
        #expect(r.unjudged == ["3"])
        #expect(r.missing == ["4"])
        #expect(r.mean.ndcg10 == 0.5)
        #expect(r.mean.reciprocalRank == 0.5)
        #expect(r.mean.precision10 == 0.05)
    }
}
