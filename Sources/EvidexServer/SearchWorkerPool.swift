import Dispatch
import Evidex
import Foundation
import Synchronization

/// Threads that run index work (searches, document and organisation look-ups) off the
/// server's event loops and Swift's cooperative pool, which must never block on CPU-bound
/// work. Each thread keeps its own searchers (a `Searcher` is for one thread). A request waits
/// in a bounded queue (full: 503 at once) and gets 504 when its time limit passes first; work
/// whose deadline passed while queued is dropped without running, and `body` gets the deadline
/// to hand to the searcher, which stops at it (`SearchOptions.deadline`).
final class SearchWorkerPool: Sendable {
    private struct Job: Sendable {
        let deadline: ContinuousClock.Instant
        /// Runs on a search thread with that thread's searchers.
        let run: @Sendable (inout SearcherCache) -> Void
        /// Answers the request when its deadline passed before a thread was free (its timer
        /// normally has already).
        let expire: @Sendable () -> Void
    }

    private struct Queue {
        var jobs: [Job] = []
        var head = 0
        var stopped = false
        var count: Int { jobs.count - head }

        mutating func pop() -> Job? {
            guard head < jobs.count else { return nil }
            let j = jobs[head]
            head += 1
            // Compact now and then rather than shifting on every pop.
            if head > 64 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            return j
        }
    }

    let threadCount: Int
    let maxQueued: Int
    private let queue = Mutex(Queue())
    private let ready = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    init(threads: Int, maxQueued: Int) {
        threadCount = max(1, threads)
        self.maxQueued = max(1, maxQueued)
        for i in 0..<threadCount {
            finished.enter()
            let t = Thread { [self] in
                self.work()
                self.finished.leave()
            }
            t.name = "evidex-search-\(i)"
            t.start()
        }
    }

    private func work() {
        var cache = SearcherCache()
        while true {
            ready.wait()
            let (job, stop) = queue.withLock { q in (q.pop(), q.stopped && q.count == 0) }
            if let job {
                if ContinuousClock.now >= job.deadline {
                    job.expire()
                } else {
                    job.run(&cache)
                }
            } else if stop {
                return
            }
        }
    }

    /// Requests waiting for a thread.
    var queuedCount: Int { queue.withLock { $0.count } }

    /// Runs `body` on a search thread with a searcher for `index` and the request's deadline,
    /// answering within `timeLimit`.
    func run<Value: Sendable>(
        on index: ServedIndex, timeLimit: Duration,
        _ body: @escaping @Sendable (Searcher, _ deadline: ContinuousClock.Instant) throws(APIError) -> Value
    ) async throws(APIError) -> Value {
        let deadline = ContinuousClock.now + timeLimit
        let result: Result<Value, APIError> = await withCheckedContinuation { continuation in
            let slot = ReplySlot(continuation)
            let timer = Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                if !Task.isCancelled { slot.resume(.failure(.timeLimit(timeLimit))) }
            }
            let job = Job(
                deadline: deadline,
                run: { cache in
                    let r: Result<Value, APIError>
                    do throws(APIError) {
                        let searcher: Searcher
                        do throws(SearchError) { searcher = try cache.searcher(for: index) } catch { throw APIError.search(error) }
                        r = .success(try body(searcher, deadline))
                    } catch {
                        r = .failure(error)
                    }
                    timer.cancel()
                    slot.resume(r)
                },
                expire: {
                    timer.cancel()
                    slot.resume(.failure(.timeLimit(timeLimit)))
                })
            let accepted = queue.withLock { q -> Bool in
                guard !q.stopped, q.count < maxQueued else { return false }
                q.jobs.append(job)
                return true
            }
            if accepted {
                ready.signal()
            } else {
                timer.cancel()
                slot.resume(.failure(.overloaded))
            }
        }
        return try result.get()
    }

    /// Lets the threads finish the queued work, then end. Work offered afterwards gets 503.
    func stop() async {
        queue.withLock { $0.stopped = true }
        for _ in 0..<threadCount { ready.signal() }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            finished.notify(queue: .global()) { c.resume() }
        }
    }
}
