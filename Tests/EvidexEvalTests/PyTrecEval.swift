import Foundation

/// Runs python3 and returns its standard output, or nil when it cannot run or fails.
enum PyTrecEval {
    /// Reads a run and qrels, prints pytrec_eval's per-query measures as JSON.
    static let script = """
        import json, sys, pytrec_eval
        run, qrels = {}, {}
        for line in open(sys.argv[1]):
            q, _, d, _, s, _ = line.split()
            run.setdefault(q, {})[d] = float(s)
        for line in open(sys.argv[2]):
            q, _, d, r = line.split()
            qrels.setdefault(q, {})[d] = int(r)
        ev = pytrec_eval.RelevanceEvaluator(qrels, {"ndcg_cut_10", "map", "P_10", "recall_100", "recip_rank"})
        print(json.dumps(ev.evaluate(run)))
        """

    static func run(_ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
