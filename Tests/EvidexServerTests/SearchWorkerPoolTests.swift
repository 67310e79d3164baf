import Dispatch
import Evidex
@testable import EvidexServer
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Search threads: time limit and overload")
struct SearchWorkerPoolTests {
    @Test("A request past its time limit is answered 504 time_limit")
    func timeLimit() async throws {
        var limits = ServerLimits()
        limits.timeLimit = .nanoseconds(1)
        try await ServerFixture.withServer(limits: limits) { client in
            let r = try await client.get("/api/search?q=burnout")
            #expect(r.status == .gatewayTimeout)
            #expect(try r.errorCode() == "time_limit")
            // Requests that need no search thread are not limited.
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    @Test("With the threads busy and the queue full, a request is answered 503 at once")
    func overload() async throws {
        let index = try ServedIndex(directory: try ServerFixture.corpusIndex())
        let pool = SearchWorkerPool(threads: 1, maxQueued: 1)
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)

        async let blocking: Int = pool.run(on: index, timeLimit: .seconds(30)) { _, _ in
            started.signal()
            release.wait()
            return 1
        }
        await withCheckedContinuation { c in DispatchQueue.global().async { started.wait(); c.resume() } }
        async let queued: Int = pool.run(on: index, timeLimit: .seconds(30)) { searcher, _ in
            searcher.snapshot.liveDocCount
        }
        // Wait until the second job is in the queue, then a third has no room.
        while pool.queuedCount < 1 { try await Task.sleep(for: .milliseconds(1)) }
        var refused: APIError?
        do {
            _ = try await pool.run(on: index, timeLimit: .seconds(30)) { _, _ in 0 }
            Issue.record("a third job was taken while the thread was blocked and the queue full")
        } catch {
            refused = error
        }
        #expect(refused?.code == "overloaded")
        #expect(refused?.status == .serviceUnavailable)
        release.signal()
        #expect(try await blocking == 1)
        #expect(try await queued == index.snapshot.liveDocCount)
        await pool.stop()
        do {
            _ = try await pool.run(on: index, timeLimit: .seconds(1)) { _, _ in 0 }
            Issue.record("a stopped pool took work")
        } catch {
            #expect(error.code == "overloaded")
        }
    }

    @Test("Each thread keeps a searcher per commit and answers many requests in parallel")
    func manyRequests() async throws {
        let index = try ServedIndex(directory: try ServerFixture.corpusIndex())
        let pool = SearchWorkerPool(threads: 2, maxQueued: 256)
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    try await pool.run(on: index, timeLimit: .seconds(30)) { searcher, _ throws(APIError) in
                        do throws(SearchError) { return try searcher.search("staff").total ?? -1 } catch { throw .search(error) }
                    }
                }
            }
            var all: [Int] = []
            for try await t in group { all.append(t) }
            return all
        }
        #expect(totals.count == 64)
        #expect(Set(totals).count == 1)
        #expect((totals.first ?? 0) > 0)
        await pool.stop()
    }
}
