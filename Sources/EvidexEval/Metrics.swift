import Foundation

/// trec_eval's measures (version 9.0.x, as pytrec_eval computes them), over one ranked list given
/// as the grade of each retrieved document in rank order (0 for unjudged). A document is
/// relevant when its grade is ≥ 1 (trec_eval's default relevance level); R is the number of
/// relevant documents in the judgments, retrieved or not.
///
/// - `P@k` (P_10): relevant documents in the first k / k (k even when fewer were retrieved).
/// - `R@k` (recall_100): relevant documents in the first k / R.
/// - `AP` (map): Σ over relevant retrieved documents of (relevant up to its rank / its rank), / R.
/// - `RR` (recip_rank): 1 / rank of the first relevant document, 0 if none.
/// - `nDCG@k` (ndcg_cut_10): DCG@k / IDCG@k with DCG@k = Σ_{i=1..k} gain_i / log2(i + 1), gain =
///   the grade (linear gains; grades ≤ 0 gain nothing), IDCG@k the DCG@k of all the judgments'
///   positive grades sorted best first; 0 when there is no relevant document.
///
/// All are 0 for a query with no relevant document (callers leave such queries out of means).
public enum Metrics {
    public static func precision(_ grades: [Int], at k: Int) -> Double {
        guard k > 0 else { return 0 }
        return Double(grades.prefix(k).count(where: { $0 >= 1 })) / Double(k)
    }

    public static func recall(_ grades: [Int], at k: Int, relevant: Int) -> Double {
        guard relevant > 0 else { return 0 }
        return Double(grades.prefix(k).count(where: { $0 >= 1 })) / Double(relevant)
    }

    public static func averagePrecision(_ grades: [Int], relevant: Int) -> Double {
        guard relevant > 0 else { return 0 }
        var found = 0
        var sum = 0.0
        for (i, g) in grades.enumerated() where g >= 1 {
            found += 1
            sum += Double(found) / Double(i + 1)
        }
        return sum / Double(relevant)
    }

    public static func reciprocalRank(_ grades: [Int]) -> Double {
        guard let i = grades.firstIndex(where: { $0 >= 1 }) else { return 0 }
        return 1 / Double(i + 1)
    }

    /// Discounted cumulative gain of the first k grades.
    public static func dcg(_ grades: [Int], at k: Int) -> Double {
        var sum = 0.0
        for (i, g) in grades.prefix(k).enumerated() where g > 0 {
            sum += Double(g) / log2(Double(i + 2))
        }
        return sum
    }

    /// `idealGains`: the judgments' positive grades, best first (`Qrels.idealGains`).
    public static func ndcg(_ grades: [Int], at k: Int, idealGains: [Int]) -> Double {
        let ideal = dcg(idealGains, at: k)
        return ideal > 0 ? dcg(grades, at: k) / ideal : 0
    }
}
