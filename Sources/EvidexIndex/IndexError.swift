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
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
