import EvidexSearch
import Foundation
import Testing
@testable import EvidexEval

/// Checks our measures against trec_eval itself (pytrec_eval wraps its C code) on a run and
/// qrels with graded judgments, ties, unjudged documents and short rankings. Skipped, with a
/// message, where python3 or pytrec_eval is missing (`pip install pytrec-eval-terrier`);
/// `scripts/check-eval-metrics` does the same on a real collection's `evidex eval` run.
@Suite("Measures against pytrec_eval")
struct PyTrecEvalTests {
    static let available: Bool = PyTrecEval.run(["-c", "import pytrec_eval"]) != nil

    @Test("every query's nDCG@10, MAP, P@10, R@100 and MRR equal pytrec_eval's to 4 decimals",
          .enabled(if: PyTrecEvalTests.available, "python3 with pytrec_eval not found (pip install pytrec-eval-terrier): skipping the cross-check"))
    func crossCheck() throws {
        // A fixed pseudo-random collection: 40 queries, 300 documents, grades 0–3.
        var rng = SplitMix64(seed: 20261128)
        var qrels = Qrels()
        var runs: [RankedQuery] = []
        for q in 1...40 {
            let qid = "q\(q)"
            for _ in 0..<Int(rng.next() % 30) + 1 {
                qrels.judge(qid: qid, docid: "d\(rng.next() % 300)", grade: Int(rng.next() % 4))
            }
            var hits: [RankedHit] = []
            var used = Set<UInt64>()
            for _ in 0..<Int(rng.next() % 150) {
                let d = rng.next() % 300
                if !used.insert(d).inserted { continue }
                // Coarse scores make ties, which trec_eval breaks by document id.
                hits.append(RankedHit(id: "d\(d)", score: Double(rng.next() % 20) / 4))
            }
            runs.append(RankedQuery(qid: qid, hits: hits))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-pytrec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let runPath = dir.appendingPathComponent("run.trec").path
        let qrelsPath = dir.appendingPathComponent("qrels.txt").path
        try TRECRunWriter.write(runs, tag: "t", to: runPath)
        var qrelsText = ""
        for (qid, docs) in qrels.judgments { for (d, g) in docs { qrelsText += "\(qid) 0 \(d) \(g)\n" } }
        try qrelsText.write(toFile: qrelsPath, atomically: true, encoding: .utf8)

        let output = try #require(PyTrecEval.run(["-c", PyTrecEval.script, runPath, qrelsPath]))
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Double]])
        let report = EvaluationReport(runs: runs, qrels: try QrelsReader.read(path: qrelsPath))
        var compared = 0
        for m in report.perQuery {
            // pytrec_eval scores only queries with hits; ours with none score 0 everywhere.
            guard let t = theirs[m.qid] else {
                #expect(m.retrieved == 0, "pytrec_eval skipped \(m.qid), which has hits")
                continue
            }
            for (name, ours) in [("ndcg_cut_10", m.ndcg10), ("map", m.averagePrecision), ("P_10", m.precision10),
                                 ("recall_100", m.recall100), ("recip_rank", m.reciprocalRank)] {
                let value = try #require(t[name])
                #expect(abs(value - ours) < 5e-5, "\(m.qid) \(name): pytrec_eval \(value), evidex \(ours)")
            }
            compared += 1
        }
        #expect(compared >= 25)
    }
}
