/// Errors from opening, writing or reading an index. Messages say what to do next.
public enum IndexError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case locked(path: String, holder: String)
    case io(path: String, operation: String, errno: Int32)
    case corrupt(String)
    case checksumMismatch(file: String)
    case unsupportedVersion(file: String, found: UInt32, supported: UInt32)
    case documentTooLarge(id: String, tokens: Int)
    case invalidArgument(String)
    /// A document whose text the index reads from its source file could not be read back.
    case sourceUnavailable(id: String, path: String, problem: String)
    /// A document's source file no longer gives the text it was indexed with.
    case sourceChanged(id: String)

    /// Whether the error concerns one document's source file (the index itself is sound).
    public var isSourceProblem: Bool {
        switch self {
        case .sourceUnavailable, .sourceChanged: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no index at \(path): build one with `evidex index [PATH…] --index \(path)`"
        case .locked(let path, let holder):
            return "the index at \(path) is being written by another process (\(holder)); wait for it to finish, or remove \(path)/LOCK if that process is gone"
        case .io(let path, let op, let e):
            return "could not \(op) \(path): \(String(cString: strerror(e))) (errno \(e))"
        case .corrupt(let what):
            return "the index is damaged: \(what). Run `evidex verify`, then rebuild with `evidex index --rebuild` if it fails"
        case .checksumMismatch(let file):
            return "checksum mismatch in \(file): the file is damaged; rebuild the index with `evidex index --rebuild`"
        case .unsupportedVersion(let file, let found, let supported):
            return "\(file) has index format version \(found), but this evidex reads version \(supported); rebuild the index with `evidex index --rebuild`"
        case .documentTooLarge(let id, let tokens):
            return "document \(id) has \(tokens) tokens, more than one document may hold; split it"
        case .invalidArgument(let what):
            return what
        case .sourceUnavailable(let id, let path, let problem):
            return "the text of \(id) is read from \(path), which cannot be read now (\(problem)); run `evidex index` on the source again to refresh the index, or index with `--store copy` to keep the text in the index"
        case .sourceChanged(let id):
            return "the source file of \(id) has changed since it was indexed; run `evidex index` on it again to refresh the index, or index with `--store copy` to keep the text in the index"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
