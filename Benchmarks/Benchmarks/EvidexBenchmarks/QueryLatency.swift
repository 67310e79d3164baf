import Benchmark
import Evidex

/// The query kinds measured, each with a fixed list of queries for the BBC corpus and one for
/// the synthetic fallback corpus (whose words are `SyntheticCorpus.word(rank)`).
enum QueryKind: CaseIterable {
    case frequentTerm
    case rareTerm
    case orTwoTerms
    case andTwoTerms
    case phrase

    var name: String {
        switch self {
        case .frequentTerm: "single frequent term"
        case .rareTerm: "rare term"
        case .orTwoTerms: "2-term OR"
        case .andTwoTerms: "+a +b AND"
        case .phrase: "phrase"
        }
    }

    /// BBC document frequencies (files containing the word, any case) in comments.
    var bbcQueries: [String] {
        switch self {
        case .frequentTerm: ["said", "government", "people"]  // 1888, 470, …
        case .rareTerm: ["glaxosmithkline", "yukos", "mourinho"]  // 3, 27, 20
        case .orTwoTerms: ["economy growth", "tsunami aid", "chelsea arsenal"]
        case .andTwoTerms: ["+election +labour", "+blair +brown", "+mobile +phone"]
        case .phrase: ["\"prime minister\"", "\"interest rates\"", "\"mobile phone\""]  // 168, 57, 58
        }
    }

    var syntheticQueries: [String] {
        let w = SyntheticCorpus.word
        return switch self {
        case .frequentTerm: [w(0), w(1), w(2)]
        case .rareTerm: [w(9_000), w(14_000), w(19_000)]
        case .orTwoTerms: ["\(w(10)) \(w(20))", "\(w(30)) \(w(300))", "\(w(5)) \(w(3_000))"]
        case .andTwoTerms: ["+\(w(3)) +\(w(7))", "+\(w(10)) +\(w(50))", "+\(w(2)) +\(w(400))"]
        case .phrase: ["\"\(w(0)) \(w(1))\"", "\"\(w(2)) \(w(0))\"", "\"\(w(1)) \(w(3))\""]
        }
    }
}

/// One searcher over the benchmark index and the queries an iteration cycles through.
final class QueryFixture {
    let searcher: Searcher
    let queries: [String]
    private var next = 0

    init(queries: (_ bbc: Bool) -> [String], label: String) throws {
        let index = try BenchmarkIndex.open()
        searcher = try Searcher(snapshot: index.snapshot)
        self.queries = queries(index.source != "synthetic")
        // A query that matches nothing would measure nothing: refuse it.
        for q in self.queries {
            let (ids, count) = try searcher.topIDs(q, k: 10, count: true)
            guard !ids.isEmpty else { throw FixtureError.noMatches(q) }
            benchmarkNote("\(label): \(q) → \(count ?? 0) matches")
        }
    }

    /// The next query, round robin, so that the latency percentiles cover the whole list.
    func nextQuery() -> String {
        defer { next = (next + 1) % queries.count }
        return queries[next]
    }

    enum FixtureError: Error, CustomStringConvertible {
        case noMatches(String)
        var description: String { "benchmark query matches no document: \(self)" }
    }
}

/// Query latency: one iteration = one query (the kind's list in turn), so wall clock p50 is a
/// query's median latency. `topIDs(_:k:count:)` with k = 10 and count: false is the lean
/// ranked path (dynamic pruning, no stored documents read); the last benchmark is the full
/// `search(_:options:)` with 10 hits, snippets and facets.
func registerQueryLatencyBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 30,
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 20_000
    )

    for kind in QueryKind.allCases {
        Benchmark("Query topIDs k=10: \(kind.name)", configuration: configuration) { benchmark, fixture in
            let q = fixture.nextQuery()
            do {
                blackHole(try fixture.searcher.topIDs(q, k: 10, count: false))
            } catch {
                benchmark.error("\(q): \(error)")
            }
        } setup: {
            try QueryFixture(queries: { $0 ? kind.bbcQueries : kind.syntheticQueries }, label: kind.name)
        } teardown: {
            BenchmarkIndex.remove()
        }
    }

    Benchmark("Query search+snippets limit=10", configuration: configuration) { benchmark, fixture in
        let q = fixture.nextQuery()
        do {
            let result = try fixture.searcher.search(q, options: SearchOptions(limit: 10, snippets: true))
            blackHole(result)
        } catch {
            benchmark.error("\(q): \(error)")
        }
    } setup: {
        try QueryFixture(
            queries: { $0 ? ["interest rates"] : ["\(SyntheticCorpus.word(4)) \(SyntheticCorpus.word(60))"] },
            label: "search with snippets")
    } teardown: {
        BenchmarkIndex.remove()
    }
}
