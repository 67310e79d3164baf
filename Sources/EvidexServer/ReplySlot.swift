import Synchronization

/// Where a search thread or the request's timer puts the answer to one request: whichever
/// comes first resumes the waiting handler, the other finds the slot empty.
final class ReplySlot<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Result<Value, APIError>, Never>?>

    init(_ continuation: CheckedContinuation<Result<Value, APIError>, Never>) {
        self.continuation = Mutex(continuation)
    }

    /// Whether this call delivered the answer.
    @discardableResult
    func resume(_ result: Result<Value, APIError>) -> Bool {
        let c = continuation.withLock { c in
            defer { c = nil }
            return c
        }
        c?.resume(returning: result)
        return c != nil
    }
}
