import EvidexIndex

/// The documents of one field where the words occur as a phrase, with the phrase frequency.
/// slop 0: consecutive, in order. slop n: for some occurrence of the first word, each other
/// word occurs within n positions of where the phrase would put it, and those occurrences
/// span at most n positions of misplacement (a simpler rule than Lucene's edit distance).
final class PhraseMatcher: FreqSource {
    private let cursors: [PostingsCursor]
    private let offsets: [UInt32]
    private let slop: Int
    @exclusivity(unchecked) private(set) var doc: UInt32 = 0
    @exclusivity(unchecked) private(set) var freq: UInt32 = 0
    // Per word: its positions in the current document (buffers grown on demand), and the
    // cursors as unretained references, so matching costs no reference counting.
    private let n: Int
    private let refs: UnsafeMutablePointer<Unmanaged<PostingsCursor>>
    private let lists: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>>
    private let capacities: UnsafeMutablePointer<Int>
    private let counts: UnsafeMutablePointer<Int>
    private let cursorIndex: UnsafeMutablePointer<Int>

    /// Whether a cursor reads one word's positions out of its group's (read once: the
    /// property is another module's, and each read was checked for exclusive access).
    private let filtersForm: Bool

    /// `offsets[i]` is word i's position within the phrase.
    /// Cursor indices by ascending document frequency: the rarest word leads the leapfrog.
    private let order: [Int]

    init(cursors: [PostingsCursor], offsets: [Int], slop: Int) {
        self.cursors = cursors
        self.order = cursors.indices.sorted { cursors[$0].docFreq < cursors[$1].docFreq }
        filtersForm = cursors.contains { $0.form != nil }
        self.offsets = offsets.map { UInt32($0) }
        self.slop = slop
        n = cursors.count
        refs = .allocate(capacity: max(n, 1))
        lists = .allocate(capacity: max(n, 1))
        capacities = .allocate(capacity: max(n, 1))
        counts = .allocate(capacity: max(n, 1))
        cursorIndex = .allocate(capacity: max(n, 1))
        for (i, c) in cursors.enumerated() {
            refs[i] = Unmanaged.passUnretained(c)
            lists[i] = .allocate(capacity: 16)
            capacities[i] = 16
            counts[i] = 0
        }
        doc = 0
        settle(from: 0)
    }

    deinit {
        for i in 0..<n { lists[i].deallocate() }
        refs.deallocate()
        lists.deallocate()
        capacities.deallocate()
        counts.deallocate()
        cursorIndex.deallocate()
    }

    /// Finds the first document ≥ target where all words occur and the phrase matches.
    private func settle(from target: UInt32) {
        var t = target
        while true {
            // Leapfrog to a document all cursors share.
            var agreed = false
            while !agreed {
                agreed = true
                for k in order {
                    let cd = refs[k]._withUnsafeGuaranteedRef { c in
                        c.advance(to: t)
                        return c.doc
                    }
                    if cd == PostingsCursor.exhausted {
                        doc = PostingsCursor.exhausted
                        freq = 0
                        return
                    }
                    if cd > t {
                        t = cd
                        agreed = false
                    }
                }
            }
            let f = phraseFreq()
            if f > 0 {
                doc = t
                freq = f
                return
            }
            t += 1
        }
    }

    private func phraseFreq() -> UInt32 {
        // One word: its own frequency, no positions needed (unless the list holds other words
        // of its group too).
        if n == 1 && !filtersForm { return refs[0]._withUnsafeGuaranteedRef { $0.freq } }
        // Rarest word first: a word of a group with other words may have no position of its
        // own in the document, and then the others need not be decoded.
        for i in order {
            counts[i] = refs[i]._withUnsafeGuaranteedRef { c in
                let f = Int(c.freq)
                if f > capacities[i] {
                    lists[i].deallocate()
                    capacities[i] = max(f, 2 * capacities[i])
                    lists[i] = .allocate(capacity: capacities[i])
                }
                return c.writePositions(to: lists[i])
            }
            if counts[i] == 0 { return 0 }
        }
        var count: UInt32 = 0
        if slop == 0 {
            // Intersect adjusted positions p − offset.
            for i in 0..<n { cursorIndex[i] = 0 }
            let first = lists[0]
            outer: for j in 0..<counts[0] {
                let p0 = first[j]
                guard p0 >= offsets[0] else { continue }
                let start = p0 - offsets[0]
                for i in 1..<n {
                    let want = start + offsets[i]
                    let l = lists[i]
                    let c = counts[i]
                    var k = cursorIndex[i]
                    while k < c && l[k] < want { k += 1 }
                    cursorIndex[i] = k
                    if k == c { break outer }
                    if l[k] != want { continue outer }
                }
                count += 1
            }
        } else {
            for j in 0..<counts[0] {
                let p0 = lists[0][j]
                let anchor = Int(p0) - Int(offsets[0])
                var lo = 0
                var hi = 0
                var ok = true
                for i in 1..<n {
                    let want = anchor + Int(offsets[i])
                    var best = Int.max
                    var bestDelta = 0
                    for k in 0..<counts[i] {
                        let p = lists[i][k]
                        let d = Int(p) - want
                        if abs(d) < best {
                            best = abs(d)
                            bestDelta = d
                        }
                        if d > slop { break }
                    }
                    if best > slop {
                        ok = false
                        break
                    }
                    lo = min(lo, bestDelta)
                    hi = max(hi, bestDelta)
                }
                if ok && hi - lo <= slop { count += 1 }
            }
        }
        return count
    }

    func next() {
        if doc == PostingsCursor.exhausted { return }
        settle(from: doc + 1)
    }

    func advance(to target: UInt32) {
        if doc >= target { return }
        settle(from: target)
    }

    /// A phrase occurs at most as often as each of its words, in the same field length, so
    /// each word's bound bounds the phrase; the smallest is kept.
    /// At most the rarest word's document count.
    var docFreq: Int { cursors.map(\.docFreq).min() ?? 0 }

    /// Phrase frequencies are only known after a position check, so never "decoded".
    func decoded(upTo limit: UInt32) -> (docs: UnsafePointer<UInt32>, freqs: UnsafePointer<UInt32>, count: Int)? { nil }

    func boundEnd(from target: UInt32) -> UInt32 {
        cursors.map { $0.boundEnd(from: target) }.min() ?? PostingsCursor.exhausted
    }

    func maxImpact(from target: UInt32, upTo limit: UInt32, _ f: (UInt32, UInt32) -> Double) -> Double {
        var v = Double.infinity
        for c in cursors { v = min(v, c.maxImpact(from: target, upTo: limit, f)) }
        return v == .infinity ? 0 : v
    }

    func storedImpact(from target: UInt32, factors: UnsafePointer<Double>) -> Double {
        var v = Double.infinity
        for c in cursors { v = min(v, c.storedImpact(from: target, factors: factors)) }
        return v == .infinity ? 0 : v
    }

    func maxImpact(_ f: (UInt32, UInt32) -> Double) -> Double {
        cursors.map { $0.maxImpact(f) }.min() ?? 0
    }
}
