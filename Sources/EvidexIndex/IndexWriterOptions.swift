/// How an IndexWriter spends memory and threads.
public struct IndexWriterOptions: Sendable {
    /// Threads that analyse documents in parallel (each builds its own segments).
    public var threads: Int
    /// Memory for in-memory postings across all threads; a thread flushes a segment when its
    /// share is full, so memory stays bounded whatever the corpus size.
    public var memoryBudget: Int
    /// After a commit, merge when more segments than this are live.
    public var maxSegments: Int

    public init(threads: Int = IndexWriterOptions.defaultThreads, memoryBudget: Int = 256 << 20, maxSegments: Int = 8) {
        self.threads = max(1, threads)
        self.memoryBudget = max(16 << 20, memoryBudget)
        self.maxSegments = max(1, maxSegments)
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
