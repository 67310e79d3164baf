import Synchronization

/// Token arrays kept for reuse between documents. A hearing day has some 70,000 tokens (2.8 MB),
/// past the 1 MB at which the indexer has the allocator map large blocks afresh (so segments
/// give their memory back): a new array for each document was written to new pages, and those
/// page faults were 40% of tokenising. The pool keeps a few arrays, each at most `maxBytes`.
enum OrganisationTokenPool {
    private static let arrays = Mutex<[[OrganisationToken]]>([])
    /// Arrays kept: one per indexing thread and reader, with room to spare.
    private static let maxArrays = 8
    private static let maxBytes = 32 << 20

    /// `body` with the tokens of `scalars` in an array taken from the pool and returned to it
    /// afterwards.
    static func withTokens<R>(of scalars: [Unicode.Scalar], _ body: ([OrganisationToken]) throws -> R) rethrows -> R {
        var tokens = arrays.withLock { $0.popLast() } ?? []
        scalars.withUnsafeBufferPointer { OrganisationTokenizer.tokens(in: $0, into: &tokens) }
        defer {
            if tokens.capacity * MemoryLayout<OrganisationToken>.stride <= maxBytes {
                tokens.removeAll(keepingCapacity: true)
                arrays.withLock { if $0.count < maxArrays { $0.append(tokens) } }
            }
        }
        return try body(tokens)
    }
}
