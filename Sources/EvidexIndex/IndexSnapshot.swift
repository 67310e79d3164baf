import EvidexDocuments

/// A segment as a snapshot sees it: its reader and the documents deleted at that commit.
public struct LiveSegment: Sendable {
    public let reader: SegmentReader
    public let deletes: DeleteSet?

    public var liveDocCount: Int { reader.docCount - (deletes?.count ?? 0) }

    @inline(__always)
    public func isDeleted(_ doc: UInt32) -> Bool { deletes?.contains(doc) ?? false }
}

/// One commit of an index, opened read-only. Immutable and thread-safe; any number may be open
/// while a writer works, and each keeps seeing its own commit (segment files are never changed
/// in place, and mapped files outlive their unlinking).
public final class IndexSnapshot: Sendable {
    public let directory: String
    public let manifest: Manifest
    public let segments: [LiveSegment]
    /// Documents including deleted ones: the N of BM25, consistent with document frequencies,
    /// which also still count deleted documents until their segment is merged.
    public let maxDocCount: Int
    public let liveDocCount: Int
    private let totalFieldLengths: [UInt64]

    public convenience init(directory: String, verify: Bool = false) throws(IndexError) {
        // A writer may commit, and unlink the files its new commit no longer names, between
        // our reading MANIFEST and opening those files. A missing file with a changed MANIFEST
        // means exactly that: read the new commit and open it instead.
        var attempts = 0
        while true {
            guard let m = try Manifest.read(directory: directory) else { throw .notFound(path: directory) }
            do {
                let segs = try IndexSnapshot.open(directory: directory, manifest: m, verify: verify)
                self.init(directory: directory, manifest: m, segments: segs)
                return
            } catch .notFound(let path) {
                attempts += 1
                let now = try Manifest.read(directory: directory)
                guard attempts < 100, let now, now.generation != m.generation else {
                    throw .corrupt("\(path) is named by the commit but missing")
                }
            }
        }
    }

    convenience init(directory: String, manifest: Manifest, verify: Bool = false) throws(IndexError) {
        self.init(directory: directory, manifest: manifest, segments: try IndexSnapshot.open(directory: directory, manifest: manifest, verify: verify))
    }

    /// Opens (and, when asked, verifies) the files a commit names.
    private static func open(directory: String, manifest: Manifest, verify: Bool) throws(IndexError) -> [LiveSegment] {
        var segs: [LiveSegment] = []
        for s in manifest.segments {
            let r = try SegmentReader(path: directory + "/" + s.fileName, name: s.fileName)
            guard r.docCount == s.docs else { throw .corrupt("\(s.fileName) holds \(r.docCount) documents, MANIFEST says \(s.docs)") }
            if verify { try r.verify() }
            var del: DeleteSet?
            if let d = s.deletes {
                del = try DeleteSet.read(path: directory + "/" + d, name: d, docCount: r.docCount, verify: verify)
            }
            segs.append(LiveSegment(reader: r, deletes: del))
        }
        return segs
    }

    private init(directory: String, manifest: Manifest, segments segs: [LiveSegment]) {
        self.directory = directory
        self.manifest = manifest
        segments = segs
        maxDocCount = segs.reduce(0) { $0 + $1.reader.docCount }
        liveDocCount = segs.reduce(0) { $0 + $1.liveDocCount }
        var totals = [UInt64](repeating: 0, count: IndexField.textFields.count)
        for s in segs { for i in totals.indices { totals[i] += s.reader.totalFieldLengths[i] } }
        totalFieldLengths = totals
    }

    /// Average length in tokens of a text field over all documents.
    public func averageLength(_ field: IndexField) -> Double {
        guard maxDocCount > 0, field.isText else { return 1 }
        return max(Double(totalFieldLengths[Int(field.rawValue)]) / Double(maxDocCount), 1e-9)
    }

    /// Whether any document has a value in the field (a field nobody uses need not be searched).
    public func hasValues(_ field: IndexField) -> Bool {
        field.isText && totalFieldLengths[Int(field.rawValue)] > 0
    }

    /// Documents containing the term, summed over segments (for a group key, any of its words).
    public func docFreq(_ key: TermKey) -> Int {
        var n = 0
        for s in segments {
            if let info = s.reader.termInfo(key) { n += Int(info.docFreq) }
        }
        return n
    }

    /// Reads back every live document whose text the index takes from its source file, and
    /// returns those that cannot be read as they were indexed (file changed, moved or gone),
    /// with the number checked. Costs a parse of every such document: `evidex verify --sources`.
    public func sourceProblems() throws(IndexError) -> (checked: Int, problems: [IndexError]) {
        var checked = 0
        var problems: [IndexError] = []
        for seg in segments {
            for d in 0..<UInt32(seg.reader.docCount) where !seg.isDeleted(d) {
                guard try seg.reader.isReference(d) else { continue }
                checked += 1
                do { _ = try seg.reader.annotatedDocument(d) } catch where error.isSourceProblem { problems.append(error) }
            }
        }
        return (checked, problems)
    }

    public func locate(id: String) -> (segment: Int, doc: UInt32)? {
        for (i, s) in segments.enumerated().reversed() {
            if let d = s.reader.docs(forID: id).first(where: { !s.isDeleted($0) }) { return (i, d) }
        }
        return nil
    }

    public func document(id: String) throws(IndexError) -> Document? {
        guard let (s, d) = locate(id: id) else { return nil }
        return try segments[s].reader.document(d)
    }

    public var termCount: Int { segments.reduce(0) { $0 + $1.reader.termCount } }

    /// Bytes per segment section, summed over segments, in section-directory order.
    public var sectionSizes: [(name: String, bytes: Int)] {
        var order: [String] = []
        var total: [String: Int] = [:]
        for s in segments {
            for (name, bytes) in s.reader.sectionSizes {
                if total[name] == nil { order.append(name) }
                total[name, default: 0] += bytes
            }
        }
        return order.map { ($0, total[$0]!) }
    }

    public var byteSize: Int {
        var n = FileIO.fileSize(directory + "/" + Manifest.fileName)
        for s in manifest.segments {
            n += FileIO.fileSize(directory + "/" + s.fileName)
            if let d = s.deletes { n += FileIO.fileSize(directory + "/" + d) }
        }
        return n
    }
}
