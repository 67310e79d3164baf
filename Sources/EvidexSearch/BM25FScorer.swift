import EvidexIndex

/// Per-field constants of BM25F for one query.
struct FieldScoring {
    let field: IndexField
    let weight: Double
    let averageLength: Double
    let b: Double

    @inline(__always)
    func normalizer(_ length: UInt32) -> Double {
        1 - b + b * Double(length) / averageLength
    }
}

/// BM25F over several frequency sources (a word's posting lists in each field and namespace,
/// or a phrase's matches per field):
///   tf̃ = Σ_f w_f · tf_f / (1 − b + b · len_f / avglen_f),   score = boost · idf · (k1 + 1) · tf̃ / (k1 + tf̃)
/// Sources of the same field add their frequencies (exact and stem lists are disjoint).
/// A generic struct, specialised inside the concrete scorer classes below: the methods of a
/// generic class reached through a vtable would run unspecialised in the hot loop.
final class BM25FCore<Source: FreqSource> {
    private let sources: ContiguousArray<Source>
    private let slot: [Int]
    private let fields: [FieldScoring]
    private let idf: Double
    private let k1: Double
    private let boost: Double
    private let reader: SegmentReader
    private let label: String
    /// The best score any document can get, computed on first use: it walks every block's
    /// impacts, which single-term and phrase queries never need.
    lazy var upperBound: Double = {
        var tfMax = 0.0
        for i in 0..<n {
            let field = fields[slot[i]]
            tfMax += refs[i]._withUnsafeGuaranteedRef { s in
                s.maxImpact { freq, len in field.weight * Double(freq) / field.normalizer(len) }
            }
        }
        return saturate(tfMax)
    }()
    /// Sum of the sources' document frequencies.
    let cost: Int

    // The hot loops read these flat buffers: each source's current document, its field weight
    // and its field's inverse length normalisers. Sources are called through unretained
    // references, so stepping a list costs no reference counting.
    private let n: Int
    private let current: UnsafeMutablePointer<UInt32>
    private let weights: UnsafeMutablePointer<Double>
    /// Every source's weight is above 0, so a document's sum is 0 exactly when no source has
    /// it (what the exact windows of `collectWindow` and `windowSums` rely on).
    private var positiveWeights = true
    private let invNorms: UnsafeMutablePointer<UnsafePointer<Double>?>
    /// Each source's field, for the normalisers of sources scored without a table (NormCache).
    private let scoring: UnsafeMutablePointer<FieldScoring>
    /// Normalisers computed from field lengths (no table), reported to the cache at the end.
    @exclusivity(unchecked) private var computedNorms: UnsafeMutablePointer<Int>
    private let norms: NormCache
    private let refs: UnsafeMutablePointer<Unmanaged<Source>>
    /// Sources far sparser than the densest one (a word's title list beside its body list):
    /// bounds advance them eagerly, because one decoded block of theirs spans many windows of
    /// the dense ones and their real position says whether they reach a window at all.
    private let eager: UnsafeMutablePointer<Bool>
    /// One allocation holds every per-source buffer above (and `written`): a word's scorer is
    /// built per segment and query, and its dozen allocations and frees were a tenth of a
    /// rare word's query.
    private let slab: UnsafeMutableRawPointer

    init(sources: [(Source, Int)], fields: [FieldScoring], idf: Double, k1: Double, boost: Double,
         reader: SegmentReader, norms: NormCache, label: String) {
        self.sources = ContiguousArray(sources.map(\.0))
        self.slot = sources.map(\.1)
        self.fields = fields
        self.idf = idf
        self.k1 = k1
        self.boost = boost
        self.reader = reader
        self.label = label
        n = sources.count
        let m = max(n, 1)
        // Carved in order of alignment (8-byte items first), each array m entries.
        typealias Run = (docs: UnsafePointer<UInt32>?, freqs: UnsafePointer<UInt32>?, count: Int)
        var bytes = 0
        func carve<T>(_: T.Type) -> Int {
            bytes = (bytes + MemoryLayout<T>.alignment - 1) & ~(MemoryLayout<T>.alignment - 1)
            defer { bytes += m * MemoryLayout<T>.stride }
            return bytes
        }
        let refsAt = carve(Unmanaged<Source>.self)
        let weightsAt = carve(Double.self)
        let invNormsAt = carve(UnsafePointer<Double>?.self)
        let computedAt = carve(Int.self)
        let writtenAt = carve(Run.self)
        let scoringAt = carve(FieldScoring.self)
        let currentAt = carve(UInt32.self)
        let eagerAt = carve(Bool.self)
        slab = .allocate(byteCount: bytes, alignment: 16)
        refs = (slab + refsAt).bindMemory(to: Unmanaged<Source>.self, capacity: m)
        weights = (slab + weightsAt).bindMemory(to: Double.self, capacity: m)
        invNorms = (slab + invNormsAt).bindMemory(to: UnsafePointer<Double>?.self, capacity: m)
        computedNorms = (slab + computedAt).bindMemory(to: Int.self, capacity: m)
        written = (slab + writtenAt).bindMemory(to: Run.self, capacity: m)
        scoring = (slab + scoringAt).bindMemory(to: FieldScoring.self, capacity: m)
        current = (slab + currentAt).bindMemory(to: UInt32.self, capacity: m)
        eager = (slab + eagerAt).bindMemory(to: Bool.self, capacity: m)
        computedNorms.initialize(repeating: 0, count: m)
        written.initialize(repeating: (nil, nil, 0), count: m)
        self.norms = norms
        var densest = 0
        var total = 0
        for (s, _) in sources {
            densest = max(densest, s.docFreq)
            total += s.docFreq
        }
        cost = total
        // A field's table is looked up once, not once per source (a hashed lookup each).
        var tableSlot = -1
        var table: UnsafePointer<Double>? = nil
        for (i, (s, f)) in sources.enumerated() {
            eager[i] = s.docFreq * 8 <= densest
            let field = fields[f]
            current[i] = s.doc
            weights[i] = field.weight
            if field.weight <= 0 { positiveWeights = false }
            (scoring + i).initialize(to: field)
            if f != tableSlot {
                table = norms.table(reader, field)
                tableSlot = f
            }
            invNorms[i] = table
            refs[i] = Unmanaged.passUnretained(s)
        }
    }

    /// Per field, w / (1 − b + b · ImpactCode.length(c) / avglen) for each length code c: the
    /// factor a stored impact's frequency is multiplied by. Made on the first block bound
    /// (a rare word's query never asks for one).
    @exclusivity(unchecked) private var factorTables: UnsafeMutablePointer<Double>?

    @inline(__always)
    private func lengthFactors(_ field: Int) -> UnsafePointer<Double> {
        if let t = factorTables { return UnsafePointer(t + field * 256) }
        let t = UnsafeMutablePointer<Double>.allocate(capacity: fields.count * 256)
        for (k, f) in fields.enumerated() {
            for c in 0..<256 { t[k * 256 + c] = f.weight / f.normalizer(ImpactCode.length(UInt8(c))) }
        }
        factorTables = t
        return UnsafePointer(t + field * 256)
    }

    deinit {
        factorTables?.deallocate()
        if denseCapacity > 0 { dense.deallocate() }
        if scratchCapacity > 0 {
            accDocs.deallocate()
            accVals.deallocate()
            tmpDocs.deallocate()
            tmpVals.deallocate()
        }
        for i in 0..<n { norms.computed(computedNorms[i], reader, scoring[i]) }
        slab.deallocate()
    }

    /// 1 / (1 − b + b · len / avglen) of source i's field for document d: from the table, or
    /// computed from the field length when the field has none (NormCache).
    @inline(__always)
    private func invNorm(_ i: Int, _ d: UInt32) -> Double {
        if let t = invNorms[i] { return t[Int(d)] }
        computedNorms[i] &+= 1
        let f = scoring[i]
        return 1 / f.normalizer(reader.fieldLength(f.field, d))
    }

    /// Adds every document of every source from where it stands (the sources' union, which
    /// is the scorer's matches), list by list.
    func markMatches(into bits: inout MatchBits) {
        for i in 0..<n {
            refs[i]._withUnsafeGuaranteedRef { s in
                while s.doc != PostingsCursor.exhausted {
                    bits.insert(s.doc)
                    s.next()
                }
            }
            current[i] = PostingsCursor.exhausted
        }
    }

    @inline(__always)
    func minDoc() -> UInt32 {
        var m = PostingsCursor.exhausted
        for i in 0..<n where current[i] < m { m = current[i] }
        return m
    }

    @inline(__always)
    func next(from d: UInt32) -> UInt32 {
        var m = PostingsCursor.exhausted
        for i in 0..<n {
            if current[i] == d {
                current[i] = refs[i]._withUnsafeGuaranteedRef { s in
                    s.next()
                    return s.doc
                }
            }
            if current[i] < m { m = current[i] }
        }
        return m
    }

    @inline(__always)
    func advance(to target: UInt32) -> UInt32 {
        var m = PostingsCursor.exhausted
        for i in 0..<n {
            if current[i] < target {
                current[i] = refs[i]._withUnsafeGuaranteedRef { s in
                    s.advance(to: target)
                    return s.doc
                }
            }
            if current[i] < m { m = current[i] }
        }
        return m
    }

    @inline(__always)
    private func step(_ i: Int, to target: UInt32) {
        current[i] = refs[i]._withUnsafeGuaranteedRef { s in
            s.advance(to: target)
            return s.doc
        }
    }

    @inline(__always)
    func saturate(_ t: Double) -> Double {
        boost * idf * (k1 + 1) * t / (k1 + t)
    }

    @inline(__always)
    func score(_ d: UInt32) -> Double {
        var t = 0.0
        for i in 0..<n where current[i] == d {
            let f = refs[i]._withUnsafeGuaranteedRef { $0.freq }
            t += weights[i] * Double(f) * invNorm(i, d)
        }
        return saturate(t)
    }

    /// Windows narrower than this (in document ids), and dense enough, sum per document in an
    /// array indexed by `doc - target` instead of merging sorted runs: a frequent word's window
    /// is a few hundred ids, and the merge (a compare and two copies per posting, for every
    /// source) was a third of a frequent-term query's instructions.
    static var denseWindow: Int { 1 << 14 }

    /// The best per-document sum of the window's sources (before saturation) plus, for sources
    /// whose window is not decoded, their impact bound; nil when the window is too sparse for
    /// the dense array (clearing it would cost more than merging).
    private func denseBest(from target: UInt32, upTo: UInt32, keep: Bool) -> Double? {
        clearDense()
        let span = Int(upTo - target) + 1
        var extra = 0.0
        var total = 0
        for i in 0..<n {
            written[i].count = 0
            guard current[i] != PostingsCursor.exhausted && current[i] <= upTo else { continue }
            guard let run = refs[i]._withUnsafeGuaranteedRef({ $0.decoded(upTo: upTo) }) else {
                let f = fields[slot[i]]
                extra += refs[i]._withUnsafeGuaranteedRef { s in
                    s.maxImpact(from: target, upTo: upTo) { freq, len in f.weight * Double(freq) / f.normalizer(len) }
                }
                continue
            }
            written[i] = (run.docs, run.freqs, run.count)
            total += run.count
        }
        guard span <= 8 * total + 256 else { return nil }
        if span > denseCapacity {
            if denseCapacity > 0 { dense.deallocate() }
            denseCapacity = max(span, 1024)
            dense = .allocate(capacity: denseCapacity)
            dense.initialize(repeating: 0, count: denseCapacity)
        }
        var best = 0.0
        for i in 0..<n where written[i].count > 0 {
            guard let docs = written[i].docs, let freqs = written[i].freqs else { continue }
            let w = weights[i]
            // Two loops, so the common one (a norm table) reads it directly: `invNorm` per
            // posting is not hoisted and cost a tenth of a frequent-term query.
            if let inv = invNorms[i] {
                for r in 0..<written[i].count {
                    let d = docs[r]
                    // every posting of the run lies in [target, upTo] (the cursor stepped to target)
                    let k = Int(d &- target)
                    let v = dense[k] + w * Double(freqs[r]) * inv[Int(d)]
                    dense[k] = v
                    // sums only grow, so the largest value written is the largest sum
                    if v > best { best = v }
                }
            } else {
                for r in 0..<written[i].count {
                    let d = docs[r]
                    let k = Int(d &- target)
                    let v = dense[k] + w * Double(freqs[r]) * invNorm(i, d)
                    dense[k] = v
                    if v > best { best = v }
                }
            }
        }
        // The sums stay until the next window: when every source was decoded they are the
        // window's scores, which `collectWindow` hands out without stepping the lists again.
        // Only with every weight positive: a sum of 0 must mean "no posting here" (a document
        // matched only in a field weighted 0 is still a match, and stepping offers it).
        denseTarget = target
        if extra == 0 && keep && positiveWeights {
            denseSpan = span
            denseExact = upTo
        } else {
            clearRuns()
        }
        return best + extra
    }

    /// Zeroes what `denseBest` wrote while the runs it read are still the sources' blocks.
    @inline(__always)
    private func clearRuns() {
        for i in 0..<n where written[i].count > 0 {
            if let docs = written[i].docs {
                for r in 0..<written[i].count { dense[Int(docs[r] &- denseTarget)] = 0 }
            }
        }
        denseSpan = 0
        denseExact = nil
    }

    /// Zeroes what `denseBest` left for `collectWindow` and nobody collected: its whole window,
    /// since the runs it read may have been replaced by other blocks once the sources moved on
    /// (at most 8 entries per posting read).
    @inline(__always)
    private func clearDense() {
        denseExact = nil
        if denseSpan > 0 {
            dense.update(repeating: 0, count: denseSpan)
            denseSpan = 0
        }
    }

    /// Offers the documents of [target, upTo] with their scores when the last exact bound
    /// summed every source over exactly that window (so `dense` holds each document's sum in
    /// the order `score` adds them: the same scores, bit for bit), then moves the sources past
    /// it. False, changing nothing, otherwise.
    func collectWindow(from target: UInt32, upTo: UInt32, segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) -> Bool {
        guard let end = denseExact, end == upTo, denseTarget == target, upTo != PostingsCursor.exhausted else { return false }
        // Documents come in order and a later document never wins a tie (`ScoredDoc.ranksAbove`);
        // a sum of 0 is a document no source has (the window is kept only when every weight
        // is positive, see `denseBest`).
        for k in 0...Int(upTo - target) {
            let t = dense[k]
            if t > 0 {
                let d = target &+ UInt32(k)
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: saturate(t), segment: segmentIndex, doc: d)) }
            }
        }
        clearRuns()
        for i in 0..<n where current[i] <= upTo { step(i, to: upTo &+ 1) }
        return true
    }

    /// The per-document sums of [target, upTo] (entry k for document target + k, 0 where no
    /// source has the document; `saturate` of a sum is `score` of that document, bit for bit),
    /// from the last `blockMax(…, keep: true)` when it summed exactly this window, else summed
    /// now; nil when the window is unbounded, too wide or too sparse, or a source has not
    /// decoded it. Valid until `finishWindow`, which a caller given sums must call before the
    /// sources move: a conjunction's lead then scores its documents without stepping its lists.
    func windowSums(from target: UInt32, upTo: UInt32) -> UnsafePointer<Double>? {
        if let end = denseExact, end == upTo, denseTarget == target { return UnsafePointer(dense) }
        guard upTo != PostingsCursor.exhausted, upTo >= target, Int(upTo - target) < Self.denseWindow else { return nil }
        for i in 0..<n where current[i] < target { step(i, to: target) }
        guard denseBest(from: target, upTo: upTo, keep: true) != nil, let end = denseExact, end == upTo else { return nil }
        return UnsafePointer(dense)
    }

    /// Clears the sums `windowSums` gave and moves the sources past the window.
    func finishWindow(upTo: UInt32) {
        clearRuns()
        for i in 0..<n where current[i] <= upTo { step(i, to: upTo &+ 1) }
    }

    /// Clears sums an exact bound kept for a window the caller passes over, while the runs
    /// that say where they lie are still the sources' blocks (else the next bound zeroes the
    /// whole window).
    func discardWindow() {
        if denseExact != nil { clearRuns() }
    }

    /// The window `dense` holds (its first document, and its last when the sums are exact).
    @exclusivity(unchecked) private var denseTarget: UInt32 = 0
    @exclusivity(unchecked) private var denseSpan = 0
    @exclusivity(unchecked) private var denseExact: UInt32?

    // The scratch buffers start empty (no allocation: most scorers never need them).
    @exclusivity(unchecked) private var dense = emptyDoubles
    /// The runs of the window `denseBest` sums, per source.
    private let written: UnsafeMutablePointer<(docs: UnsafePointer<UInt32>?, freqs: UnsafePointer<UInt32>?, count: Int)>
    @exclusivity(unchecked) private var denseCapacity = 0

    // Scratch for exact block bounds: per-document partial sums, merged source by source.
    @exclusivity(unchecked) private var accDocs = emptyUInt32s
    @exclusivity(unchecked) private var accVals = emptyDoubles
    @exclusivity(unchecked) private var tmpDocs = emptyUInt32s
    @exclusivity(unchecked) private var tmpVals = emptyDoubles
    @exclusivity(unchecked) private var scratchCapacity = 0

    /// Room for `n` accumulated entries, keeping the first `kept` already accumulated: the merge
    /// grows the buffers between sources, and growing them used to drop what the earlier sources
    /// had summed, so a window's bound could miss its best document and the top k lose it.
    private func reserveScratch(_ n: Int, keeping kept: Int) {
        if n <= scratchCapacity { return }
        let cap = max(n, 2 * scratchCapacity, 256)
        let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: cap)
        let vals = UnsafeMutablePointer<Double>.allocate(capacity: cap)
        if kept > 0 {
            docs.initialize(from: accDocs, count: kept)
            vals.initialize(from: accVals, count: kept)
        }
        if scratchCapacity > 0 {
            accDocs.deallocate()
            tmpDocs.deallocate()
            accVals.deallocate()
            tmpVals.deallocate()
        }
        accDocs = docs
        accVals = vals
        tmpDocs = .allocate(capacity: cap)
        tmpVals = .allocate(capacity: cap)
        scratchCapacity = cap
    }

    /// A bound over [target, upTo], where upTo is the nearest block end among the sources.
    /// When the cheap bound (stored impacts) exceeds `threshold` and several sources meet in
    /// the window, sources decoded there are summed per document, so the bound is the best
    /// real score of the range (not a sum of per-field maxima from different documents);
    /// other sources add their impact bound.
    /// `keep`: leave an exact window's per-document sums for `collectWindow` (the caller will
    /// ask for them); otherwise they are cleared at once, while that is cheap.
    func blockMax(from target: UInt32, threshold: Double, keep: Bool = false) -> (upTo: UInt32, bound: Double) {
        for i in 0..<n where eager[i] && current[i] < target { step(i, to: target) }
        var upTo = PostingsCursor.exhausted
        for i in 0..<n where current[i] != PostingsCursor.exhausted {
            upTo = min(upTo, refs[i]._withUnsafeGuaranteedRef { $0.boundEnd(from: target) })
        }
        // First the sum of each source's stored block impacts: no decoding and no per-document
        // work, so windows that cannot compete are passed over without touching their blocks.
        // It is exact when one source has documents in the window.
        var loose = 0.0
        var contributing = 0
        for i in 0..<n where current[i] != PostingsCursor.exhausted && current[i] <= upTo {
            let factors = lengthFactors(slot[i])
            let v = refs[i]._withUnsafeGuaranteedRef { s in s.storedImpact(from: target, factors: factors) }
            if v > 0 {
                loose += v
                contributing += 1
            }
        }
        let cheap = saturate(loose)
        if contributing <= 1 || cheap <= threshold { return (upTo, cheap) }
        // Several lists meet in the window (a word in title and body, exact and stem forms of
        // a word): their maxima may come from different documents, so sum per document.
        var extra = 0.0
        var accCount = 0
        for i in 0..<n where current[i] < target { step(i, to: target) }
        if upTo != PostingsCursor.exhausted && Int(upTo - target) < Self.denseWindow,
           let sum = denseBest(from: target, upTo: upTo, keep: keep) {
            return (upTo, min(cheap, saturate(sum)))
        }
        for i in 0..<n where current[i] != PostingsCursor.exhausted && current[i] <= upTo {
            let w = weights[i]
            guard let run = refs[i]._withUnsafeGuaranteedRef({ $0.decoded(upTo: upTo) }) else {
                let f = fields[slot[i]]
                extra += refs[i]._withUnsafeGuaranteedRef { s in
                    s.maxImpact(from: target, upTo: upTo) { freq, len in f.weight * Double(freq) / f.normalizer(len) }
                }
                continue
            }
            reserveScratch(accCount + run.count, keeping: accCount)
            // Merge the run into the accumulated (doc, partial sum) list.
            var a = 0
            var r = 0
            var o = 0
            while a < accCount || r < run.count {
                if r == run.count || (a < accCount && accDocs[a] < run.docs[r]) {
                    tmpDocs[o] = accDocs[a]
                    tmpVals[o] = accVals[a]
                    a += 1
                } else {
                    let d = run.docs[r]
                    var v = w * Double(run.freqs[r]) * invNorm(i, d)
                    if a < accCount && accDocs[a] == d {
                        v += accVals[a]
                        a += 1
                    }
                    tmpDocs[o] = d
                    tmpVals[o] = v
                    r += 1
                }
                o += 1
            }
            swap(&accDocs, &tmpDocs)
            swap(&accVals, &tmpVals)
            accCount = o
        }
        var best = 0.0
        for k in 0..<accCount where accVals[k] > best { best = accVals[k] }
        return (upTo, min(cheap, saturate(best + extra)))
    }

    func explain(_ d: UInt32) -> Explanation {
        var tf = [Double](repeating: 0, count: fields.count)
        for (i, s) in sources.enumerated() where s.doc == d { tf[slot[i]] += Double(s.freq) }
        var details: [Explanation] = []
        var t = 0.0
        for (i, f) in fields.enumerated() where tf[i] > 0 {
            let len = reader.fieldLength(f.field, d)
            let norm = f.normalizer(len)
            let part = f.weight * tf[i] / norm
            t += part
            details.append(Explanation(
                value: part,
                description: "\(f.field.name): tf=\(fmt(tf[i])) weight=\(fmt(f.weight)) length=\(len) avg=\(fmt(f.averageLength)) → w·tf/(1−b+b·len/avg)"))
        }
        details.append(Explanation(value: idf, description: "idf"))
        return Explanation(
            value: saturate(t),
            description: "\(label): boost=\(fmt(boost)) · idf · (k1+1) · tf̃/(k1+tf̃), tf̃=\(fmt(t)), k1=\(fmt(k1))",
            details: details)
    }
}

/// What the scratch buffers of every `BM25FCore` point to before they are first needed
/// (never written: capacities of 0 say so).
nonisolated(unsafe) private let emptyDoubles = UnsafeMutablePointer<Double>.allocate(capacity: 1)
nonisolated(unsafe) private let emptyUInt32s = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)

/// BM25F over a word's posting lists (each field, exact and stem namespaces).
final class TermScorer: Scorer {
    private let core: BM25FCore<PostingsCursor>

    init(_ core: BM25FCore<PostingsCursor>) {
        self.core = core
        super.init()
        doc = core.minDoc()
    }

    override func next() { doc = core.next(from: doc) }
    override func advance(to target: UInt32) { if doc < target { doc = core.advance(to: target) } }
    override func score() -> Double { core.score(doc) }
    override var maxScore: Double { core.upperBound }
    override var cost: Int { core.cost }
    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        // The bound may advance some lists up to target.
        let b = core.blockMax(from: target, threshold: threshold)
        doc = core.minDoc()
        return b
    }
    override func explain() -> Explanation { core.explain(doc) }
    override func markMatches(into bits: inout MatchBits) {
        core.markMatches(into: &bits)
        doc = PostingsCursor.exhausted
    }
    override func blockMaxForCollecting(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        let b = core.blockMax(from: target, threshold: threshold, keep: true)
        doc = core.minDoc()
        return b
    }
    override func collectWindow(from target: UInt32, upTo: UInt32, segment: LiveSegment, segmentIndex: Int, into top: inout TopDocs) -> Bool {
        guard core.collectWindow(from: target, upTo: upTo, segment: segment, segmentIndex: segmentIndex, into: &top) else { return false }
        doc = core.minDoc()
        return true
    }
}

extension TermScorer {
    /// `BM25FCore.windowSums` of this word (for conjunctions it leads).
    func windowSums(from target: UInt32, upTo: UInt32) -> UnsafePointer<Double>? {
        let sums = core.windowSums(from: target, upTo: upTo)
        doc = core.minDoc()
        return sums
    }

    /// The score of a document whose sum `windowSums` gave.
    @inline(__always)
    func score(sum: Double) -> Double { core.saturate(sum) }

    /// Ends a window `windowSums` gave: the word then stands past it.
    func finishWindow(upTo: UInt32) {
        core.finishWindow(upTo: upTo)
        doc = core.minDoc()
    }

    /// `BM25FCore.discardWindow`, for a window passed over after `blockMaxForCollecting`.
    func discardWindow() { core.discardWindow() }
}

/// BM25F over a phrase's matches in each field.
final class PhraseScorer: Scorer {
    private let core: BM25FCore<PhraseMatcher>

    init(_ core: BM25FCore<PhraseMatcher>) {
        self.core = core
        super.init()
        doc = core.minDoc()
    }

    override func next() { doc = core.next(from: doc) }
    override func advance(to target: UInt32) { if doc < target { doc = core.advance(to: target) } }
    override func score() -> Double { core.score(doc) }
    override var maxScore: Double { core.upperBound }
    override var cost: Int { core.cost }
    override func blockMax(from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        // The bound may advance some lists up to target.
        let b = core.blockMax(from: target, threshold: threshold)
        doc = core.minDoc()
        return b
    }
    override func explain() -> Explanation { core.explain(doc) }
}

func fmt(_ v: Double) -> String {
    String(format: "%.4g", v)
}

import Foundation
