import Foundation

/// Reads relevance judgments: TREC qrels (`qid iter docid rel`, fields separated by spaces or
/// tabs; the iteration field is ignored) or three-column `qid docid rel` (what the shared
/// bench's converters write). A later line for the same query and document replaces an earlier
/// one. Grades are integers; negative grades count as not relevant, as in trec_eval.
public enum QrelsReader {
    public static func read(path: String) throws(EvalError) -> Qrels {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(EvalError) -> Qrels {
        var qrels = Qrels()
        var lineNumber = 0
        var any = false
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            let qid: Substring, docid: Substring, rel: Substring
            switch fields.count {
            case 4: (qid, docid, rel) = (fields[0], fields[2], fields[3])
            case 3: (qid, docid, rel) = (fields[0], fields[1], fields[2])
            default:
                throw .badQrelsLine(path: path, line: lineNumber, reason: "\(fields.count) fields instead of 4 (or 3)")
            }
            guard let grade = Int(rel) else {
                throw .badQrelsLine(path: path, line: lineNumber, reason: "relevance \"\(rel)\" is not an integer")
            }
            qrels.judge(qid: String(qid), docid: String(docid), grade: grade)
            any = true
        }
        if !any { throw .empty(path: path, what: "judgments") }
        return qrels
    }
}
