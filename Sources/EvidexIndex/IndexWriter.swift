import CEvidexMemory
import EvidexDocuments
import Synchronization

/// What a commit changed.
public struct CommitResult: Sendable {
    public var generation: UInt64
    public var addedDocuments: Int
    public var replacedDocuments: Int
    public var deletedDocuments: Int
    public var segments: Int
}

/// The one writer of an index directory. It holds the directory's LOCK for its lifetime.
///
/// Commit protocol (FORMAT.md, "Commits"): new segment and deletes files are written under new
/// names and fsynced, then MANIFEST.tmp is written, fsynced and renamed over MANIFEST, and the
/// directory is fsynced. Files no commit references are removed afterwards and whenever a
/// writer opens. A crash at any point leaves the previous MANIFEST and every file it names.
public final class IndexWriter: @unchecked Sendable {
    public let directory: String
    public let options: IndexWriterOptions
    private let lock: IndexLock
    private let state: Mutex<State>
    public var commitHook: CommitHook?

    struct PendingSegment {
        var name: String
        var docs: Int
        var ids: [String]
        var sequences: [UInt64]
    }

    struct Committed {
        var meta: Manifest.Segment
        var reader: SegmentReader
        var deletes: DeleteSet
        var dirty: Bool
    }

    struct State {
        var manifest: Manifest
        var committed: [Committed]
        var pending: [PendingSegment] = []
        var sequence: UInt64 = 0
        /// id → sequence at which it was deleted (applies to committed documents and to
        /// pending ones added before it).
        var deletedIDs: [String: UInt64] = [:]
        var fileStamps: [String: FileStamp] = [:]
    }

    /// Whether the writer can steer the C allocator (glibc: arenas, mmap threshold, trimming),
    /// which its memory budget relies on.
    public static var controlsAllocator: Bool { evx_memory_controls_allocator() != 0 }

    public init(directory: String, options: IndexWriterOptions = IndexWriterOptions()) throws(IndexError) {
        // Before the indexing threads allocate: one arena per thread (workers, their writers,
        // the reading pipeline) kept 20 MB more of freed memory at two threads on synth-100k.
        evx_memory_limit_arenas(2)
        self.directory = directory
        self.options = options
        try FileIO.makeDirectory(directory)
        lock = try IndexLock(directory: directory)
        let manifest = try Manifest.read(directory: directory) ?? Manifest()
        var committed: [Committed] = []
        for s in manifest.segments {
            let r = try SegmentReader(path: directory + "/" + s.fileName, name: s.fileName)
            let d = try s.deletes.map { (n) throws(IndexError) in
                try DeleteSet.read(path: directory + "/" + n, name: n, docCount: r.docCount, verify: false)
            } ?? DeleteSet(docCount: r.docCount)
            committed.append(Committed(meta: s, reader: r, deletes: d, dirty: false))
        }
        state = Mutex(State(manifest: manifest, committed: committed))
        IndexWriter.removeUnreferenced(directory: directory, keep: manifest.fileNames())
    }

    public var manifest: Manifest { state.withLock { $0.manifest } }

    /// Stamps of the files being indexed, by path relative to the indexed root: stored with
    /// the segments so that a later run can skip unchanged files. Set before adding documents.
    public var fileStamps: [String: FileStamp] {
        get { state.withLock { $0.fileStamps } }
        set { state.withLock { $0.fileStamps = newValue } }
    }

    /// The paths among `stamps` whose committed documents were indexed from a file with the
    /// same size and modification time, and are still live: re-reading them would change
    /// nothing.
    public func unchangedPaths(_ stamps: [String: FileStamp]) -> Set<String> {
        state.withLock { s in
            var stored: [String: FileStamp] = [:]
            var live = Set<String>()
            for c in s.committed {
                let r = c.reader
                var liveOrdinals = Set<Int>()
                for d in 0..<UInt32(r.docCount) where !c.deletes.contains(d) { liveOrdinals.insert(r.pathOrdinal(d)) }
                for o in liveOrdinals {
                    let p = r.pathStrings.string(o)
                    guard let st = r.stamp(pathOrdinal: o) else { continue }
                    // A path indexed twice (an older copy later replaced) keeps its newest stamp.
                    stored[p] = st
                    live.insert(p)
                }
            }
            var out = Set<String>()
            for (p, st) in stamps where live.contains(p) && stored[p] == st { out.insert(p) }
            return out
        }
    }

    /// Records the folders or files this index was built from (for --prune).
    public func addRoots(_ roots: [String]) {
        state.withLock { s in
            for r in roots where !s.manifest.roots.contains(r) { s.manifest.roots.append(r) }
        }
    }

    /// A worker with its part of the budget when `options.threads` workers index, or when
    /// `budget` says how many do (`IndexWorker.Budget`).
    public func makeWorker(budget: IndexWorker.Budget? = nil) throws(IndexError) -> IndexWorker {
        let budget = budget ?? self.budget(workers: options.threads)
        return try IndexWorker(writer: self, budget: budget)
    }

    /// Each worker's part of the budget when `workers` workers index.
    public func budget(workers: Int) -> IndexWorker.Budget {
        IndexWorker.Budget(bytes: segmentBytes(workers: workers))
    }

    /// Sets the bytes of `budget` to each worker's part when `workers` workers index.
    public func share(_ budget: IndexWorker.Budget, among workers: Int) {
        budget.bytes.store(segmentBytes(workers: workers), ordering: .relaxed)
    }

    /// The bytes a worker's segment may fill when `workers` workers index.
    func segmentBytes(workers: Int) -> Int {
        // Two workers write their segments on the same background queue and reach their peaks
        // at different moments, so each may fill more of its half than one worker of the whole:
        // 56% peaked at 236-244 MiB of a 256 MiB budget on synth-100k and wrote 8 segments
        // instead of 10 (BENCHMARKS.md, session 5). More threads keep the measured 45%.
        let share = workers == 2 ? 56 : 45
        return IndexWorker.segmentBytes(budget: options.memoryBudget / max(1, workers), share: share)
    }

    func nextSequence() -> UInt64 {
        state.withLock { s in
            s.sequence += 1
            return s.sequence
        }
    }

    func allocateSegmentName() -> String {
        state.withLock { s in
            let n = s.manifest.nextSegment
            s.manifest.nextSegment += 1
            let digits = String(n)
            return "seg-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        }
    }

    /// Records a segment file written (and fsynced) under a name from `allocateSegmentName`;
    /// it becomes visible at the next commit.
    func registerSegment(name: String, ids: [String], sequences: [UInt64]) {
        state.withLock { s in
            s.pending.append(PendingSegment(name: name, docs: ids.count, ids: ids, sequences: sequences))
        }
    }

    /// Deletes the document with this id (committed, or added earlier by this writer).
    /// Takes effect at the next commit. Returns whether such a document exists now.
    @discardableResult
    public func delete(id: String) -> Bool {
        state.withLock { s in
            s.sequence += 1
            s.deletedIDs[id] = s.sequence
            let committed = s.committed.contains { c in
                c.reader.docs(forID: id).contains { !c.deletes.contains($0) }
            }
            return committed || s.pending.contains { $0.ids.contains(id) }
        }
    }

    /// Deletes every live document whose source path (relative to the indexed root) is not in
    /// `keepPaths`; documents indexed without a path are kept. Returns how many were deleted.
    public func deleteDocuments(whosePathIsNotIn keepPaths: Set<String>) -> Int {
        state.withLock { s in
            var n = 0
            for i in s.committed.indices {
                let r = s.committed[i].reader
                let gone = Set(r.distinctPaths.enumerated().filter { !$0.element.isEmpty && !keepPaths.contains($0.element) }.map(\.offset))
                if gone.isEmpty { continue }
                for d in 0..<UInt32(r.docCount) where gone.contains(r.pathOrdinal(d)) {
                    if s.committed[i].deletes.insert(d) { n += 1; s.committed[i].dirty = true }
                }
            }
            return n
        }
    }

    /// Makes everything added and deleted so far durable and visible, atomically.
    @discardableResult
    public func commit() throws(IndexError) -> CommitResult {
        let hook = commitHook
        return try state.withLock { (s) throws(IndexError) -> CommitResult in
            try hook?(.afterSegmentWrite)
            var added = 0
            var replaced = 0
            var deleted = 0
            // Open the pending segments and decide which of their documents survive.
            var pendingReaders: [(PendingSegment, SegmentReader, DeleteSet)] = []
            for p in s.pending {
                let r = try SegmentReader(path: directory + "/" + p.name + ".evx", name: p.name + ".evx")
                pendingReaders.append((p, r, DeleteSet(docCount: r.docCount)))
            }
            // The newest sequence per id among the new documents.
            var newest: [String: UInt64] = [:]
            for (p, _, _) in pendingReaders {
                for (i, id) in p.ids.enumerated() where newest[id, default: 0] < p.sequences[i] {
                    newest[id] = p.sequences[i]
                }
            }
            for k in pendingReaders.indices {
                let p = pendingReaders[k].0
                for (i, id) in p.ids.enumerated() {
                    let seq = p.sequences[i]
                    if seq < newest[id]! || (s.deletedIDs[id].map { $0 > seq } ?? false) {
                        pendingReaders[k].2.insert(UInt32(i))
                    } else {
                        added += 1
                    }
                }
            }
            // Older versions in committed segments are replaced; explicit deletes apply too.
            for c in s.committed.indices {
                let r = s.committed[c].reader
                func kill(_ id: String) -> Bool {
                    var killed = false
                    for d in r.docs(forID: id) where s.committed[c].deletes.insert(d) {
                        s.committed[c].dirty = true
                        killed = true
                    }
                    return killed
                }
                if newest.count < r.docCount {
                    for id in newest.keys where kill(id) { replaced += 1 }
                } else {
                    r.forEachID { id, _ in if newest[id] != nil && kill(id) { replaced += 1 } }
                }
                for id in s.deletedIDs.keys where newest[id] == nil && kill(id) { deleted += 1 }
            }
            added -= replaced

            var next = s.manifest
            next.generation += 1
            let gen = next.generation
            var segments: [Manifest.Segment] = []
            var newCommitted: [Committed] = []
            func deletesName(_ seg: String) -> String { "\(seg).del-\(gen)" }
            for var c in s.committed {
                if c.deletes.count == c.reader.docCount { continue }  // nothing live: drop it
                if c.dirty {
                    let name = deletesName(c.meta.name)
                    try FileIO.writeDurably(c.deletes.encoded(), to: directory + "/" + name)
                    c.meta.deletes = name
                    c.meta.deletedCount = c.deletes.count
                    c.dirty = false
                }
                segments.append(c.meta)
                newCommitted.append(c)
            }
            for (p, r, del) in pendingReaders {
                if del.count == r.docCount { continue }
                var meta = Manifest.Segment(name: p.name, docs: r.docCount, deletes: nil, deletedCount: 0)
                if del.count > 0 {
                    let name = deletesName(p.name)
                    try FileIO.writeDurably(del.encoded(), to: directory + "/" + name)
                    meta.deletes = name
                    meta.deletedCount = del.count
                }
                segments.append(meta)
                newCommitted.append(Committed(meta: meta, reader: r, deletes: del, dirty: false))
            }
            try hook?(.afterDeletesWrite)
            next.segments = segments
            try next.write(directory: directory, hook: hook)
            s.manifest = next
            s.committed = newCommitted
            s.pending = []
            s.deletedIDs = [:]
            try hook?(.beforeCleanup)
            IndexWriter.removeUnreferenced(directory: directory, keep: next.fileNames())
            return CommitResult(generation: gen, addedDocuments: added, replacedDocuments: replaced,
                                deletedDocuments: deleted, segments: segments.count)
        }
    }

    /// Merges segments until at most `maxSegments` remain (the smallest first), then merges
    /// small segments of similar size together (`IndexWriterOptions.smallSegmentBytes`),
    /// committing after each merge. Returns the number of segments merged away.
    @discardableResult
    public func merge(maxSegments: Int? = nil) throws(IndexError) -> Int {
        var total = 0
        while true {
            let n = try mergeOnce(maxSegments: maxSegments)
            if n == 0 { return total }
            total += n
        }
    }

    /// The smallest segments that `smallSegmentBytes` merges into one (at least two), or none.
    /// Sizes are compared as at least `IndexWriterOptions.tinySegmentBytes`, so a segment of
    /// a few documents (the last of a build) does not stop the others from merging.
    static func smallSegments<T>(_ segments: [T], bytes: (T) -> Int, floor: Int) -> [T] {
        var group: [T] = []
        var sum = 0
        var compared = 0
        for c in segments.sorted(by: { bytes($0) < bytes($1) }) {
            let b = bytes(c)
            if sum + b > floor { break }
            if !group.isEmpty && b > IndexWriterOptions.smallSegmentRatio * compared { break }
            group.append(c)
            sum += b
            compared += max(b, IndexWriterOptions.tinySegmentBytes)
        }
        return group.count >= 2 ? group : []
    }

    private func mergeOnce(maxSegments: Int?) throws(IndexError) -> Int {
        let limit = maxSegments ?? options.maxSegments
        let floor = options.smallSegmentBytes
        let plan: [Committed] = state.withLock { s in
            let withDeletes = s.committed.filter { $0.deletes.count > 0 }
            if s.committed.count <= limit && (limit > 1 || withDeletes.isEmpty) {
                // A segment's size counts its live documents only.
                return Self.smallSegments(s.committed, bytes: { c in
                    let docs = max(c.reader.docCount, 1)
                    return c.reader.fileBytes / docs * (c.reader.docCount - c.deletes.count)
                }, floor: floor)
            }
            let sorted = s.committed.sorted { $0.reader.docCount - $0.deletes.count < $1.reader.docCount - $1.deletes.count }
            let take = max(2, s.committed.count - limit + 1)
            return Array(sorted.prefix(min(take, sorted.count)))
        }
        guard plan.count >= 2 || (plan.count == 1 && plan[0].deletes.count > 0) else { return 0 }
        let inputs = plan.map { LiveSegment(reader: $0.reader, deletes: $0.deletes.count > 0 ? $0.deletes : nil) }
        // What the indexing threads freed (their analyzers, the segments they wrote) goes back
        // to the system before the merge needs memory of its own.
        evx_memory_trim()
        let name = allocateSegmentName()
        // Two halves of the dictionary are merged at once even with one indexing thread: as with
        // the reader threads, a core the indexing left spare is used (merging synth-100k's
        // three segments took 1.44 s alone and 0.93 s on two).
        let threads = max(options.threads, min(2, IndexWriterOptions.defaultThreads))
        try SegmentMerger.merge(inputs, to: directory + "/" + name + ".evx", threads: threads)
        let reader = try SegmentReader(path: directory + "/" + name + ".evx", name: name + ".evx")
        let hook = commitHook
        try state.withLock { (s) throws(IndexError) in
            let merged = Set(plan.map(\.meta.name))
            // Deletes made since the plan was taken would be lost; the writer is single-threaded
            // for merges, so there are none, but check rather than assume.
            for c in s.committed where merged.contains(c.meta.name) {
                guard !c.dirty else { throw .invalidArgument("commit pending deletes before merging") }
            }
            var next = s.manifest
            next.generation += 1
            let meta = Manifest.Segment(name: name, docs: reader.docCount, deletes: nil, deletedCount: 0)
            // The merged segment takes the place of its newest input, so segment order (and the
            // newest-wins lookup of ids) stays chronological.
            var committed: [Committed] = []
            var placed = false
            let lastIndex = s.committed.lastIndex { merged.contains($0.meta.name) } ?? s.committed.count - 1
            for (i, c) in s.committed.enumerated() {
                if merged.contains(c.meta.name) {
                    if i == lastIndex && !placed {
                        if reader.docCount > 0 { committed.append(Committed(meta: meta, reader: reader, deletes: DeleteSet(docCount: reader.docCount), dirty: false)) }
                        placed = true
                    }
                } else {
                    committed.append(c)
                }
            }
            next.segments = committed.map(\.meta)
            try next.write(directory: directory, hook: hook)
            s.manifest = next
            s.committed = committed
            IndexWriter.removeUnreferenced(directory: directory, keep: next.fileNames())
        }
        return plan.count
    }

    /// Opens the state of the last commit for reading.
    public func snapshot() throws(IndexError) -> IndexSnapshot {
        try IndexSnapshot(directory: directory, manifest: manifest)
    }

    /// Removes files of this index that no commit references (left by a crash or replaced).
    static func removeUnreferenced(directory: String, keep: Set<String>) {
        guard let names = try? FileIO.listDirectory(directory) else { return }
        for n in names where !keep.contains(n) && n != "LOCK" && n != "FORMAT.md" && isIndexFile(n) {
            FileIO.remove(directory + "/" + n)
        }
    }

    /// Removes every index file of a folder, whatever its format version, under the writer
    /// lock (so a running writer is never pulled out from under). For `--rebuild`.
    public static func destroyIndex(at directory: String) throws(IndexError) {
        guard FileIO.exists(directory) else { return }
        let lock = try IndexLock(directory: directory)
        removeUnreferenced(directory: directory, keep: [])
        _ = lock
    }

    static func isIndexFile(_ name: String) -> Bool {
        name.hasPrefix("seg-") || name.hasPrefix(Manifest.fileName)
    }
}
