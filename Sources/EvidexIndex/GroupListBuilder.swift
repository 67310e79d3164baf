/// Builds one posting list, documents in increasing order, each position with its tag (the
/// ordinal of its word in the group's form table): a word group's list from the slots of its
/// words, or a merged list from the inputs' lists (each input's documents follow the previous
/// input's in the merged numbering).
struct GroupListBuilder {
    private var docs: [UInt32] = []
    private var freqs: [UInt32] = []
    private var positions: [UInt32] = []
    /// Each position's tag, kept only once a tag other than 0 arrives (most lists have one
    /// form, and a list's positions are most of what a build holds in memory); until then
    /// every tag is 0.
    private var tags: [UInt32] = []
    private var tagged = false
    private var pairs: [(UInt32, UInt32)] = []

    var isEmpty: Bool { docs.isEmpty }

    mutating func reset() {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        tagged = false
    }

    /// Adds a slot of the accumulator (to an empty list) whose every position has the tag
    /// `form`; returns its number of documents.
    @discardableResult
    mutating func add(form: UInt32, slot: Int, from postings: PostingsAccumulator) -> Int {
        precondition(docs.isEmpty, "a slot is a whole list")
        postings.decode(slot, docs: &docs, freqs: &freqs, positions: &positions, wantPositions: true)
        if form != 0 {
            startTags(0)
            tags.append(contentsOf: repeatElement(form, count: positions.count))
        }
        return docs.count
    }

    /// Adds the slots of a word group's words (form ordinal i: slots[i]) to an empty list,
    /// merged document by document as the slots are read (decoding each slot whole first held the
    /// group twice over at its peak); `documents[i]` receives slot i's number of documents.
    mutating func add(slots: [Int], from postings: PostingsAccumulator, documents: inout [UInt32]) {
        documents.removeAll(keepingCapacity: true)
        if slots.count == 1 {
            documents.append(UInt32(add(form: 0, slot: slots[0], from: postings)))
            return
        }
        precondition(docs.isEmpty, "a word group's slots are a whole list")
        startTags(0)
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

    /// Appends the current document of a cursor (a merge's input) in merged doc id `doc`,
    /// above every document so far:
    /// its positions with their form ordinals mapped through `ordinals` (nil: kept), counting
    /// each form's document in `formDocs` (when not empty) with `lastDocOfForm`.
    mutating func append(doc: UInt32, from c: PostingsCursor, ordinals: UnsafeBufferPointer<UInt32>?,
                         formDocs: inout [UInt32], lastDocOfForm: inout [UInt32]) {
        assert(docs.last.map { $0 < doc } ?? true, "documents in increasing order")
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

    /// Encodes the list of a group whose form table lists `formCount` words (0 for a keyword
    /// list or a group of its stem alone), positions tagged with the form bits that count gives.
    func encode(into encoder: inout PostingsEncoder, formCount: UInt32 = 0, lengths: [UInt32]) -> TermInfo {
        var info = Self.encode(docs, freqs, positions, tagged ? tags : nil, TermInfo.formBits(formCount: formCount), &encoder, lengths)
        info.formCount = formCount
        return info
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
}
