/// Why an evaluation could not start. Descriptions name the file and line and say what to fix.
public enum EvalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file could not be read (path, the system's reason).
    case unreadable(path: String, reason: String)
    /// A query line is not `qid<TAB>text` or a JSON object with "qid" and "text".
    case badQueryLine(path: String, line: Int, reason: String)
    /// A qrels line is not `qid iter docid rel` (TREC) or `qid docid rel`.
    case badQrelsLine(path: String, line: Int, reason: String)
    /// The same query id twice in a query file.
    case duplicateQuery(path: String, line: Int, qid: String)
    /// A file with no queries or no judgments at all.
    case empty(path: String, what: String)
    /// The run file could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason)). Check the path and its permissions."
        case let .badQueryLine(path, line, reason):
            return "\(path):\(line): \(reason). Write queries as qid<TAB>text or {\"qid\": \"1\", \"text\": \"…\"} lines."
        case let .badQrelsLine(path, line, reason):
            return "\(path):\(line): \(reason). Write judgments as TREC qrels (qid 0 docid rel) or qid<TAB>docid<TAB>rel."
        case let .duplicateQuery(path, line, qid):
            return "\(path):\(line): query id \(qid) appears earlier in the file. Give every query its own id."
        case let .empty(path, what):
            return "\(path): no \(what) found. Check that it is the right file."
        case let .unwritable(path, reason):
            return "\(path): cannot be written (\(reason)). Check that its folder exists and is writable."
        }
    }
}
