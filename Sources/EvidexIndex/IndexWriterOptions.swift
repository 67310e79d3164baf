/// How an IndexWriter spends memory and threads.
public struct IndexWriterOptions: Sendable {
    /// Threads that analyse documents in parallel (each builds its own segments).
    public var threads: Int
    /// Memory for in-memory postings across all threads; a thread flushes a segment when its
    /// share is full, so memory stays bounded whatever the corpus size.
    public var memoryBudget: Int
    /// After a commit, merge when more segments than this are live.
    public var maxSegments: Int
    /// Segments whose files together stay under this many bytes are merged into one, smallest
    /// first, as long as each next segment is at most `smallSegmentRatio` times the size of
    /// those taken before it (so a small update is not merged into a large segment, rewriting
    /// it for a handful of documents). Every segment costs each query a dictionary lookup and
    /// a scorer per word: three segments of synth-100k answered 25% slower than one.
    public var smallSegmentBytes: Int
    public static let smallSegmentRatio = 4
    public static let tinySegmentBytes = 2 << 20

    public init(threads: Int = IndexWriterOptions.defaultThreads, memoryBudget: Int = 256 << 20, maxSegments: Int = 8,
                smallSegmentBytes: Int = 256 << 20) {
        self.threads = max(1, threads)
        self.memoryBudget = max(16 << 20, memoryBudget)
        self.maxSegments = max(1, maxSegments)
        self.smallSegmentBytes = max(0, smallSegmentBytes)
    }

    public static var defaultThreads: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
