/// Merges segments into one, dropping deleted documents. Posting lists are decoded and
/// re-encoded with remapped doc ids (no re-analysis), stored documents are copied as bytes.
enum SegmentMerger {
    static func merge(_ inputs: [LiveSegment], to path: String) throws(IndexError) {
        let spillDirectory = FrozenSegment.directory(of: path)
        var parts = SegmentParts(spillDirectory: spillDirectory)
        // Old doc → new doc per input (UInt32.max = deleted).
        var remap: [[UInt32]] = []
        for seg in inputs {
            let r = seg.reader
            var map = [UInt32](repeating: UInt32.max, count: r.docCount)
            try r.forEachEncodedDocument { (doc, bytes) throws(IndexError) in
                if seg.isDeleted(doc) { return }
                map[Int(doc)] = UInt32(parts.docCount)
                var br = ByteReader(bytes)
                parts.ids.append(try br.string())
                parts.dates.append(r.dateOrdinal(doc) ?? Int32.min)
                parts.kinds.append(r.kinds[Int(doc)])
                parts.sources.append(r.sourceName(ordinal: r.sourceOrdinal(doc)))
                parts.paths.append(r.path(doc))
                for f in IndexField.textFields {
                    parts.fieldLengths[Int(f.rawValue)].append(r.fieldLength(f, doc))
                }
                parts.store.add(bytes)
            }
            remap.append(map)
        }

        // All distinct term keys in sorted order.
        var keySet = Set<[UInt8]>()
        for seg in inputs {
            seg.reader.dictionary.forEach { _, k, _ in keySet.insert(k) }
        }
        let keys = keySet.sorted { $0.lexicographicallyPrecedes($1) }

        var encoder = PostingsEncoder(spillDirectory: spillDirectory)
        var infos: [TermInfo] = []
        infos.reserveCapacity(keys.count)
        var kept: [[UInt8]] = []
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [UInt32] = []
        var exactDocs: [UInt32] = []
        var scratchFreqs: [UInt32] = []
        var scratchPositions: [UInt32] = []
        for key in keys {
            let withPositions = key[1] == TermNamespace.exact.rawValue
            collect(key, inputs, remap, &docs, &freqs, &positions, wantPositions: withPositions)
            if docs.isEmpty { continue }  // only deleted documents held it
            let lengths = parts.fieldLengths[Int(key[0])]
            var info = docs.withUnsafeBufferPointer { d in
                freqs.withUnsafeBufferPointer { f in
                    positions.withUnsafeBufferPointer { p in
                        encoder.encode(docs: d, freqs: f, positions: withPositions ? p : nil, length: { lengths[Int($0)] })
                    }
                }
            }
            if key[1] == TermNamespace.stem.rawValue {
                var exactKey = key
                exactKey[1] = TermNamespace.exact.rawValue
                collect(exactKey, inputs, remap, &exactDocs, &scratchFreqs, &scratchPositions, wantPositions: false)
                info.groupDocFreq = UInt32(unionCount(docs, exactDocs))
            }
            infos.append(info)
            kept.append(key)
            encoder.spillIfLarge()
        }
        var stamps: [String: FileStamp] = [:]
        for seg in inputs {
            let r = seg.reader
            for (o, p) in r.distinctPaths.enumerated() { if let s = r.stamp(pathOrdinal: o) { stamps[p] = s } }
        }
        try parts.write(to: path, termKeys: kept, termInfos: infos, encoder: encoder, stamps: stamps)
    }

    /// Gathers one term's postings from every input, in new doc-id order (inputs are
    /// concatenated in order, so per-input lists stay sorted).
    private static func collect(
        _ key: [UInt8], _ inputs: [LiveSegment], _ remap: [[UInt32]],
        _ docs: inout [UInt32], _ freqs: inout [UInt32], _ positions: inout [UInt32], wantPositions: Bool
    ) {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        let tk = TermKey(raw: key)
        for (i, seg) in inputs.enumerated() {
            guard let info = seg.reader.termInfo(tk) else { continue }
            let c = seg.reader.postings(info)
            let map = remap[i]
            while c.doc != PostingsCursor.exhausted {
                let nd = map[Int(c.doc)]
                if nd != UInt32.max {
                    docs.append(nd)
                    freqs.append(c.freq)
                    if wantPositions { c.positions(into: &positions) }
                }
                c.next()
            }
        }
    }

    private static func unionCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var i = 0
        var j = 0
        var n = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { i += 1; j += 1 }
            n += 1
        }
        return n + (a.count - i) + (b.count - j)
    }
}
