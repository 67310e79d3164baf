import Dispatch
import EvidexDocuments
import EvidexQuotes
import Synchronization

/// Documents parsed, and usually annotated, ahead of the worker that indexes them. The reader
/// leaves a batch unannotated (`annotations` nil) when the worker has nothing waiting, and the
/// worker annotates that one itself, so the two threads share the annotation as their loads
/// allow (reading a folder's files, the reader is the slower one).
struct PreparedBatch: Sendable {
    var documents: [Document]
    var annotations: [TextAnnotations]?
    var problems: [DocumentError]
    /// The file's path relative to its root, and where the index reads its text back.
    var path: String
    var source: String?
    /// The file this batch finishes (for progress): a single-batch file's one batch, or the
    /// empty batch after a JSONL file's last.
    var finishedFile: Int? = nil
}

/// A bounded hand-over between the thread that reads, parses and annotates a file and the
/// workers that index it: at most `capacity` batches wait, so memory stays bounded however
/// far the reader could run ahead. The worker cancels when it stops early, which releases a
/// reader blocked on a full pipe.
final class BatchPipe: Sendable {
    private struct State {
        var batches: [PreparedBatch] = []
        var finished = false
        var cancelled = false
    }

    private let state = Mutex(State())
    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)

    private let capacity: Int

    init(capacity: Int = 1) {
        self.capacity = capacity
        free = DispatchSemaphore(value: capacity)
    }

    /// Called by the reader; returns at once after `cancel`.
    func put(_ batch: PreparedBatch) {
        free.wait()
        let accepted = state.withLock { s -> Bool in
            if s.cancelled { return false }
            s.batches.append(batch)
            return true
        }
        if accepted { ready.signal() } else { free.signal() }
    }

    /// Called by the reader after its last batch.
    func finish() {
        state.withLock { $0.finished = true }
        ready.signal()
    }

    /// The next batch, or nil when the reader has finished and every batch was taken.
    func take() -> PreparedBatch? {
        while true {
            ready.wait()
            let (batch, done) = state.withLock { s -> (PreparedBatch?, Bool) in
                if !s.batches.isEmpty { return (s.batches.removeFirst(), false) }
                return (nil, s.finished)
            }
            if let batch {
                free.signal()
                return batch
            }
            if done {
                // the one signal of `finish` wakes one taker: it passes it on to the next
                ready.signal()
                return nil
            }
        }
    }

    /// A batch that waits now, without waiting for one; nil when none does (or at the end).
    func takeIfReady() -> PreparedBatch? {
        guard ready.wait(timeout: .now()) == .success else { return nil }
        let batch = state.withLock { s -> PreparedBatch? in
            s.batches.isEmpty ? nil : s.batches.removeFirst()
        }
        if batch != nil {
            free.signal()
        } else {
            // the end's signal, left for `take`
            ready.signal()
        }
        return batch
    }

    /// Whether no batch waits: the worker has taken everything offered so far.
    var isEmpty: Bool { state.withLock { $0.batches.isEmpty } }

    /// Whether `capacity` batches wait: the next `put` blocks until a worker takes one.
    var isFull: Bool { state.withLock { $0.batches.count >= capacity } }

    /// Whether the worker has stopped taking batches (the reader may stop preparing them).
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Stops the reader: batches it still offers are dropped.
    func cancel() {
        state.withLock {
            $0.cancelled = true
            $0.batches.removeAll()
        }
        free.signal()
    }
}
