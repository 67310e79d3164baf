import EvidexIndex

/// 1 / (1 − b + b · len / avglen) per document, per (segment, field): scoring then multiplies
/// instead of loading a length and dividing for every posting.
///
/// A table costs a pass over every document of the segment (and 8 bytes each), which a
/// one-shot `evidex search` on a large index would pay for a query that scores a few hundred
/// postings. So a table is built only once the normalisers scorers computed from field lengths
/// without one add up to the segment's size (the ski-rental rule: at most twice the best
/// cost); until then scorers compute each one as they go and report how many they computed.
/// A long-lived searcher (`evidex query`, the server) has its tables after a few queries; a
/// cold process rarely builds any. A cache made with `building: false` never builds (for
/// scorers that only count matches).
final class NormCache {
    private var tables: [Key: UnsafeMutableBufferPointer<Double>] = [:]
    /// Normalisers computed without a table so far, per key.
    private var untabled: [Key: Int] = [:]
    private let building: Bool

    init(building: Bool = true) {
        self.building = building
    }

    struct Key: Hashable {
        let segment: ObjectIdentifier
        let field: IndexField
        let b: Double
        let average: Double

        init(_ reader: SegmentReader, _ f: FieldScoring) {
            segment = ObjectIdentifier(reader)
            field = f.field
            b = f.b
            average = f.averageLength
        }
    }

    /// The table of `f` in this segment, or nil when there is none and too few normalisers
    /// have been computed without it to make one worth building.
    func table(_ reader: SegmentReader, _ f: FieldScoring) -> UnsafePointer<Double>? {
        let key = Key(reader, f)
        if let t = tables[key] { return UnsafePointer(t.baseAddress!) }
        guard building, untabled[key, default: 0] >= reader.docCount else { return nil }
        untabled[key] = nil
        let t = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(reader.docCount, 1))
        for d in 0..<reader.docCount { t[d] = 1 / f.normalizer(reader.fieldLength(f.field, UInt32(d))) }
        tables[key] = t
        return UnsafePointer(t.baseAddress!)
    }

    /// Tables built so far (for tests).
    var tableCount: Int { tables.count }

    /// Records normalisers a scorer computed from field lengths.
    func computed(_ n: Int, _ reader: SegmentReader, _ f: FieldScoring) {
        if n > 0 && building { untabled[Key(reader, f), default: 0] += n }
    }

    deinit {
        for t in tables.values { t.deallocate() }
    }
}
