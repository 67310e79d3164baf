@testable import Evidex
import Dispatch
import Foundation
import Synchronization
import Testing

@Suite("Batch pipe")
struct BatchPipeTests {
    /// Two workers taking from one pipe: every batch is taken exactly once, both see the end
    /// (neither waits for ever after the reader finishes), and a slow taker leaves batches to
    /// the other.
    @Test("Two takers share a pipe and both see its end")
    func twoTakers() {
        let pipe = BatchPipe(capacity: 4)
        let taken = Mutex<[Int: [Int]]>([:])
        let group = DispatchGroup()
        for taker in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let batch = pipe.take() {
                    taken.withLock { $0[taker, default: []].append(Int(batch.path)!) }
                    usleep(200)   // a worker indexing the batch
                }
            }
        }
        var sawFull = false
        for n in 0..<400 {
            if pipe.isFull { sawFull = true }
            pipe.put(PreparedBatch(documents: [], annotations: [], problems: [], path: String(n), source: nil))
        }
        pipe.finish()
        #expect(group.wait(timeout: .now() + 30) == .success, "a taker still waits after the end")
        let all = taken.withLock { $0 }
        #expect(Set((all[0] ?? []) + (all[1] ?? [])) == Set(0..<400))
        #expect((all[0]?.count ?? 0) + (all[1]?.count ?? 0) == 400)
        #expect((all[0]?.count ?? 0) > 0 && (all[1]?.count ?? 0) > 0, "one taker had every batch")
        #expect(sawFull)
        // each taker sees its batches in the order they were put
        for list in all.values { #expect(list == list.sorted()) }
    }
}
