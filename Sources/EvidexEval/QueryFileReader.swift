import Foundation

/// Reads a query file: TSV (`qid<TAB>text`, one query a line) or JSON Lines
/// (`{"qid": …, "text": …}`; a numeric qid is read as its digits). The format is taken from the
/// extension (`.jsonl`, `.ndjson`, `.json` vs anything else), or, when the extension says
/// nothing, from the first non-blank character (`{` is JSON Lines). Blank lines are skipped.
/// Query text is kept as written: the search's lenient parser decides what it means.
public enum QueryFileReader {
    public static func read(path: String) throws(EvalError) -> [EvalQuery] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path)
    }

    /// Parses a query file's text; `path` names it in errors and decides the format.
    public static func parse(_ text: String, path: String) throws(EvalError) -> [EvalQuery] {
        let ext = (path as NSString).pathExtension.lowercased()
        let jsonl: Bool
        switch ext {
        case "jsonl", "ndjson", "json": jsonl = true
        case "tsv", "txt", "tab": jsonl = false
        default: jsonl = text.first(where: { !$0.isWhitespace }) == "{"
        }
        var queries: [EvalQuery] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            // ("\r\n" is one Character, so CRLF lines were split above; a lone "\r" ends a line too.)
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            let q = jsonl ? try jsonQuery(line, path: path, line: lineNumber) : try tsvQuery(line, path: path, line: lineNumber)
            if seen[q.qid] != nil { throw .duplicateQuery(path: path, line: lineNumber, qid: q.qid) }
            seen[q.qid] = lineNumber
            queries.append(q)
        }
        if queries.isEmpty { throw .empty(path: path, what: "queries") }
        return queries
    }

    private static func tsvQuery(_ line: Substring, path: String, line n: Int) throws(EvalError) -> EvalQuery {
        guard let tab = line.firstIndex(of: "\t") else {
            throw .badQueryLine(path: path, line: n, reason: "no tab between the query id and its text")
        }
        let qid = line[..<tab].trimmingCharacters(in: .whitespaces)
        guard !qid.isEmpty else { throw .badQueryLine(path: path, line: n, reason: "empty query id") }
        return EvalQuery(qid: qid, text: String(line[line.index(after: tab)...]))
    }

    private static func jsonQuery(_ line: Substring, path: String, line n: Int) throws(EvalError) -> EvalQuery {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(line.utf8)) } catch {
            throw .badQueryLine(path: path, line: n, reason: "not valid JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw .badQueryLine(path: path, line: n, reason: "not a JSON object")
        }
        let qid: String
        switch dict["qid"] {
        case let s as String: qid = s
        case let i as Int: qid = String(i)
        default: throw .badQueryLine(path: path, line: n, reason: "no string or integer \"qid\"")
        }
        guard !qid.isEmpty else { throw .badQueryLine(path: path, line: n, reason: "empty query id") }
        guard let text = dict["text"] as? String else {
            throw .badQueryLine(path: path, line: n, reason: "no string \"text\"")
        }
        return EvalQuery(qid: qid, text: text)
    }
}
