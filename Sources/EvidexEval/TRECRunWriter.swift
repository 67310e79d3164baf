import Foundation

/// Writes rankings as a TREC run file: `qid Q0 docid rank score tag` per line, ranks from 1.
/// Scores are printed with as many digits as they need to read back as the same number, so
/// that trec_eval sees no ties the ranking did not have.
public enum TRECRunWriter {
    public static func text(_ runs: [RankedQuery], tag: String) -> String {
        let tag = tag.isEmpty ? "evidex" : String(tag.map { $0.isWhitespace ? "_" : $0 })
        var out = ""
        for run in runs {
            for (i, hit) in run.hits.enumerated() {
                out += "\(run.qid) Q0 \(hit.id) \(i + 1) \(hit.score) \(tag)\n"
            }
        }
        return out
    }

    public static func write(_ runs: [RankedQuery], tag: String, to path: String) throws(EvalError) {
        do {
            try text(runs, tag: tag).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
