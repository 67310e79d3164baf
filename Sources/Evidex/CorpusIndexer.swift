import EvidexDocuments
import EvidexIndex
import EvidexQuotes
import Foundation
import Synchronization

/// Indexes folders and files: discovers them, parses them on every core and commits once.
/// A bad file is reported in the result and never stops the others.
public enum CorpusIndexer {
    /// Documents handed to another worker at a time when one file holds many (JSONL).
    static let chunkSize = 512

    public static func run(
        paths: [String], indexDirectory: String, options: IndexingOptions = IndexingOptions(),
        progress: (@Sendable (IndexingProgress) -> Void)? = nil
    ) throws(IndexError) -> IndexingReport {
        let start = ContinuousClock.now
        if options.rebuild { try IndexDirectory.clear(indexDirectory) }
        let writer = try IndexWriter(
            directory: indexDirectory,
            options: IndexWriterOptions(threads: options.threads, memoryBudget: options.memoryBudget, maxSegments: options.maxSegments))
        let loader = DocumentLoader(maxFileBytes: options.maxFileBytes)
        let urls = paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let discovery: Discovery
        do { discovery = try loader.discover(paths: urls) } catch {
            throw .invalidArgument("cannot read \(paths.joined(separator: ", ")): \(error.description)")
        }
        writer.addRoots(urls.map(\.path))
        let gazetteer = try OrganisationStore.gazetteer(in: indexDirectory, adding: options.organisations)
        let annotator = options.annotate ? DocumentAnnotator(gazetteer: gazetteer) : nil
        @Sendable func annotations(_ d: Document) -> TextAnnotations {
            annotator?.annotate(d) ?? TextAnnotations()
        }
        let references = options.store == .references
        /// The file the index reads a document's text back from, if it keeps no copy.
        @Sendable func sourceFile(_ f: SourceFile) -> String? { references ? f.url.path : nil }
        // Files unchanged since they were indexed (same size and modification time, documents
        // still live) are not read again.
        var stamps: [String: FileStamp] = [:]
        for f in discovery.files { if let s = FileStamp.of(path: f.url.path) { stamps[f.relativePath] = s } }
        writer.fileStamps = stamps
        let unchanged = options.rebuild ? [] : writer.unchangedPaths(stamps)
        let files = discovery.files.filter { !unchanged.contains($0.relativePath) }
        // the sizes the stamps above already read (FileManager's attributes cost ~20K
        // instructions a file, mostly dynamic casts)
        let sizes = files.map { f in stamps[f.relativePath].map { Int($0.size) } ?? 0 }
        let bytesTotal = sizes.reduce(0, +)

        let queue = WorkQueue(fileCount: files.count)
        let shared = Mutex(Shared())
        let problems = Mutex<[DocumentError]>(discovery.skipped)
        let failure = Mutex<IndexError?>(nil)
        let threads = min(options.threads, max(1, files.count == 1 ? options.threads : files.count))
        // With a core to spare, files are read, parsed and annotated on a reader thread while
        // the worker builds the segment (`indexPrepared`).
        let pipelined = threads < ProcessInfo.processInfo.activeProcessorCount
        // The input still unread below which a second worker does not start: synth-news JSONL
        // indexes as fast with one worker as with two at 26 MB, 20–25% faster with two at
        // 79 MB. The batches in a row that find the pipe full first: at 1 the 271 hearing days
        // started one early in the build, when the reader is briefly ahead, and indexed in
        // 3.80 s instead of 3.27 s at 8 (3.30 s at one thread); synth-100k, whose reader is
        // always ahead, starts it at once either way.
        let sharedReader = options.sharedReader
            ?? (!pipelined && threads == 2 && options.annotate ? IndexingOptions.SharedReader() : nil)
        let progressLock = Mutex(ContinuousClock.now)

        /// Reports progress at most four times a second.
        @Sendable func reportProgress() {
            guard let progress else { return }
            let now = ContinuousClock.now
            let due = progressLock.withLock { last -> Bool in
                if now - last < .milliseconds(250) { return false }
                last = now
                return true
            }
            if due {
                let s = shared.withLock { $0 }
                progress(IndexingProgress(filesDone: s.filesDone, filesTotal: files.count, documents: s.documents,
                                          bytesDone: s.bytesDone, bytesTotal: bytesTotal, seconds: seconds(since: start)))
            }
        }

        /// Takes files from the queue, in order, and reads, parses and annotates them in small
        /// batches into `pipe` while workers index the batches before. Small batches, a few in
        /// hand: a worker starts sooner and neither side waits long for the other. BBC News
        /// JSONL at one thread, medians of 9 interleaved runs: quotations added 40% to the
        /// build with 1 MB batches and one in hand, 27% with these; and a folder of files, read
        /// by the worker itself until then, gains the spare core too. `beforePut` runs before each
        /// batch is offered, with the bytes of the files not yet read and the number of batches
        /// in a row, this one included, that found the pipe full (the workers behind).
        @Sendable func read(into pipe: BatchPipe, beforePut: ((Int, Int) -> Void)? = nil) {
            var unread = bytesTotal
            var fullPuts = 0
            while !pipe.isCancelled, let item = queue.next() {
                switch item {
                case .file(let i):
                    let path = files[i].relativePath
                    let source = sourceFile(files[i])
                    // only an uncompressed JSONL file comes in several batches; another's
                    // one batch also finishes it
                    let single = files[i].format != .jsonLines || files[i].isGzipped
                    loader.forEachBatch(files[i], batchBytes: 1 << 16) { result in
                        if pipe.isCancelled { return }
                        // nothing waits for the workers: one annotates this batch itself
                        let idle = pipe.isEmpty
                        let batch = PreparedBatch(documents: result.documents,
                                                  annotations: idle ? nil : result.documents.map(annotations),
                                                  problems: result.problems, path: path, source: source,
                                                  finishedFile: single ? i : nil)
                        if let beforePut {
                            fullPuts = pipe.isFull ? fullPuts + 1 : 0
                            beforePut(unread, fullPuts)
                        }
                        pipe.put(batch)
                    }
                    if !single {
                        pipe.put(PreparedBatch(documents: [], annotations: [], problems: [], path: path, source: source,
                                               finishedFile: i))
                    }
                    unread -= sizes[i]
                case .documents(let docs, let path, let source):
                    pipe.put(PreparedBatch(documents: docs, annotations: nil, problems: [], path: path, source: source))
                }
                // prepared, not yet indexed: only the non-pipelined path pushes chunks,
                // so nothing waits on this count
                queue.done()
            }
            pipe.finish()
        }

        /// Counts file `i` as indexed (for progress).
        @Sendable func finished(file i: Int) {
            shared.withLock {
                $0.filesDone += 1
                $0.bytesDone += sizes[i]
            }
        }

        /// Indexes a prepared batch with `worker`, annotating it first if the reader did not.
        @Sendable func index(_ batch: PreparedBatch, by worker: IndexWorker) throws(IndexError) {
            if !batch.problems.isEmpty { problems.withLock { $0.append(contentsOf: batch.problems) } }
            for (d, a) in zip(batch.documents, batch.annotations ?? batch.documents.map(annotations)) {
                try worker.add(d, path: batch.path, sourceFile: batch.source, annotations: a)
            }
            shared.withLock { $0.documents += batch.documents.count }
            if let i = batch.finishedFile { finished(file: i) }
            reportProgress()
        }

        /// Reads and indexes file `i` with `worker`, as the reader would have prepared it (a
        /// worker whose reader is behind helps it).
        @Sendable func indexFile(_ i: Int, by worker: IndexWorker) throws(IndexError) {
            var failed: IndexError?
            let source = sourceFile(files[i])
            loader.forEachBatch(files[i], batchBytes: 1 << 16) { result in
                guard failed == nil else { return }
                do throws(IndexError) {
                    try index(PreparedBatch(documents: result.documents, annotations: nil, problems: result.problems,
                                            path: files[i].relativePath, source: source), by: worker)
                } catch {
                    failed = error
                }
            }
            if let failed { throw failed }
            finished(file: i)
            queue.done()
            reportProgress()
        }

        /// Indexes the batches of `pipe` with `worker` until the reader has finished. With
        /// `helping`, a worker that finds no batch waiting takes the next file itself: a
        /// folder of small files keeps one reader busy opening them (BBC News folder, two
        /// threads with quotations, medians of 5 and 9 runs: 0.467 → 0.434 s, 0.508 → 0.494 s).
        @Sendable func index(from pipe: BatchPipe, by worker: IndexWorker, helping: Bool = false) throws {
            defer { pipe.cancel() }
            while true {
                if helping, let batch = pipe.takeIfReady() {
                    try index(batch, by: worker)
                } else if helping, let i = queue.nextFile() {
                    try indexFile(i, by: worker)
                } else if let batch = pipe.take() {
                    try index(batch, by: worker)
                } else {
                    break
                }
            }
            try worker.finish()
        }

        /// With a core to spare, a reader thread prepares this worker's files.
        @Sendable func indexPrepared(by worker: IndexWorker) throws {
            let pipe = BatchPipe(capacity: 4)
            DispatchQueue.global().async { read(into: pipe) }
            try index(from: pipe, by: worker)
        }

        /// Records the first failure and stops the others.
        @Sendable func fail(_ error: any Error) {
            let e = (error as? IndexError) ?? .invalidArgument(String(describing: error))
            failure.withLock { $0 = $0 ?? e }
            queue.abandon()
        }

        if let sharedReader, threads > 1 {
            // Two threads on two cores, with quotations: one reader for up to two workers, the
            // second started only once the reader keeps outpacing the first (the pipe stays
            // full) with enough input left to repay what a second segment costs (its write and
            // the merge that joins it to the first). Annotation costs about what indexing
            // does, so reading is usually the slower side, and then one worker beside the
            // reader beats two workers that each read, annotate and index (medians of 7, two
            // threads: BBC News JSONL 0.372 s against 0.446 s, the 271 hearing days 3.224 s
            // against 3.534 s); synth-100k, all indexing, starts the second worker at once
            // (9.3 s either way, peak RSS 235 MiB against 252). The first worker has the whole
            // memory budget while it is alone, half once the second starts.
            let pipe = BatchPipe(capacity: 4)
            let group = DispatchGroup()
            let started = Mutex(1)
            let first = writer.budget(workers: 1)
            @Sendable func startWorker(_ budget: IndexWorker.Budget) {
                group.enter()
                // a thread of its own: a task on the global queue may wait for a free one
                // while the other worker and the segment writes keep both cores busy
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        try index(from: pipe, by: try writer.makeWorker(budget: budget), helping: true)
                    } catch {
                        fail(error)
                    }
                }
            }
            startWorker(first)
            read(into: pipe) { unread, fullPuts in
                guard unread >= sharedReader.unreadBytes, fullPuts >= sharedReader.fullPuts else { return }
                let start = started.withLock { n -> Bool in
                    guard n < threads else { return false }
                    n += 1
                    return true
                }
                if start {
                    writer.share(first, among: 2)
                    startWorker(writer.budget(workers: 2))
                }
            }
            group.wait()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                let worker: IndexWorker
                do { worker = try writer.makeWorker() } catch {
                    fail(error)
                    return
                }
                do {
                    if pipelined {
                        try indexPrepared(by: worker)
                        return
                    }
                    while let item = queue.next() {
                        switch item {
                        case .file(let i):
                            // Batches keep a large JSONL file from sitting in memory whole; each
                            // batch is shared out in chunks, and this thread helps drain them
                            // before reading more, so the backlog stays small. With other workers
                            // it leaves them one chunk, so that they are not idle while it parses
                            // the next batch; alone it drains them all (document order as read).
                            let leaveForOthers = threads > 1 ? 1 : 0
                            var failed: IndexError?
                            loader.forEachBatch(files[i]) { result in
                                if failed != nil { return }
                                if !result.problems.isEmpty { problems.withLock { $0.append(contentsOf: result.problems) } }
                                let docs = result.documents
                                var own = docs[...]
                                // A small batch in smaller chunks, so that the last ones even out
                                // between the workers (a 512-document chunk is a quarter of BBC News)
                                let chunk = threads > 1 ? max(64, min(chunkSize, docs.count / (threads * 4))) : chunkSize
                                if docs.count > chunk * 2 {
                                    own = docs[0..<chunk]
                                    var at = chunk
                                    while at < docs.count {
                                        queue.push(.documents(Array(docs[at..<min(at + chunk, docs.count)]), path: files[i].relativePath, source: sourceFile(files[i])))
                                        at += chunk
                                    }
                                }
                                do throws(IndexError) {
                                    let source = sourceFile(files[i])
                                    for d in own { try worker.add(d, path: files[i].relativePath, sourceFile: source, annotations: annotations(d)) }
                                    shared.withLock { $0.documents += own.count }
                                    while queue.backlog > leaveForOthers, let (chunk, path, source) = queue.popChunk() {
                                        for d in chunk { try worker.add(d, path: path, sourceFile: source, annotations: annotations(d)) }
                                        shared.withLock { $0.documents += chunk.count }
                                        queue.done()
                                    }
                                } catch {
                                    failed = error
                                }
                            }
                            if let failed { throw failed }
                            finished(file: i)
                        case .documents(let docs, let path, let source):
                            for d in docs { try worker.add(d, path: path, sourceFile: source, annotations: annotations(d)) }
                            shared.withLock { $0.documents += docs.count }
                        }
                        queue.done()
                        reportProgress()
                    }
                    try worker.finish()
                } catch {
                    fail(error)
                }
            }
        }
        if let f = failure.withLock({ $0 }) { throw f }

        var pruned = 0
        if options.prune {
            pruned = writer.deleteDocuments(whosePathIsNotIn: Set(discovery.files.map(\.relativePath)))
        }
        let commit = try writer.commit()
        let merged = try writer.merge()
        let s = shared.withLock { $0 }
        return IndexingReport(
            files: files.count, unchangedFiles: discovery.files.count - files.count, documents: s.documents, bytes: bytesTotal, pruned: pruned,
            seconds: seconds(since: start), commit: commit, mergedSegments: merged,
            problems: problems.withLock { $0 })
    }

    struct Shared {
        var filesDone = 0
        var documents = 0
        var bytesDone = 0
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// Files to load and chunks of already-parsed documents, shared by the indexing threads.
/// A worker that finds the queue empty waits while others may still add chunks.
final class WorkQueue: Sendable {
    enum Item: Sendable {
        case file(Int)
        case documents([Document], path: String, source: String?)
    }

    private struct State {
        var nextFile = 0
        var fileCount: Int
        var chunks: [Item] = []
        var active = 0
        var abandoned = false
    }

    private let state: Mutex<State>

    init(fileCount: Int) {
        state = Mutex(State(fileCount: fileCount))
    }

    /// The next file nobody has taken, without waiting; nil when every file is taken.
    func nextFile() -> Int? {
        state.withLock { s in
            guard !s.abandoned, s.nextFile < s.fileCount else { return nil }
            s.nextFile += 1
            s.active += 1
            return s.nextFile - 1
        }
    }

    func next() -> Item? {
        while true {
            let r: (Item?, Bool) = state.withLock { s in
                if s.abandoned { return (nil, true) }
                if let c = s.chunks.popLast() {
                    s.active += 1
                    return (c, true)
                }
                if s.nextFile < s.fileCount {
                    s.nextFile += 1
                    s.active += 1
                    return (.file(s.nextFile - 1), true)
                }
                return (nil, s.active == 0)
            }
            if r.0 != nil || r.1 { return r.0 }
            usleep(500)
        }
    }

    func push(_ item: Item) {
        state.withLock { $0.chunks.append(item) }
    }

    /// Chunks waiting for a worker.
    var backlog: Int { state.withLock { $0.chunks.count } }

    /// Takes a waiting chunk of documents (not a file), for a thread that produced them.
    func popChunk() -> ([Document], String, String?)? {
        state.withLock { s in
            guard !s.abandoned, let c = s.chunks.popLast(), case .documents(let docs, let path, let source) = c else { return nil }
            s.active += 1
            return (docs, path, source)
        }
    }

    func done() {
        state.withLock { $0.active -= 1 }
    }

    func abandon() {
        state.withLock { $0.abandoned = true }
    }
}
