/// One document of a ranking without its stored text: what evaluation runs and the batch
/// protocol need, at depths (1000) where reading stored documents would dominate the cost.
public struct RankedHit: Sendable, Hashable {
    public let id: String
    public let score: Double

    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}
