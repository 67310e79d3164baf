import EvidexIndex

/// What `evidex stats --json` and `GET /api/stats` report about an index.
public struct IndexStats: Sendable, Codable, Equatable {
    public var documents: Int
    public var deleted: Int
    public var terms: Int
    public var segments: Int
    public var bytes: Int
    public var generation: UInt64
    public var format: UInt32
    public var averageLengths: [String: Double]
    public var roots: [String]
    /// Only when asked for (`--sections`): section name → bytes, summed over segments.
    public var sections: [String: Int]?

    public init(snapshot s: IndexSnapshot, sections: Bool = false) {
        var avg: [String: Double] = [:]
        for f in IndexField.textFields { avg[f.name] = (s.averageLength(f) * 100).rounded() / 100 }
        documents = s.liveDocCount
        deleted = s.maxDocCount - s.liveDocCount
        terms = s.termCount
        segments = s.segments.count
        bytes = s.byteSize
        generation = s.manifest.generation
        format = s.manifest.format
        averageLengths = avg
        roots = s.manifest.roots
        self.sections = sections ? Dictionary(uniqueKeysWithValues: s.sectionSizes.map { ($0.name, $0.bytes) }) : nil
    }
}
