import EvidexSearch

/// One query's ranking as trec_eval reads it: hits by score, best first, and among equal
/// scores by document id in reverse byte order. trec_eval sorts a run that way whatever its
/// ranks say, and holds scores as 32-bit floats, so scores equal in single precision are ties
/// to it; ordering the hits the same way here keeps our measures and trec_eval's identical.
public struct RankedQuery: Sendable, Equatable {
    public let qid: String
    public let hits: [RankedHit]
    /// Why the query could not run (its ranking is then empty).
    public let error: String?

    public init(qid: String, hits: [RankedHit], error: String? = nil) {
        self.qid = qid
        self.hits = hits.sorted(by: RankedQuery.trecOrder)
        self.error = error
    }

    public var ranking: [String] { hits.map(\.id) }

    static func trecOrder(_ a: RankedHit, _ b: RankedHit) -> Bool {
        let (x, y) = (Float(a.score), Float(b.score))
        if x != y { return x > y }
        return b.id.utf8.lexicographicallyPrecedes(a.id.utf8)
    }
}
