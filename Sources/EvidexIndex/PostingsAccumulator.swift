import CEvidexMemory

/// In-memory postings of a segment being built, byte-coded so that a memory budget holds as
/// many documents as possible (fewer, larger segments answer queries faster).
///
/// Each (table, term) slot has a byte stream in a chain of chunks inside one pool (no allocation
/// per term, no reference counting). A table is a field; a slot is one word (its exact form)
/// of a field, and writes, per document, varint(doc gap) then varint(first position + 1) and
/// varint(position gaps), and a 0 byte when the next document starts; the frequency is the
/// number of positions. A slot also records its word's stem, which groups the slots into the
/// segment's word groups when it is written. Chunks grow 8, 16, … 4096 bytes; the 4 bytes
/// after a chunk's data hold the offset of the next chunk.
final class PostingsAccumulator {
    static let tables = IndexField.textFields.count
    static let firstChunk = 8
    static let maxChunk = 4096

    /// What adding a token touches, in one record so that it costs one cache line.
    struct SlotState {
        var write: UInt32
        var end: UInt32
        var chunk: UInt32
        /// The open document (UInt32.max: none yet).
        var lastDoc: UInt32
        /// The last position written.
        var aux: UInt32
        var bytes: UInt32
    }

    // Touched for every token indexed: the dynamic exclusivity checks of class properties
    // cost more than the writes (one builder per thread, never accessed re-entrantly).
    @exclusivity(unchecked) private var pool: GrowableBuffer<UInt8>
    @exclusivity(unchecked) private var state: GrowableBuffer<SlotState>
    @exclusivity(unchecked) private var slotHead: GrowableBuffer<UInt32>
    @exclusivity(unchecked) private var slotTable: GrowableBuffer<UInt8>
    @exclusivity(unchecked) private var slotTerm: GrowableBuffer<UInt32>
    @exclusivity(unchecked) private var slotStem: GrowableBuffer<UInt32>
    /// slotOf[table][term] = slot + 1, 0 when the term has no slot yet.
    @exclusivity(unchecked) private var slotOf: [GrowableBuffer<Int32>]

    @exclusivity(unchecked) private(set) var slotCount = 0

    init() {
        pool = GrowableBuffer(capacity: 1 << 22)
        state = GrowableBuffer(capacity: 1 << 14)
        slotHead = GrowableBuffer(capacity: 1 << 14)
        slotTable = GrowableBuffer(capacity: 1 << 14)
        slotTerm = GrowableBuffer(capacity: 1 << 14)
        slotStem = GrowableBuffer(capacity: 1 << 14)
        slotOf = (0..<PostingsAccumulator.tables).map { _ in GrowableBuffer(capacity: 1 << 14) }
    }

    deinit {
        pool.free()
        state.free()
        slotHead.free()
        slotTable.free()
        slotTerm.free()
        slotStem.free()
        for t in slotOf { t.free() }
    }

    /// Bytes held, for the memory budget.
    var bytes: Int {
        pool.count + slotCount * (MemoryLayout<SlotState>.stride + 13) + slotOf.reduce(0) { $0 + $1.count * 4 }
    }

    @inline(__always)
    private func allocateChunk(_ size: Int) -> UInt32 {
        let at = pool.count
        pool.append(zeroes: size + 4)
        return UInt32(at)
    }

    @inline(__always)
    private func writeByte(_ s: inout SlotState, _ b: UInt8) {
        if s.write == s.end {
            let size = min(Int(s.chunk) * 2, PostingsAccumulator.maxChunk)
            let at = allocateChunk(size)
            UnsafeMutableRawPointer(pool.base + Int(s.write)).storeBytes(of: at, as: UInt32.self)
            s.chunk = UInt32(size)
            s.end = at + UInt32(size)
            s.write = at
        }
        pool[Int(s.write)] = b
        s.write += 1
        s.bytes += 1
    }

    @inline(__always)
    private func writeVarint(_ s: inout SlotState, _ v: UInt32) {
        var x = v
        while x >= 0x80 {
            writeByte(&s, UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        writeByte(&s, UInt8(x))
    }

    /// Records one occurrence of `term` (whose stem is `stem`) in `table` (the field) at
    /// `position` of `doc`. Documents arrive in increasing order, positions increasing within a
    /// document.
    @inline(__always)
    func add(table: Int, term: UInt32, stem: UInt32, doc: UInt32, position: UInt32) {
        let t = Int(term)
        if slotOf[table].count <= t { slotOf[table].append(zeroes: max(t + 1 - slotOf[table].count, 4096)) }
        var slot = Int(slotOf[table][t]) - 1
        if slot < 0 {
            slot = slotCount
            slotCount += 1
            slotOf[table][t] = Int32(slot + 1)
            let at = allocateChunk(PostingsAccumulator.firstChunk)
            state.append(SlotState(write: at, end: at + UInt32(PostingsAccumulator.firstChunk),
                                   chunk: UInt32(PostingsAccumulator.firstChunk), lastDoc: UInt32.max,
                                   aux: UInt32.max, bytes: 0))
            slotHead.append(at)
            slotTable.append(UInt8(table))
            slotTerm.append(term)
            slotStem.append(stem)
        }
        let p = state.base + slot
        if p.pointee.lastDoc != doc {
            if p.pointee.lastDoc != UInt32.max { writeByte(&p.pointee, 0) }
            // The first gap is doc + 1 (from "document −1"), so no gap is ever 0.
            writeVarint(&p.pointee, doc &- p.pointee.lastDoc)
            p.pointee.lastDoc = doc
            writeVarint(&p.pointee, position &+ 1)
        } else {
            writeVarint(&p.pointee, position &- p.pointee.aux)
        }
        p.pointee.aux = position
    }

    /// Prefetches, in three passes over a batch of upcoming `add`s, what each will touch: its
    /// `slotOf` entry, then its slot state, then the byte its stream writes next. Each pass's
    /// loads are independent of one another, so their cache misses overlap, where `add` alone
    /// waits for each in turn (the accumulator's tables are far larger than the caches).
    func prefetch(_ batch: UnsafeBufferPointer<(table: Int, term: UInt32)>) {
        for (table, term) in batch {
            let column = slotOf[table]
            if Int(term) < column.count { evx_prefetch_write(column.base + Int(term)) }
        }
        for (table, term) in batch {
            let column = slotOf[table]
            guard Int(term) < column.count else { continue }
            let slot = Int(column[Int(term)]) - 1
            if slot >= 0 { evx_prefetch_write(state.base + slot) }
        }
        for (table, term) in batch {
            let column = slotOf[table]
            guard Int(term) < column.count else { continue }
            let slot = Int(column[Int(term)]) - 1
            if slot >= 0 { evx_prefetch_write(pool.base + Int(state[slot].write)) }
        }
    }

    /// Prefetches the first bytes of a slot's stream (and its state), which `decode` reads next.
    func prefetchStream(_ slot: Int) {
        evx_prefetch_read(state.base + slot)
        evx_prefetch_read(pool.base + Int(slotHead[slot]))
    }

    func key(of slot: Int) -> (table: Int, term: UInt32) {
        (Int(slotTable[slot]), slotTerm[slot])
    }

    /// The stem of a slot's word.
    func stem(of slot: Int) -> UInt32 { slotStem[slot] }

    /// The slot of a term in a table, if it occurred.
    func slot(table: Int, term: UInt32) -> Int? {
        let t = Int(term)
        guard t < slotOf[table].count else { return nil }
        let s = Int(slotOf[table][t]) - 1
        return s < 0 ? nil : s
    }

    /// Decodes a slot into documents, frequencies and (when asked) positions.
    /// It reads the chunk chain in place: copying each slot's chunks into one buffer first
    /// was 3% of a synth-100k build.
    func decode(_ slot: Int, docs: inout [UInt32], freqs: inout [UInt32], positions: inout [UInt32], wantPositions: Bool) {
        let st = state[slot]
        var r = ChainReader(base: UnsafePointer(pool.base), head: Int(slotHead[slot]), bytes: Int(st.bytes))
        var doc = UInt32.max
        while r.remaining > 0 {
            doc = doc &+ r.varint()
            var pos = r.varint() &- 1
            var f: UInt32 = 1
            if wantPositions { positions.append(pos) }
            while r.remaining > 0 && r.peek() != 0 {
                pos &+= r.varint()
                f += 1
                if wantPositions { positions.append(pos) }
            }
            if r.remaining > 0 { r.skip() }  // the terminator (the open document has none)
            docs.append(doc)
            freqs.append(f)
        }
    }

    /// A reader of a slot's documents one at a time (for merging a word group's slots without
    /// decoding each whole first).
    func stream(_ slot: Int) -> SlotStream {
        SlotStream(reader: ChainReader(base: UnsafePointer(pool.base), head: Int(slotHead[slot]), bytes: Int(state[slot].bytes)))
    }

    /// A slot's documents in order: `nextDocument` reads the next one's id into `doc`
    /// (UInt32.max past the last), then `positions` appends its positions.
    struct SlotStream {
        fileprivate var reader: ChainReader
        private(set) var doc = UInt32.max
        private var last = UInt32.max
        /// The current document's first position (its others follow in the stream).
        private var first: UInt32 = 0

        fileprivate init(reader: ChainReader) { self.reader = reader }

        mutating func nextDocument() {
            guard reader.remaining > 0 else {
                doc = UInt32.max
                return
            }
            last = last &+ reader.varint()
            doc = last
            first = reader.varint() &- 1
        }

        /// Appends the current document's positions (once per document).
        mutating func positions(into out: inout [UInt32]) {
            var pos = first
            out.append(pos)
            while reader.remaining > 0 && reader.peek() != 0 {
                pos &+= reader.varint()
                out.append(pos)
            }
            if reader.remaining > 0 { reader.skip() }  // the terminator
        }
    }

    /// Reads a slot's bytes along its chain of chunks (8, 16, … `maxChunk` bytes, each full
    /// chunk followed by the 4-byte offset of the next).
    fileprivate struct ChainReader {
        let base: UnsafePointer<UInt8>
        var at: Int
        var chunkEnd: Int
        var size: Int
        /// Bytes not yet read.
        var remaining: Int

        init(base: UnsafePointer<UInt8>, head: Int, bytes: Int) {
            self.base = base
            at = head
            size = PostingsAccumulator.firstChunk
            remaining = bytes
            chunkEnd = head + min(size, bytes)
        }

        /// Moves to the next chunk when this one is used up (only ever a full one).
        @inline(__always)
        private mutating func refill() {
            if at == chunkEnd {
                at = Int(UnsafeRawPointer(base + chunkEnd).loadUnaligned(as: UInt32.self))
                size = min(size * 2, PostingsAccumulator.maxChunk)
                chunkEnd = at + min(size, remaining)
            }
        }

        @inline(__always)
        mutating func peek() -> UInt8 {
            refill()
            return base[at]
        }

        @inline(__always)
        mutating func skip() {
            refill()
            at += 1
            remaining -= 1
        }

        @inline(__always)
        mutating func byte() -> UInt8 {
            refill()
            let b = base[at]
            at += 1
            remaining -= 1
            return b
        }

        @inline(__always)
        mutating func varint() -> UInt32 {
            var b = byte()
            if b < 0x80 { return UInt32(b) }
            var result = UInt32(b & 0x7F)
            var shift: UInt32 = 7
            repeat {
                b = byte()
                result |= UInt32(b & 0x7F) << shift
                shift += 7
            } while b >= 0x80 && shift < 35
            return result
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
