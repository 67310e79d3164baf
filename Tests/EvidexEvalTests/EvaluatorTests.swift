import Evidex
import Foundation
import Testing
@testable import EvidexEval

@Suite("Evaluating a run on an index")
struct EvaluatorTests {
    @Test("pasted queries never fail, every hit is ranked, measures follow the judgments")
    func endToEnd() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-eval-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try IndexWriter(directory: dir, options: IndexWriterOptions(threads: 1))
        let worker = try writer.makeWorker()
        let texts = [
            "d1": "Information retrieval evaluates ranked lists of documents.",
            "d2": "Relevance judgments grade documents for each query.",
            "d3": "Cooking pasta needs salted water.",
            "d4": "Retrieval of library documents by subject headings.",
        ]
        for (id, text) in texts.sorted(by: { $0.key < $1.key }) {
            try worker.add(Document(id: id, kind: .other, title: "", paragraphs: [Paragraph(text: text)]))
        }
        try worker.finish()
        try writer.commit()
        let searcher = try Searcher(snapshot: IndexSnapshot(directory: dir), parser: QueryParser(syntax: .lenient))
        let queries = [
            EvalQuery(qid: "1", text: "What is \"information retrieval? (of documents"),  // stray quote and bracket
            EvalQuery(qid: "2", text: "Question: relevance judgments"),                   // not a field
            EvalQuery(qid: "3", text: "?!"),                                              // nothing indexable
            EvalQuery(qid: "4", text: "  "),                                              // nothing at all
        ]
        let runs = Evaluator(searcher: searcher, depth: 1000).run(queries)
        #expect(runs.map(\.qid) == ["1", "2", "3", "4"])
        #expect(runs[0].error == nil && Set(runs[0].ranking) == ["d1", "d2", "d4"])
        #expect(runs[0].ranking.first == "d1")
        #expect(runs[1].ranking.first == "d2")
        #expect(runs[2].hits.isEmpty && runs[2].error == nil)
        #expect(runs[3].hits.isEmpty && runs[3].error != nil)
        // Depth cuts the ranking.
        #expect(Evaluator(searcher: searcher, depth: 1).run([queries[0]])[0].ranking == ["d1"])

        let qrels = Qrels(["1": ["d1": 2, "d4": 1], "2": ["d2": 1], "3": ["d3": 1], "4": ["d3": 1]])
        let report = EvaluationReport(runs: runs, qrels: qrels)
        #expect(report.perQuery.count == 4)
        #expect(report.perQuery[1].ndcg10 == 1)
        #expect(report.perQuery[2].ndcg10 == 0)
        #expect(report.failed.map(\.qid) == ["4"])
    }
}
