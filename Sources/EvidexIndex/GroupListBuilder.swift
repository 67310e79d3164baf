/// Builds one posting list from several runs of postings: a word group's list from the lists
/// of its forms (each run one form, its ordinal the tag of every position), or a merged list
/// from the inputs' lists (each run one input's, already in merged doc ids, tags remapped).
/// Runs are added in any order; the result is in doc order, each document's positions in
/// position order with their tags.
struct GroupListBuilder {
    // The runs, one after another: run r is docs[runDocs[r]..<runDocs[r + 1]] (with freqs), its
    // positions and tags positions[runPositions[r]...].
    private var docs: [UInt32] = []
    private var freqs: [UInt32] = []
    private var positions: [UInt32] = []
    /// Each position's tag, kept only once a tag other than 0 arrives (most lists have one
    /// form, and a list's positions are most of what a build holds in memory); until then
    /// every tag is 0.
    private var tags: [UInt32] = []
    private var tagged = false
    private var runDocs: [Int] = [0]
    private var runPositions: [Int] = [0]
    // The merged list.
    private var outDocs: [UInt32] = []
    private var outFreqs: [UInt32] = []
    private var outPositions: [UInt32] = []
    private var outTags: [UInt32] = []
    private var pairs: [(UInt32, UInt32)] = []
    private var heads: [Int] = []
    private var headPositions: [Int] = []

    var isEmpty: Bool { docs.isEmpty }

    mutating func reset() {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        tagged = false
        runDocs.removeAll(keepingCapacity: true)
        runDocs.append(0)
        runPositions.removeAll(keepingCapacity: true)
        runPositions.append(0)
    }

    /// Adds a slot of the accumulator as a run whose every position has the tag `form`;
    /// returns its number of documents.
    @discardableResult
    mutating func add(form: UInt32, slot: Int, from postings: PostingsAccumulator) -> Int {
        let before = positions.count
        let docsBefore = docs.count
        postings.decode(slot, docs: &docs, freqs: &freqs, positions: &positions, wantPositions: true)
        if form != 0 { startTags(before) }
        if tagged { tags.append(contentsOf: repeatElement(form, count: positions.count - before)) }
        endRun()
        return docs.count - docsBefore
    }

    /// Adds the slots of a word group's words (form ordinal i: slots[i]) as one run, merged
    /// document by document as the slots are read (decoding each slot whole first held the
    /// group twice over at its peak); `documents[i]` receives slot i's number of documents.
    mutating func add(slots: [Int], from postings: PostingsAccumulator, documents: inout [UInt32]) {
        documents.removeAll(keepingCapacity: true)
        if slots.count == 1 {
            documents.append(UInt32(add(form: 0, slot: slots[0], from: postings)))
            return
        }
        startTags(positions.count)
        documents.append(contentsOf: repeatElement(0, count: slots.count))
        var streams = slots.map { postings.stream($0) }
        for i in streams.indices { streams[i].nextDocument() }
        while true {
            var d = UInt32.max
            for i in streams.indices { d = min(d, streams[i].doc) }
            if d == UInt32.max { break }
            let start = positions.count
            var contributing = 0
            for i in streams.indices where streams[i].doc == d {
                let before = positions.count
                streams[i].positions(into: &positions)
                tags.append(contentsOf: repeatElement(UInt32(i), count: positions.count - before))
                streams[i].nextDocument()
                documents[i] += 1
                contributing += 1
            }
            // Words of one group rarely share a document; when they do, their positions
            // interleave.
            if contributing > 1 { sortPositions(from: start) }
            docs.append(d)
            freqs.append(UInt32(positions.count - start))
        }
        endRun()
    }

    /// Sorts positions[start...] (with their tags) by position.
    private mutating func sortPositions(from start: Int) {
        pairs.removeAll(keepingCapacity: true)
        for k in start..<positions.count { pairs.append((positions[k], tags[k])) }
        pairs.sort { $0.0 < $1.0 }
        for (n, (p, t)) in pairs.enumerated() {
            positions[start + n] = p
            tags[start + n] = t
        }
    }

    /// Appends the current document of a cursor (a merge's input) in merged doc id `doc`:
    /// its positions with their form ordinals mapped through `ordinals` (nil: kept), counting
    /// each form's document in `formDocs` (when not empty) with `lastDocOfForm`.
    mutating func append(doc: UInt32, from c: PostingsCursor, ordinals: UnsafeBufferPointer<UInt32>?,
                         formDocs: inout [UInt32], lastDocOfForm: inout [UInt32]) {
        docs.append(doc)
        freqs.append(c.freq)
        let start = positions.count
        if c.formBits == 0 {
            c.positions(into: &positions)
            let tag = ordinals.map { $0.isEmpty ? 0 : $0[0] } ?? 0
            if tag != 0 { startTags(start) }
            if tagged { tags.append(contentsOf: repeatElement(tag, count: positions.count - start)) }
            if !formDocs.isEmpty && Int(tag) < formDocs.count && lastDocOfForm[Int(tag)] != doc {
                lastDocOfForm[Int(tag)] = doc
                formDocs[Int(tag)] += 1
            }
            return
        }
        startTags(start)
        c.taggedPositions(into: &positions, forms: &tags)
        if ordinals == nil && formDocs.isEmpty { return }
        tags.withUnsafeMutableBufferPointer { t in
            for k in start..<t.count {
                var tag = t[k]
                if let ordinals { tag = Int(tag) < ordinals.count ? ordinals[Int(tag)] : 0 }
                t[k] = tag
                if Int(tag) < formDocs.count && lastDocOfForm[Int(tag)] != doc {
                    lastDocOfForm[Int(tag)] = doc
                    formDocs[Int(tag)] += 1
                }
            }
        }
    }

    /// Starts keeping tags: the `count` positions so far all have tag 0.
    private mutating func startTags(_ count: Int) {
        if tagged { return }
        tagged = true
        tags.append(contentsOf: repeatElement(0, count: count))
    }

    /// Closes the run being appended to (an empty run is dropped).
    mutating func endRun() {
        if docs.count == runDocs[runDocs.count - 1] {
            positions.removeSubrange(runPositions[runPositions.count - 1]...)
            if tagged { tags.removeSubrange(runPositions[runPositions.count - 1]...) }
            return
        }
        runDocs.append(docs.count)
        runPositions.append(positions.count)
    }

    /// Encodes the merged runs, positions tagged with `formBits` bits (0: untagged).
    mutating func encode(into encoder: inout PostingsEncoder, formBits: Int = 0, lengths: [UInt32]) -> TermInfo {
        let runs = runDocs.count - 1
        if runs == 1 || isOrdered {
            return Self.encode(docs, freqs, positions, tagged ? tags : nil, formBits, &encoder, lengths)
        }
        merge()
        return Self.encode(outDocs, outFreqs, outPositions, tagged ? outTags : nil, formBits, &encoder, lengths)
    }

    /// `tags` nil: every tag is 0.
    private static func encode(_ docs: [UInt32], _ freqs: [UInt32], _ positions: [UInt32], _ tags: [UInt32]?, _ formBits: Int,
                               _ encoder: inout PostingsEncoder, _ lengths: [UInt32]) -> TermInfo {
        docs.withUnsafeBufferPointer { d in
            freqs.withUnsafeBufferPointer { f in
                positions.withUnsafeBufferPointer { p in
                    (tags ?? []).withUnsafeBufferPointer { t in
                        lengths.withUnsafeBufferPointer { l in
                            encoder.encode(docs: d, freqs: f, positions: p, forms: tags == nil ? nil : t, formBits: formBits,
                                           length: { l[Int($0)] })
                        }
                    }
                }
            }
        }
    }

    /// Whether the runs follow one another in doc order already (a merge's inputs hold
    /// disjoint, increasing doc ranges): then they are the merged list as they stand.
    private var isOrdered: Bool {
        for r in 1..<(runDocs.count - 1) where docs[runDocs[r] - 1] >= docs[runDocs[r]] { return false }
        return true
    }

    /// Merges the runs by document; a document in several runs gets the sum of their
    /// frequencies and their positions in order.
    private mutating func merge() {
        outDocs.removeAll(keepingCapacity: true)
        outFreqs.removeAll(keepingCapacity: true)
        outPositions.removeAll(keepingCapacity: true)
        outTags.removeAll(keepingCapacity: true)
        let runs = runDocs.count - 1
        heads = Array(runDocs[0..<runs])
        headPositions = Array(runPositions[0..<runs])
        while true {
            var d = UInt32.max
            for r in 0..<runs where heads[r] < runDocs[r + 1] { d = min(d, docs[heads[r]]) }
            if d == UInt32.max { return }
            var f: UInt32 = 0
            pairs.removeAll(keepingCapacity: true)
            var contributing = 0
            for r in 0..<runs where heads[r] < runDocs[r + 1] && docs[heads[r]] == d {
                let n = Int(freqs[heads[r]])
                for k in 0..<n { pairs.append((positions[headPositions[r] + k], tagged ? tags[headPositions[r] + k] : 0)) }
                headPositions[r] += n
                heads[r] += 1
                f += UInt32(n)
                contributing += 1
            }
            if contributing > 1 { pairs.sort { $0.0 < $1.0 } }
            outDocs.append(d)
            outFreqs.append(f)
            for (p, t) in pairs {
                outPositions.append(p)
                if tagged { outTags.append(t) }
            }
        }
    }
}
