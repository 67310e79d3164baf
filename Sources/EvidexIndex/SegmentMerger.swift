import Dispatch
import Synchronization

/// Merges segments into one, dropping deleted documents. Posting lists are decoded and
/// re-encoded with remapped doc ids (no re-analysis), stored documents are copied as bytes.
enum SegmentMerger {
    /// `threads` > 1 merges the terms in two key ranges at once.
    static func merge(_ inputs: [LiveSegment], to path: String, threads: Int = 1) throws(IndexError) {
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
            // The live records of a block as the merged store holds them, one after another.
            var block = ByteBuffer(capacity: 1 << 15)
            var ends: [Int] = []
            if parts.docCount == 0 && parts.store.blockCount == 0 {
                // The first input's source files keep their ordinals, so its reference records
                // need no rewriting and its blocks can be copied compressed (below).
                for o in 0..<r.sourceFiles.count { files[o] = parts.sourceFileOrdinal(r.sourceFiles.string(o)) }
            }

            /// Records document `doc` of this input in the merged parts, and its stored record
            /// (source file ordinal remapped) in `record`.
            func addDocument(_ doc: UInt32, _ bytes: UnsafeRawBufferPointer) throws(IndexError) {
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
            }

            try r.forEachStoreBlock { (stored) throws(IndexError) in
                // A block whose every document is live and whose records come out unchanged is
                // copied compressed: deflating the store again was most of the time a merge
                // spent outside the posting lists (a hearing day's turns make large records).
                block.removeAll()
                ends.removeAll(keepingCapacity: true)
                var unchanged = true
                for (doc, bytes) in zip(stored.firstDoc..., stored.records) {
                    if seg.isDeleted(doc) {
                        unchanged = false
                        continue
                    }
                    try addDocument(doc, bytes)
                    if unchanged && !record.bytes.withUnsafeBytes({ $0.elementsEqual(bytes) }) { unchanged = false }
                    block.append(contentsOf: record.bytes)
                    ends.append(block.count)
                }
                if unchanged && !ends.isEmpty {
                    parts.store.appendCompressed(stored.compressed, rawLength: stored.rawLength, documents: ends.count)
                    return
                }
                block.bytes.withUnsafeBytes { all in
                    var start = 0
                    for end in ends {
                        parts.store.add(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                        start = end
                    }
                }
            }
            remap.append(map)
        }

        // The terms in one or two key ranges, each on its own thread, the second range's lists
        // following the first's in the file (the result is byte for byte the one-range merge).
        // In a function of its own, so that what the threads share (the remap, a copy of the
        // field lengths) is let go before the file is written.
        let (dictionary, encoders) = try mergeTerms(inputs, remap, parts.fieldLengths, spillDirectory: spillDirectory, threads: threads)
        var stamps: [String: FileStamp] = [:]
        for seg in inputs {
            let r = seg.reader
            for (o, p) in r.distinctPaths.enumerated() { if let s = r.stamp(pathOrdinal: o) { stamps[p] = s } }
        }
        // The file is assembled from memory and spill files: the inputs' pages are not needed.
        for seg in inputs { seg.reader.file.dropResidentPages() }
        remap = []
        try parts.write(to: path, dictionary: dictionary, encoders: encoders, stamps: stamps)
    }

    /// The merged terms: their dictionary and the encoders holding their lists, in file order.
    private static func mergeTerms(
        _ inputs: [LiveSegment], _ remap: [[UInt32]], _ fieldLengths: [[UInt32]], spillDirectory: String, threads: Int
    ) throws(IndexError) -> (TermDictionaryBuilder, [PostingsEncoder]) {
        let split = threads > 1 ? splitKey(inputs) : nil
        let ranges: [([UInt8]?, [UInt8]?)] = split.map { [(nil, $0), ($0, nil)] } ?? [(nil, nil)]
        let slots = RangeSlots(count: ranges.count)
        let work = { @Sendable (r: Int) in
            let result = Result { () throws(IndexError) -> RangeMerge in
                try mergeTerms(inputs, remap, fieldLengths, spillDirectory: spillDirectory,
                               from: ranges[r].0, to: ranges[r].1, continuing: r > 0)
            }
            slots.set(r, result)
        }
        if ranges.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: ranges.count, execute: work) }
        let results = slots.results
        var first = try results[0].get()
        var encoders = [first.encoder]
        for r in 1..<ranges.count {
            let next = try results[r].get()
            try next.dictionary.appendEntries(to: &first.dictionary,
                                              postingsShift: UInt64(first.encoder.postingsStream.count),
                                              positionsShift: UInt64(first.encoder.positionsStream.count))
            encoders.append(next.encoder)
        }
        return (first.dictionary, encoders)
    }

    /// The ranges' results, each set once by the thread that merged it.
    private final class RangeSlots: @unchecked Sendable {
        private let lock = Mutex(())
        private var slots: [Result<RangeMerge, IndexError>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ r: Int, _ result: Result<RangeMerge, IndexError>) {
            lock.withLock { _ in slots[r] = result }
        }

        /// Every slot, once all are set.
        var results: [Result<RangeMerge, IndexError>] {
            lock.withLock { _ in slots.map { $0! } }
        }
    }

    /// What merging one key range produced.
    struct RangeMerge {
        var dictionary: TermDictionaryBuilder
        let encoder: PostingsEncoder
    }

    /// Merges the posting lists of the keys k with start ≤ k < end (nil: unbounded).
    private static func mergeTerms(
        _ inputs: [LiveSegment], _ remap: [[UInt32]], _ fieldLengths: [[UInt32]], spillDirectory: String,
        from start: [UInt8]?, to end: [UInt8]?, continuing: Bool
    ) throws(IndexError) -> RangeMerge {
        // The union of the inputs' dictionaries in key order, walked block by block: memory
        // stays at a block per input instead of every distinct key of the merged segment.
        var union = TermUnion(inputs.map(\.reader.dictionary), from: start, to: end)
        var encoder = PostingsEncoder(spillDirectory: spillDirectory, continuing: continuing)
        var dictionary = TermDictionaryBuilder()
        var key: [UInt8] = []
        var tail: [UInt8] = []
        var group = GroupListBuilder()
        var holders: [(input: Int, info: TermInfo)] = []
        var inputForms: [[[UInt8]]] = []
        var merged: [[UInt8]] = []
        var ordinals: [[UInt32]] = []
        var formDocs: [UInt32] = []
        var lastDocOfForm: [UInt32] = []
        func damaged(_ i: Int) -> IndexError {
            .corrupt("\(inputs[i].reader.name): a term dictionary entry is damaged; run `evidex verify` and rebuild the index with `evidex index --rebuild`")
        }
        // The inputs are read front to back: every so many postings and positions read, their
        // pages read so far leave the resident set. (Counting keys instead, every 32,768 keys,
        // let a merge of 1M documents hold 300 MB of input pages: a window of keys holding a
        // few frequent words reads far more than one of rare ones.)
        for seg in inputs { seg.reader.file.dropResidentPages() }
        var valuesSinceDrop = 0
        while union.next(key: &key, holders: &holders) {
            if valuesSinceDrop >= SegmentMerger.valuesBetweenDrops {
                valuesSinceDrop = 0
                for seg in inputs { seg.reader.file.dropResidentPages() }
            }
            let namespace = TermDictionaryWriter.namespace(key)
            if namespace == TermNamespace.form.rawValue {
                // A word's stem does not change: any input's entry will do. (One whose
                // documents were all deleted stays; FORMAT.md.)
                let (i, info) = holders[0]
                guard let t = inputs[i].reader.dictionary.tail(of: info, namespace: namespace) else { throw damaged(i) }
                dictionary.add(key, info, tail: t)
                continue
            }
            // A group's form table: the union of the inputs' tables, each input's ordinals
            // mapped into it. When every input's group is the stem alone (most groups), so is
            // the merged one, and its ordinals (all 0) stand.
            var formCount: UInt32 = 0
            formDocs.removeAll(keepingCapacity: true)
            let stemOnly = namespace != TermNamespace.group.rawValue || holders.allSatisfy { $0.info.formCount == 0 }
            if !stemOnly {
                let stem = key[2...]
                inputForms.removeAll(keepingCapacity: true)
                for (i, info) in holders {
                    let forms = stem.withUnsafeBytes { inputs[i].reader.dictionary.forms(of: info, stem: $0) }
                    guard let forms else { throw damaged(i) }
                    inputForms.append(forms.map(\.word))
                }
                merged = Array(Set(inputForms.joined())).sorted { $0.lexicographicallyPrecedes($1) }
                ordinals = inputForms.map { forms in
                    forms.map { f in UInt32(merged.firstIndex(of: f)!) }
                }
                formCount = merged.count == 1 && merged[0].elementsEqual(stem) ? 0 : UInt32(merged.count)
                // Each word's documents, counted as the lists are read (deleted ones drop out).
                formDocs = [UInt32](repeating: 0, count: merged.count)
                lastDocOfForm = [UInt32](repeating: UInt32.max, count: merged.count)
            }
            group.reset()
            for (h, (i, info)) in holders.enumerated() {
                let c = inputs[i].reader.postings(info)
                let map = remap[i]
                let identity = stemOnly || ordinals[h].enumerated().allSatisfy { $0.offset == Int($0.element) }
                let mapping: [UInt32]? = identity ? nil : ordinals[h]
                (mapping ?? []).withUnsafeBufferPointer { o in
                    while c.doc != PostingsCursor.exhausted {
                        let nd = map[Int(c.doc)]
                        if nd != UInt32.max {
                            group.append(doc: nd, from: c, ordinals: mapping == nil ? nil : o, formDocs: &formDocs, lastDocOfForm: &lastDocOfForm)
                            valuesSinceDrop += 2 + Int(c.freq)
                        }
                        c.next()
                    }
                }
            }
            if group.isEmpty { continue }  // only deleted documents held it
            let lengths = fieldLengths[Int(key[0])]
            let info = group.encode(into: &encoder, formCount: formCount, lengths: lengths)
            if namespace == TermNamespace.group.rawValue {
                tail.removeAll(keepingCapacity: true)
                if stemOnly {
                    tail.append(0)
                } else {
                    TermDictionaryWriter.appendGroupTail(stem: key[2...], forms: merged, docFreqs: formDocs, to: &tail)
                }
                tail.withUnsafeBytes { dictionary.add(key, info, tail: $0) }
            } else {
                dictionary.add(key, info)
            }
            encoder.spillIfLarge()
        }
        if union.isDamaged {
            throw .corrupt("a term dictionary block of a segment being merged is damaged; run `evidex verify` and rebuild the index with `evidex index --rebuild`")
        }
        return RangeMerge(dictionary: dictionary, encoder: encoder)
    }

    /// A key that cuts the merge's work in two, from the largest input's dictionary: each key
    /// weighs its documents (twice as much in the exact namespace, whose lists carry positions;
    /// a stem key's group count reads the exact lists' counts) plus a fixed cost. Measured on
    /// synth-1M, exact 3 and stem 1 left the second range 15% longer. Nil when the dictionary
    /// is too small to be worth it.
    static func splitKey(_ inputs: [LiveSegment]) -> [UInt8]? {
        guard let largest = inputs.max(by: { $0.reader.docCount < $1.reader.docCount }) else { return nil }
        let dictionary = largest.reader.dictionary
        guard dictionary.blockCount >= 4 else { return nil }
        func weight(_ key: UnsafeRawBufferPointer, _ info: TermInfo) -> Int {
            32 + Int(info.docFreq) * 6
        }
        var total = 0
        for b in 0..<dictionary.blockCount {
            _ = dictionary.decode(block: b) { _, key, info in
                total += weight(key, info)
                return true
            }
        }
        var sum = 0
        var split: [UInt8]?
        for b in 0..<dictionary.blockCount where split == nil {
            _ = dictionary.decode(block: b) { t, key, info in
                sum += weight(key, info)
                if sum >= total / 2 && t > 0 {
                    split = Array(key)
                    return false
                }
                return true
            }
        }
        return split
    }

    /// Postings and positions (decoded values) read between two drops of the inputs' pages:
    /// about 16–32 MB of input pages at the usual 1–2 bytes a value.
    static let valuesBetweenDrops = 1 << 24
}
