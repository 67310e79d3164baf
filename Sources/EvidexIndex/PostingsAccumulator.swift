/// In-memory postings of a segment being built: for every (table, term) slot a run of
/// `doc, freq, position…` words (`doc, freq` only for stem tables), stored as a chain of chunks in one pool of UInt32.
///
/// One pool and flat per-slot arrays (raw buffers, not arrays of arrays) keep adding a token at
/// a few loads and stores: no allocation per term, no reference counting, no copy-on-write
/// checks. Chunks grow 3, 6, 12, … 1024 words; the word after a chunk's data holds the index of
/// the next chunk.
final class PostingsAccumulator {
    static let tables = IndexField.textFields.count * 2
    /// Words in a term's first chunk: most terms of a segment occur once (doc, freq, position).
    static let firstChunk = 3

    /// What adding a token touches, in one 24-byte record so that it costs one cache line.
    struct SlotState {
        var write: UInt32
        var end: UInt32
        var freqAt: UInt32
        var lastDoc: UInt32
        var words: UInt32
        var chunk: UInt32
    }

    private var pool: GrowableBuffer<UInt32>
    private var state: GrowableBuffer<SlotState>
    private var slotHead: GrowableBuffer<UInt32>
    private var slotTable: GrowableBuffer<UInt8>
    private var slotTerm: GrowableBuffer<UInt32>
    /// slotOf[table][term] = slot + 1, 0 when the term has no slot yet.
    private var slotOf: [GrowableBuffer<Int32>]

    private(set) var slotCount = 0

    init() {
        pool = GrowableBuffer(capacity: 1 << 20)
        state = GrowableBuffer(capacity: 1 << 14)
        slotHead = GrowableBuffer(capacity: 1 << 14)
        slotTable = GrowableBuffer(capacity: 1 << 14)
        slotTerm = GrowableBuffer(capacity: 1 << 14)
        slotOf = (0..<PostingsAccumulator.tables).map { _ in GrowableBuffer(capacity: 1 << 14) }
    }

    deinit {
        pool.free()
        state.free()
        slotHead.free()
        slotTable.free()
        slotTerm.free()
        for t in slotOf { t.free() }
    }

    /// Bytes held, for the memory budget.
    var bytes: Int {
        pool.count * 4 + slotCount * 33 + slotOf.reduce(0) { $0 + $1.count * 4 }
    }

    @inline(__always)
    private func allocateChunk(_ size: Int) -> UInt32 {
        let at = pool.count
        pool.append(zeroes: size + 1)
        return UInt32(at)
    }

    @inline(__always)
    private func write(_ s: inout SlotState, _ v: UInt32) -> UInt32 {
        if s.write == s.end {
            let size = min(Int(s.chunk) * 2, 1024)
            let at = allocateChunk(size)
            pool[Int(s.write)] = at  // link from the full chunk
            s.chunk = UInt32(size)
            s.end = at + UInt32(size)
            s.write = at
        }
        let w = s.write
        pool[Int(w)] = v
        s.write = w + 1
        s.words += 1
        return w
    }

    /// Records one occurrence of `term` in `table` (field·2 + namespace) at `position` of `doc`.
    /// Documents arrive in increasing order.
    @inline(__always)
    func add(table: Int, term: UInt32, doc: UInt32, position: UInt32) {
        let t = Int(term)
        if slotOf[table].count <= t { slotOf[table].append(zeroes: max(t + 1 - slotOf[table].count, 4096)) }
        var slot = Int(slotOf[table][t]) - 1
        if slot < 0 {
            slot = slotCount
            slotCount += 1
            slotOf[table][t] = Int32(slot + 1)
            let at = allocateChunk(PostingsAccumulator.firstChunk)
            state.append(SlotState(write: at, end: at + UInt32(PostingsAccumulator.firstChunk), freqAt: 0, lastDoc: UInt32.max, words: 0,
                                   chunk: UInt32(PostingsAccumulator.firstChunk)))
            slotHead.append(at)
            slotTable.append(UInt8(table))
            slotTerm.append(term)
        }
        let p = state.base + slot
        if p.pointee.lastDoc != doc {
            p.pointee.lastDoc = doc
            _ = write(&p.pointee, doc)
            p.pointee.freqAt = write(&p.pointee, 0)
        }
        pool[Int(p.pointee.freqAt)] += 1
        // Stem lists serve bare words, never phrases: they keep no positions.
        if table & 1 == 0 { _ = write(&p.pointee, position) }
    }

    /// Whether a table's runs hold positions after each `doc, freq` pair.
    static func hasPositions(table: Int) -> Bool { table & 1 == 0 }

    func key(of slot: Int) -> (table: Int, term: UInt32) {
        (Int(slotTable[slot]), slotTerm[slot])
    }

    /// The slot of a term in a table, if it occurred.
    func slot(table: Int, term: UInt32) -> Int? {
        let t = Int(term)
        guard t < slotOf[table].count else { return nil }
        let s = Int(slotOf[table][t]) - 1
        return s < 0 ? nil : s
    }

    /// Appends a slot's run of `doc, freq, positions…` words to `out`.
    func words(of slot: Int, into out: inout [UInt32]) {
        var remaining = Int(state[slot].words)
        var at = Int(slotHead[slot])
        var size = PostingsAccumulator.firstChunk
        while remaining > 0 {
            let n = min(size, remaining)
            out.append(contentsOf: UnsafeBufferPointer(start: pool.base + at, count: n))
            remaining -= n
            if remaining > 0 {
                at = Int(pool[at + size])
                size = min(size * 2, 1024)
            }
        }
    }
}

/// A raw growable buffer of trivial values (no copy-on-write, no reference counting); the
/// owner frees it.
struct GrowableBuffer<T> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    @inline(__always)
    subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ v: T) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: v)
        count += 1
    }

    private mutating func grow(_ needed: Int) {
        var cap = capacity * 2
        while cap < needed { cap *= 2 }
        let nb = UnsafeMutablePointer<T>.allocate(capacity: cap)
        nb.moveInitialize(from: base, count: count)
        base.deallocate()
        base = nb
        capacity = cap
    }
}

extension GrowableBuffer where T: FixedWidthInteger {
    @inline(__always)
    mutating func append(zeroes n: Int) {
        if count + n > capacity { grow(count + n) }
        (base + count).initialize(repeating: 0, count: n)
        count += n
    }
}
