#if canImport(Glibc)
import Glibc
#endif

/// A source file's size and modification time, stored per indexed path so that re-indexing
/// skips files that have not changed since they were indexed.
public struct FileStamp: Sendable, Hashable {
    public var size: UInt64
    /// Nanoseconds since 1970-01-01.
    public var modified: Int64

    public init(size: UInt64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path` now (following symlinks), or nil if it cannot be read.
    public static func of(path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(size: UInt64(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// Stored for paths with no stamp (documents not read from a file).
    static let none = FileStamp(size: UInt64.max, modified: 0)
}
