import EvidexSearch

/// Runs a query set against a searcher at a fixed depth.
public struct Evaluator {
    public let searcher: Searcher
    /// Hits kept per query (1000, as trec_eval's map and the shared bench expect).
    public let depth: Int

    public init(searcher: Searcher, depth: Int = 1000) {
        self.searcher = searcher
        self.depth = depth
    }

    /// Every query's ranking, in the order given. A query that cannot run (it has no words)
    /// gets an empty ranking and its reason, so one bad line never loses the rest.
    public func run(_ queries: [EvalQuery]) -> [RankedQuery] {
        var runs: [RankedQuery] = []
        for q in queries {
            do {
                runs.append(RankedQuery(qid: q.qid, hits: try searcher.rank(q.text, k: depth)))
            } catch {
                runs.append(RankedQuery(qid: q.qid, hits: [], error: error.description))
            }
        }
        return runs
    }
}
