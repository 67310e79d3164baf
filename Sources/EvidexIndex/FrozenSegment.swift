/// A segment's accumulated postings and per-document parts, handed from an indexing thread
/// to whichever thread writes it. Nothing else holds references to its contents.
final class FrozenSegment: @unchecked Sendable {
    private let postings: PostingsAccumulator
    private var parts: SegmentParts
    private let terms: SegmentTermKeys
    /// Stamps of the source files, by path relative to the indexed root.
    private let stamps: [String: FileStamp]

    var ids: [String] { parts.ids }

    init(postings: PostingsAccumulator, parts: SegmentParts, terms: SegmentTermKeys, stamps: [String: FileStamp]) {
        self.stamps = stamps
        self.postings = postings
        self.parts = parts
        self.terms = terms
    }

    /// Writes the segment file (fsynced) at `path`.
    func serialize(to path: String) throws(IndexError) {
        // Slots in term-key order: tables (field, namespace) in order, each in its terms' byte order.
        let byBytes = terms.byteOrder()

        var encoder = PostingsEncoder(spillDirectory: FrozenSegment.directory(of: path))
        var dictionary = TermDictionaryBuilder()
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [UInt32] = []
        var exactDocs: [UInt32] = []
        var unusedFreqs: [UInt32] = []
        var unusedPositions: [UInt32] = []
        var key: [UInt8] = []
        var slots: [(local: UInt32, slot: Int)] = []
        for table in 0..<PostingsAccumulator.tables {
            let withPositions = PostingsAccumulator.hasPositions(table: table)
            let lengths = parts.fieldLengths[table / 2]
            // The table's slots in key order, so the streams a few lists ahead can be
            // prefetched while one is decoded (they lie all over the pool).
            slots.removeAll(keepingCapacity: true)
            for local in byBytes {
                if let slot = postings.slot(table: table, term: terms.ids[Int(local)]) { slots.append((local, slot)) }
            }
            for (n, (local, slot)) in slots.enumerated() {
                if n + FrozenSegment.lookahead < slots.count { postings.prefetchStream(slots[n + FrozenSegment.lookahead].slot) }
                let term = terms.ids[Int(local)]
                docs.removeAll(keepingCapacity: true)
                freqs.removeAll(keepingCapacity: true)
                positions.removeAll(keepingCapacity: true)
                postings.decode(slot, docs: &docs, freqs: &freqs, positions: &positions, wantPositions: withPositions)
                var info = docs.withUnsafeBufferPointer { d in
                    freqs.withUnsafeBufferPointer { f in
                        positions.withUnsafeBufferPointer { p in
                            encoder.encode(docs: d, freqs: f, positions: withPositions ? p : nil, length: { lengths[Int($0)] })
                        }
                    }
                }
                if table % 2 == 1 {
                    // Documents holding any form with this stem: union with the exact list.
                    if let exactSlot = postings.slot(table: table - 1, term: term) {
                        exactDocs.removeAll(keepingCapacity: true)
                        unusedFreqs.removeAll(keepingCapacity: true)
                        postings.decode(exactSlot, docs: &exactDocs, freqs: &unusedFreqs, positions: &unusedPositions,
                                        wantPositions: false)
                        info.groupDocFreq = FrozenSegment.unionCount(docs, exactDocs)
                    }
                }
                key.removeAll(keepingCapacity: true)
                key.append(UInt8(table / 2))
                key.append(UInt8(table % 2))
                terms.withBytes(Int(local)) { key.append(contentsOf: $0) }
                dictionary.add(key, info)
                encoder.spillIfLarge()
            }
        }

        try parts.write(to: path, dictionary: dictionary, encoder: encoder, stamps: stamps)
    }

    /// How many lists ahead of the one being decoded the next stream is prefetched.
    static let lookahead = 4

    /// The folder of a file path (where its temporary spill files go).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// |a ∪ b| of two ascending document lists (a stem key's group count; merges use it too).
    static func unionCount(_ a: [UInt32], _ b: [UInt32]) -> UInt32 {
        var i = 0
        var j = 0
        var n: UInt32 = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { i += 1; j += 1 }
            n += 1
        }
        return n + UInt32(a.count - i) + UInt32(b.count - j)
    }
}
