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
            // Source file ordinals of this input → the merged segment's.
            var files = [UInt32?](repeating: nil, count: r.sourceFiles.count)
            // Each distinct source and path read once: one string shared by all the documents
            // holding it, instead of a heap copy per document (a JSONL file's documents share
            // one path of more than 15 bytes: ~50 bytes a document of a merge's memory).
            var sourceNames = [String?](repeating: nil, count: r.sourceCount)
            var pathNames = [String?](repeating: nil, count: r.pathCount)
            var record = ByteBuffer(capacity: 1 << 12)
            try r.forEachEncodedDocument { (doc, bytes) throws(IndexError) in
                if seg.isDeleted(doc) { return }
                map[Int(doc)] = UInt32(parts.docCount)
                parts.appendID(r.id(of: doc))
                parts.dates.append(r.dateOrdinal(doc) ?? Int32.min)
                parts.kinds.append(r.kinds[Int(doc)])
                // (An ordinal past its table, in a damaged segment, reads as the reader reads it.)
                let so = r.sourceOrdinal(doc)
                if so < sourceNames.count {
                    if sourceNames[so] == nil { sourceNames[so] = r.sourceName(ordinal: so) }
                    parts.sources.append(sourceNames[so]!)
                } else {
                    parts.sources.append(r.sourceName(ordinal: so))
                }
                let po = r.pathOrdinal(doc)
                if po < pathNames.count {
                    if pathNames[po] == nil { pathNames[po] = r.path(doc) }
                    parts.paths.append(pathNames[po]!)
                } else {
                    parts.paths.append(r.path(doc))
                }
                for f in IndexField.textFields {
                    parts.fieldLengths[Int(f.rawValue)].append(r.fieldLength(f, doc))
                }
                record.removeAll()
                try StoredDocumentCodec.copy(bytes, remap: { (o) throws(IndexError) -> UInt32 in
                    guard Int(o) < files.count else { throw .corrupt("\(r.name): stored reference to a missing source file") }
                    if let m = files[Int(o)] { return m }
                    let m = parts.sourceFileOrdinal(r.sourceFiles.string(Int(o)))
                    files[Int(o)] = m
                    return m
                }, into: &record)
                record.bytes.withUnsafeBytes { parts.store.add($0) }
            }
            remap.append(map)
        }

        // The union of the inputs' dictionaries in key order, walked block by block: memory
        // stays at a block per input instead of every distinct key of the merged segment.
        var cursors = inputs.map { TermDictionaryCursor($0.reader.dictionary) }
        var encoder = PostingsEncoder(spillDirectory: spillDirectory)
        var dictionary = TermDictionaryBuilder()
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [UInt32] = []
        var exactDocs: [UInt32] = []
        var scratchFreqs: [UInt32] = []
        var scratchPositions: [UInt32] = []
        var holders: [(input: Int, info: TermInfo)] = []
        // The inputs are read front to back: every so many postings and positions read, their
        // pages read so far leave the resident set. (Counting keys instead, every 32,768 keys,
        // let a merge of 1M documents hold 300 MB of input pages: a window of keys holding a
        // few frequent words reads far more than one of rare ones.)
        for seg in inputs { seg.reader.file.dropResidentPages() }
        var valuesSinceDrop = 0
        while true {
            if valuesSinceDrop >= SegmentMerger.valuesBetweenDrops {
                valuesSinceDrop = 0
                for seg in inputs { seg.reader.file.dropResidentPages() }
            }
            var smallest: [UInt8]?
            for c in cursors {
                if let k = c.current?.key, smallest.map({ k.lexicographicallyPrecedes($0) }) ?? true { smallest = k }
            }
            guard let key = smallest else { break }
            holders.removeAll(keepingCapacity: true)
            for i in cursors.indices {
                if let cur = cursors[i].current, cur.key == key {
                    holders.append((i, cur.info))
                    cursors[i].next()
                }
            }
            let withPositions = key[1] == TermNamespace.exact.rawValue
            collect(holders, inputs, remap, &docs, &freqs, &positions, wantPositions: withPositions)
            valuesSinceDrop += 2 * docs.count + positions.count
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
                let tk = TermKey(raw: exactKey)
                var exactHolders: [(input: Int, info: TermInfo)] = []
                for (i, seg) in inputs.enumerated() { if let info = seg.reader.termInfo(tk) { exactHolders.append((i, info)) } }
                collect(exactHolders, inputs, remap, &exactDocs, &scratchFreqs, &scratchPositions, wantPositions: false)
                valuesSinceDrop += 2 * exactDocs.count
                info.groupDocFreq = UInt32(unionCount(docs, exactDocs))
            }
            dictionary.add(key, info)
            encoder.spillIfLarge()
        }
        var stamps: [String: FileStamp] = [:]
        for seg in inputs {
            let r = seg.reader
            for (o, p) in r.distinctPaths.enumerated() { if let s = r.stamp(pathOrdinal: o) { stamps[p] = s } }
        }
        // The file is assembled from memory and spill files: the inputs' pages are not needed.
        for seg in inputs { seg.reader.file.dropResidentPages() }
        remap = []
        try parts.write(to: path, dictionary: dictionary, encoder: encoder, stamps: stamps)
    }

    /// Postings and positions (decoded values) read between two drops of the inputs' pages:
    /// about 16–32 MB of input pages at the usual 1–2 bytes a value.
    static let valuesBetweenDrops = 1 << 24

    /// Gathers one term's postings from the inputs that hold it, in new doc-id order (inputs
    /// are concatenated in order, so per-input lists stay sorted).
    private static func collect(
        _ holders: [(input: Int, info: TermInfo)], _ inputs: [LiveSegment], _ remap: [[UInt32]],
        _ docs: inout [UInt32], _ freqs: inout [UInt32], _ positions: inout [UInt32], wantPositions: Bool
    ) {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        for (i, info) in holders {
            let c = inputs[i].reader.postings(info)
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
