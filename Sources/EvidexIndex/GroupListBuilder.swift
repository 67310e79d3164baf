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
    private var tags: [UInt32] = []
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
        tags.append(contentsOf: repeatElement(form, count: positions.count - before))
        endRun()
        return docs.count - docsBefore
    }

    /// Adds postings to the current run (each position with its tag); `endRun` closes it.
    @inline(__always)
    mutating func append(doc: UInt32, freq: UInt32) {
        docs.append(doc)
        freqs.append(freq)
    }

    @inline(__always)
    mutating func appendPosition(_ p: UInt32, tag: UInt32) {
        positions.append(p)
        tags.append(tag)
    }

    /// Closes the run being appended to (an empty run is dropped).
    mutating func endRun() {
        if docs.count == runDocs[runDocs.count - 1] {
            positions.removeSubrange(runPositions[runPositions.count - 1]...)
            tags.removeSubrange(runPositions[runPositions.count - 1]...)
            return
        }
        runDocs.append(docs.count)
        runPositions.append(positions.count)
    }

    /// Encodes the merged runs, positions tagged with `formBits` bits (0: untagged).
    mutating func encode(into encoder: inout PostingsEncoder, formBits: Int = 0, lengths: [UInt32]) -> TermInfo {
        let runs = runDocs.count - 1
        if runs == 1 || isOrdered {
            return Self.encode(docs, freqs, positions, tags, formBits, &encoder, lengths)
        }
        merge()
        return Self.encode(outDocs, outFreqs, outPositions, outTags, formBits, &encoder, lengths)
    }

    private static func encode(_ docs: [UInt32], _ freqs: [UInt32], _ positions: [UInt32], _ tags: [UInt32], _ formBits: Int,
                               _ encoder: inout PostingsEncoder, _ lengths: [UInt32]) -> TermInfo {
        docs.withUnsafeBufferPointer { d in
            freqs.withUnsafeBufferPointer { f in
                positions.withUnsafeBufferPointer { p in
                    tags.withUnsafeBufferPointer { t in
                        lengths.withUnsafeBufferPointer { l in
                            encoder.encode(docs: d, freqs: f, positions: p, forms: formBits > 0 ? t : nil, formBits: formBits,
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
                for k in 0..<n { pairs.append((positions[headPositions[r] + k], tags[headPositions[r] + k])) }
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
                outTags.append(t)
            }
        }
    }
}
