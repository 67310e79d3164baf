import EvidexIndex

/// 1 / (1 − b + b · len / avglen) per document, per (segment, field): scoring then multiplies
/// instead of loading a length and dividing for every posting.
///
/// A table costs a pass over every document of the segment (and 8 bytes each), which a
/// one-shot `evidex search` on a large index would pay for a query that scores a few hundred
/// postings. So a table is built only once the postings scored with that field's lengths add
/// up to the segment's size (the ski-rental rule: at most twice the best cost); until then
/// scorers compute each normaliser from the field length as they go. A long-lived searcher
/// (`evidex query`, the server) has its tables after a few queries; a cold process rarely
/// builds any.
final class NormCache {
    private var tables: [Key: UnsafeMutableBufferPointer<Double>] = [:]
    /// Postings scored without a table so far, per key.
    private var untabled: [Key: Int] = [:]

    struct Key: Hashable {
        let segment: ObjectIdentifier
        let field: IndexField
        let b: Double
        let average: Double
    }

    /// The table of `f` in this segment, or nil when there is none yet and `postings` (the
    /// scorer's list length for the field) does not yet make one worth building.
    func table(_ reader: SegmentReader, _ f: FieldScoring, postings: Int) -> UnsafePointer<Double>? {
        let key = Key(segment: ObjectIdentifier(reader), field: f.field, b: f.b, average: f.averageLength)
        if let t = tables[key] { return UnsafePointer(t.baseAddress!) }
        let used = untabled[key, default: 0] + postings
        if used < reader.docCount {
            untabled[key] = used
            return nil
        }
        untabled[key] = nil
        return build(reader, f, key)
    }

    private func build(_ reader: SegmentReader, _ f: FieldScoring, _ key: Key) -> UnsafePointer<Double> {
        let t = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(reader.docCount, 1))
        for d in 0..<reader.docCount { t[d] = 1 / f.normalizer(reader.fieldLength(f.field, UInt32(d))) }
        tables[key] = t
        return UnsafePointer(t.baseAddress!)
    }

    deinit {
        for t in tables.values { t.deallocate() }
    }
}
