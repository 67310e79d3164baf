/// A segment's accumulated postings and per-document parts, handed from an indexing thread
/// to whichever thread writes it. Nothing else holds references to its contents.
final class FrozenSegment: @unchecked Sendable {
    private let postings: PostingsAccumulator
    private var parts: SegmentParts
    private let keys: [[UInt8]]

    var ids: [String] { parts.ids }

    init(postings: PostingsAccumulator, parts: SegmentParts, keys: [[UInt8]]) {
        self.postings = postings
        self.parts = parts
        self.keys = keys
    }

    /// Serialises the segment. The returned bytes are a complete segment file.
    func serialize() -> [UInt8] {
        // Sort slots by term key.
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }

        var encoder = PostingsEncoder()
        var infos: [TermInfo] = []
        infos.reserveCapacity(order.count)
        var sortedKeys: [[UInt8]] = []
        sortedKeys.reserveCapacity(order.count)
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [UInt32] = []
        var data: [UInt32] = []
        var exactData: [UInt32] = []
        for slot in order {
            docs.removeAll(keepingCapacity: true)
            freqs.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            data.removeAll(keepingCapacity: true)
            postings.words(of: slot, into: &data)
            let (table, term) = postings.key(of: slot)
            let withPositions = PostingsAccumulator.hasPositions(table: table)
            var i = 0
            while i < data.count {
                let d = data[i]
                let f = data[i + 1]
                docs.append(d)
                freqs.append(f)
                if withPositions {
                    positions.append(contentsOf: data[(i + 2)..<(i + 2 + Int(f))])
                    i += 2 + Int(f)
                } else {
                    i += 2
                }
            }
            let lengths = parts.fieldLengths[table / 2]
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
                    exactData.removeAll(keepingCapacity: true)
                    postings.words(of: exactSlot, into: &exactData)
                    info.groupDocFreq = FrozenSegment.unionCount(docs, exactData)
                }
            }
            infos.append(info)
            sortedKeys.append(keys[slot])
        }

        return parts.assemble(termKeys: sortedKeys, termInfos: infos, encoder: encoder)
    }


    /// |a ∪ b| where a is a doc list and b a slot's `doc, freq, positions…` run.
    private static func unionCount(_ a: [UInt32], _ b: [UInt32]) -> UInt32 {
        var i = 0
        var j = 0
        var n: UInt32 = 0
        while i < a.count || j < b.count {
            if j >= b.count { n += UInt32(a.count - i); break }
            let bd = b[j]
            if i >= a.count || bd < a[i] {
                n += 1
                j += 2 + Int(b[j + 1])
            } else if a[i] < bd {
                n += 1
                i += 1
            } else {
                n += 1
                i += 1
                j += 2 + Int(b[j + 1])
            }
        }
        return n
    }
}
