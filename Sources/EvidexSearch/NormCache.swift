import EvidexIndex

/// 1 / (1 − b + b · len / avglen) per document, per (segment, field), computed once per searcher:
/// scoring then multiplies instead of loading a length and dividing for every posting.
final class NormCache {
    private var tables: [Key: UnsafeMutableBufferPointer<Double>] = [:]

    struct Key: Hashable {
        let segment: ObjectIdentifier
        let field: IndexField
        let b: Double
        let average: Double
    }

    func table(_ reader: SegmentReader, _ f: FieldScoring) -> UnsafeBufferPointer<Double> {
        let key = Key(segment: ObjectIdentifier(reader), field: f.field, b: f.b, average: f.averageLength)
        if let t = tables[key] { return UnsafeBufferPointer(t) }
        let t = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(reader.docCount, 1))
        for d in 0..<reader.docCount { t[d] = 1 / f.normalizer(reader.fieldLength(f.field, UInt32(d))) }
        tables[key] = t
        return UnsafeBufferPointer(t)
    }

    deinit {
        for t in tables.values { t.deallocate() }
    }
}
