/// A problem with one input file (or one line of a JSONL file). Warnings leave the document
/// loaded (perhaps repaired); errors mean the file or line was not loaded.
public struct DocumentError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The document was still loaded (repaired or with a field left empty).
        case warning
        /// The file (or JSONL line) was not loaded.
        case error
    }

    /// What went wrong.
    public enum Reason: Error, Sendable, Hashable {
        /// A path given to `discover` does not exist.
        case notFound
        /// The file or folder could not be read; the system's message.
        case unreadable(String)
        case empty
        /// The file (or its decompressed content) is larger than the loader's limit.
        case tooLarge(bytes: Int, limit: Int)
        /// A `.gz` file decompresses to more than the loader's limit.
        case decompressedTooLarge(limit: Int)
        /// NUL bytes or mostly control characters: not text.
        case binary
        /// The `.gz` file is not a valid gzip stream.
        case corruptGzip
        /// The extension is not one the loader reads; `discover` skipped the file.
        case unsupportedExtension(String)
        /// The bytes were not UTF-8 but read as Windows-1252 (Latin-1).
        case decodedAsWindows1252
        /// Invalid UTF-8 sequences were replaced with U+FFFD.
        case invalidUTF8(replacements: Int)
        /// A JSONL line is not a JSON object; the parser's message.
        case invalidJSON(String)
        /// A field has a value of the wrong type or form (the field name and what was wrong).
        case badField(String, String)
        /// A date that could not be read as a day; the field was left empty.
        case unreadableDate(String)
        /// An unknown `kind` value; the document was loaded with kind `other`.
        case unknownKind(String)
        /// A front matter block opened with `---` but never closed.
        case unclosedFrontMatter
        /// The same id appeared earlier in the file.
        case duplicateID(String)
        /// Neither a title nor any body text was found.
        case noContent
        /// A title but no body text was found.
        case noBodyText
        /// A JSONL record with its own id but neither title nor text: indexed as an empty
        /// document, because test collections hold such records and their ids must resolve.
        case emptyRecord
        /// The bytes a document was indexed from no longer give that document.
        case changedSinceIndexed
    }

    /// The file's path as given (for JSONL problems, the line is in `line`).
    public var path: String
    /// 1-based line number for a problem on one JSONL line.
    public var line: Int?
    public var reason: Reason
    public var severity: Severity

    public init(path: String, line: Int? = nil, reason: Reason, severity: Severity? = nil) {
        self.path = path
        self.line = line
        self.reason = reason
        self.severity = severity ?? Self.defaultSeverity(reason)
    }

    public var isError: Bool { severity == .error }

    static func defaultSeverity(_ reason: Reason) -> Severity {
        switch reason {
        case .notFound, .unreadable, .empty, .tooLarge, .decompressedTooLarge, .binary, .corruptGzip, .invalidJSON, .noContent, .changedSinceIndexed:
            return .error
        case .unsupportedExtension, .decodedAsWindows1252, .invalidUTF8, .badField, .unreadableDate,
             .unknownKind, .unclosedFrontMatter, .duplicateID, .noBodyText, .emptyRecord:
            return .warning
        }
    }

    /// What went wrong, in a sentence.
    public var message: String {
        switch reason {
        case .notFound: return "no such file or folder"
        case .unreadable(let why): return "cannot be read (\(why))"
        case .empty: return "the file is empty"
        case .tooLarge(let bytes, let limit):
            return "\(bytes) bytes is over the limit of \(limit) bytes"
        case .decompressedTooLarge(let limit): return "decompresses to more than the \(limit)-byte limit per file"
        case .binary: return "not a text file (it has NUL bytes or mostly control characters)"
        case .corruptGzip: return "not a valid gzip file (corrupt or truncated)"
        case .unsupportedExtension(let ext):
            return ext.isEmpty ? "skipped: no file extension" : "skipped: unsupported extension .\(ext)"
        case .decodedAsWindows1252: return "not valid UTF-8; read as Windows-1252 (Latin-1)"
        case .invalidUTF8(let n): return "not valid UTF-8; \(n) invalid byte sequence\(n == 1 ? "" : "s") replaced with U+FFFD"
        case .invalidJSON(let why): return "not a JSON object: \(why)"
        case .badField(let field, let why): return "field \"\(field)\" \(why)"
        case .unreadableDate(let s): return "date \"\(s)\" is not a recognised date; the date was left empty"
        case .unknownKind(let s): return "unknown kind \"\(s)\"; loaded as kind other"
        case .unclosedFrontMatter: return "front matter opened with --- is never closed; read as body text"
        case .duplicateID(let id): return "id \"\(id)\" appears earlier in the same file"
        case .noContent: return "no title or text found"
        case .noBodyText: return "no body text found (title only)"
        case .emptyRecord: return "no title or text; indexed as an empty document under its id"
        case .changedSinceIndexed: return "has changed since it was indexed"
        }
    }

    /// What to do about it.
    public var remedy: String {
        switch reason {
        case .notFound: return "Check the path."
        case .unreadable: return "Check the file's permissions."
        case .empty, .noContent: return "Remove the file or give it text."
        case .tooLarge, .decompressedTooLarge: return "Split it, or raise the limit per document (`evidex index --max-document-mb N`)."
        case .binary: return "Remove it from the input folder."
        case .corruptGzip: return "Re-create the .gz file (gzip -t tests it)."
        case .unsupportedExtension: return "Use .txt, .md, .html, .rst, .jsonl or .ndjson (optionally .gz) to have it indexed."
        case .decodedAsWindows1252, .invalidUTF8: return "Re-save the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)."
        case .invalidJSON: return "Fix or remove the line; the other lines were loaded."
        case .badField: return "Give the field a string value."
        case .unreadableDate: return "Write dates as YYYY-MM-DD."
        case .unknownKind: return "Use news, evidence or other."
        case .unclosedFrontMatter: return "Close the front matter with a line of ---."
        case .duplicateID: return "Give every document its own id."
        case .noBodyText: return "Check that the file holds the article text."
        case .emptyRecord: return "Nothing to do if the record is empty on purpose; otherwise give it a title or body."
        case .changedSinceIndexed: return "Run `evidex index` on it again to refresh the index."
        }
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message). \(remedy)"
    }
}
