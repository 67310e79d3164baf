import Foundation

/// The commit point: which segment files and deletes files make up the index.
/// Stored as `MANIFEST`: UTF-8 JSON followed by the common 12-byte footer. Replaced only by
/// rename(2) of a fully written, fsynced `MANIFEST.tmp`, so a reader always sees a whole commit.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Segment: Codable, Sendable, Equatable {
        public var name: String
        public var docs: Int
        /// Name of the deletes file, or nil when no document of the segment is deleted.
        public var deletes: String?
        public var deletedCount: Int

        public var fileName: String { name + ".evx" }
    }

    public var format: UInt32 = IndexFormat.version
    public var generation: UInt64 = 0
    public var nextSegment: UInt64 = 1
    public var segments: [Segment] = []
    /// Absolute paths of the folders or files indexed into this index, for --prune and
    /// for re-indexing without arguments.
    public var roots: [String] = []

    public static let fileName = "MANIFEST"

    public init() {}

    public func fileNames() -> Set<String> {
        var s: Set<String> = [Manifest.fileName]
        for seg in segments {
            s.insert(seg.fileName)
            if let d = seg.deletes { s.insert(d) }
        }
        return s
    }

    static func read(directory: String) throws(IndexError) -> Manifest? {
        let path = directory + "/" + fileName
        guard FileIO.exists(path) else { return nil }
        let file = try MappedFile(path: path)
        try IndexFormat.verifyChecksum(file.bytes, file: fileName)
        let json = Data(file.bytes[0..<(file.bytes.count - IndexFormat.footerSize)])
        do {
            let m = try JSONDecoder().decode(Manifest.self, from: json)
            guard m.format == IndexFormat.version else {
                throw IndexError.unsupportedVersion(file: fileName, found: m.format, supported: IndexFormat.version)
            }
            return m
        } catch let e as IndexError {
            throw e
        } catch {
            throw .corrupt("MANIFEST is not valid JSON (\(error))")
        }
    }

    /// Fsyncs the directory (the new files' names), writes MANIFEST.tmp, fsyncs it, renames it
    /// over MANIFEST and fsyncs the directory again.
    func write(directory: String, hook: CommitHook?) throws(IndexError) {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json: Data
        do { json = try enc.encode(self) } catch { throw .corrupt("cannot encode manifest: \(error)") }
        var out = ByteBuffer(capacity: json.count + 16)
        out.append(contentsOf: json)
        IndexFormat.appendFooter(to: &out)
        let tmp = directory + "/" + Manifest.fileName + ".tmp"
        // The new segment and deletes files are fsynced; their names must be durable too
        // before a manifest that names them can be (a power cut could otherwise keep the
        // renamed manifest and lose the directory entries it points to).
        try FileIO.fsyncDirectory(directory)
        try hook?(.beforeManifestWrite)
        try FileIO.writeDurably(out.bytes, to: tmp)
        try hook?(.beforeManifestRename)
        try FileIO.rename(tmp, directory + "/" + Manifest.fileName)
        try hook?(.afterManifestRename)
        try FileIO.fsyncDirectory(directory)
    }
}

/// Points in a commit where tests inject a crash (by throwing from the hook).
public enum CommitStep: String, Sendable, CaseIterable {
    case afterSegmentWrite
    case afterDeletesWrite
    case beforeManifestWrite
    case beforeManifestRename
    case afterManifestRename
    case beforeCleanup
}

public typealias CommitHook = @Sendable (CommitStep) throws(IndexError) -> Void
