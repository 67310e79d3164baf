import ArgumentParser
import Evidex
import EvidexEval
import Foundation

/// `evidex eval`: runs a test collection's queries, writes the TREC run and prints trec_eval's
/// measures (EVALUATION.md has the definitions and the collections).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run a query set against the index and score it with relevance judgments.",
        discussion: """
            Queries: TSV (qid<TAB>text) or JSON Lines ({"qid", "text"}); the text is read leniently \
            (a stray quote or bracket never fails a query) or, with --raw, as plain words. Judgments: \
            TREC qrels (qid 0 docid rel) or qid<TAB>docid<TAB>rel, graded or binary. Prints nDCG@10 \
            (linear gains, log2 discount), MAP, P@10, R@100 and MRR with trec_eval's definitions, \
            averaged over the queries that have a relevant judgment.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @Option(help: "Query file (.tsv or .jsonl).") var queries: String
    @Option(help: "Relevance judgments (TREC qrels).") var qrels: String
    @Option(name: .customLong("run-out"), help: "Write the TREC run file here (qid Q0 docid rank score tag).")
    var runOut: String?
    @Option(help: "Hits per query.") var depth: Int = 1000
    @Option(help: "Run tag in the run file.") var tag: String = "evidex"
    @Flag(name: .customLong("per-query"), help: "Also print every query's measures.") var perQuery = false
    @Flag(help: "Print one JSON object (trec_eval's measure names).") var json = false
    @Flag(help: "Read each query as plain words: no phrases, operators or fields.") var raw = false
    @Option(help: "BM25 k1 (default: the search default).") var k1: Double?
    @Option(help: "BM25 b (default: the search default).") var b: Double?
    @Option(help: "BM25F weight of the title field (default: the search default).") var titleWeight: Double?
    @Flag(inversion: .prefixedNo, help: "Function words of plain-word queries match but score nothing (the search default).")
    var stopWords = true
    @Option(help: "Proximity boost of neighbouring query words (0 = off).") var proximity: Double?
    @Option(help: "Proximity window in positions.") var proximitySlop: Int?
    @Option(help: "Proximity only for queries of at least this many content words.") var proximityMinWords: Int?
    @Flag(inversion: .prefixedNo,
          help: "Pseudo-relevance feedback (RM3) for confident questions: add words of the best documents and search again (the search default).")
    var expand = true
    @Option(help: "Feedback documents (default: the search default).") var fbDocs: Int?
    @Option(help: "Feedback words added (default: the search default).") var fbTerms: Int?
    @Option(help: "Weight of the original query, 0–1 (default: the search default).") var fbOriginal: Double?
    @Option(help: "Expand only when the best first-pass score is this many times the last feedback document's; 0 = always (default: the search default).")
    var fbMinRatio: Double?
    @Option(help: "Expand only queries of at least this many content words (default: the search default).") var fbMinWords: Int?

    func validate() throws {
        guard depth > 0 else { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let report: EvaluationReport
        do {
            let queryList = try QueryFileReader.read(path: queries)
            let judgments = try QrelsReader.read(path: qrels)
            let snapshot = try openSnapshot(indexOptions)
            var settings = RankingSettings()
            if let k1 { settings.k1 = k1 }
            if let b { settings.b = b }
            settings.queryStopWords = stopWords
            if let proximity { settings.proximityBoost = proximity }
            if let proximitySlop { settings.proximitySlop = proximitySlop }
            if let proximityMinWords { settings.proximityMinWords = proximityMinWords }
            if let titleWeight { settings.weights[.title] = titleWeight }
            if expand {
                var e = settings.expansion ?? ExpansionSettings()
                if let fbDocs { e.feedbackDocuments = fbDocs }
                if let fbTerms { e.feedbackTerms = fbTerms }
                if let fbOriginal { e.originalWeight = fbOriginal }
                if let fbMinRatio { e.minimumScoreRatio = fbMinRatio }
                if let fbMinWords { e.minimumWords = fbMinWords }
                settings.expansion = e
            } else {
                settings.expansion = nil
            }
            let searcher = try Searcher(snapshot: snapshot, settings: settings,
                                        parser: QueryParser(syntax: raw ? .plainWords : .lenient))
            let runs = Evaluator(searcher: searcher, depth: depth).run(queryList)
            if let runOut { try TRECRunWriter.write(runs, tag: tag, to: runOut) }
            report = EvaluationReport(runs: runs, qrels: judgments)
        } catch {
            throw fail(String(describing: error))
        }
        for f in report.failed { Terminal.error("evidex: query \(f.qid) did not run: \(f.error)") }
        if !report.missing.isEmpty {
            Terminal.error("evidex: \(report.missing.count) judged queries are not in \(queries) (not averaged): "
                + report.missing.prefix(10).joined(separator: " ") + (report.missing.count > 10 ? " …" : ""))
        }
        if report.perQuery.isEmpty {
            throw fail("no query of \(queries) has a relevant judgment in \(qrels): check that their query ids match")
        }
        if json {
            printJSON(report)
        } else {
            printTable(report)
        }
    }

    private func printTable(_ r: EvaluationReport) {
        func row(_ m: QueryMetrics) -> String {
            [m.qid.padding(toLength: 10, withPad: " ", startingAt: 0)]
                .appending(contentsOf: [m.ndcg10, m.averagePrecision, m.precision10, m.recall100, m.reciprocalRank]
                    .map { String(format: "%8.4f", $0) })
                .joined(separator: " ") + String(format: " %6d %6d", m.retrieved, m.relevant)
        }
        print("query        nDCG@10      MAP     P@10    R@100      MRR    hits    rel")
        if perQuery { for m in r.perQuery { print(row(m)) } }
        print(row(r.mean))
        print("\(r.perQuery.count) judged queries" + (r.unjudged.isEmpty ? "" : "; \(r.unjudged.count) without relevant judgments left out"))
    }

    /// The JSON shape scripts read: measures under trec_eval's names.
    struct JSONMeasures: Encodable {
        var qid: String
        var ndcg_cut_10: Double
        var map: Double
        var P_10: Double
        var recall_100: Double
        var recip_rank: Double
        var retrieved: Int
        var relevant: Int

        init(_ m: QueryMetrics) {
            qid = m.qid
            ndcg_cut_10 = m.ndcg10
            map = m.averagePrecision
            P_10 = m.precision10
            recall_100 = m.recall100
            recip_rank = m.reciprocalRank
            retrieved = m.retrieved
            relevant = m.relevant
        }
    }

    struct JSONReport: Encodable {
        var queries: Int
        var judged: Int
        var unjudged: [String]
        var missing: [String]
        var mean: JSONMeasures
        var per_query: [JSONMeasures]?
    }

    private func printJSON(_ r: EvaluationReport) {
        let out = JSONReport(
            queries: r.perQuery.count + r.unjudged.count, judged: r.perQuery.count, unjudged: r.unjudged,
            missing: r.missing, mean: JSONMeasures(r.mean), per_query: perQuery ? r.perQuery.map(JSONMeasures.init) : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(out) { print(String(decoding: data, as: UTF8.self)) }
    }
}

extension Array {
    fileprivate func appending(contentsOf other: [Element]) -> [Element] { self + other }
}
