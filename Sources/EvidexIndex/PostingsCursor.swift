/// Iterates one posting list of a mapped segment: doc ids ascending, with frequencies, lazily
/// decoded positions and the per-block bounds that dynamic pruning reads.
public final class PostingsCursor {
    public static let exhausted = UInt32.max

    private let base: UnsafePointer<UInt8>
    private let posBase: UnsafePointer<UInt8>?
    public let info: TermInfo
    private let df: Int
    private let fullBlocks: Int
    private let skipAt: Int
    private let blocksStart: Int
    private let positionsStart: Int
    private let layout: PostingsLayout
    /// Sizes of the postings and positions sections: a damaged segment (its checksum is read
    /// only by `evidex verify`, so opening stays instant) must not lead a read past them.
    /// Checks run per block or chunk, not per value.
    private let postingsEnd: Int
    private let positionsEnd: Int

    private let docs: UnsafeMutablePointer<UInt32>
    private let freqs: UnsafeMutablePointer<UInt32>
    /// A full block's packed frequencies when `advance` loaded it, unpacked into `freqs` only
    /// when a caller wants more than single values (`ensureFreqs`): a conjunction's other
    /// clauses load block after block to test one or two documents each, and unpacking 128
    /// frequencies for them was a third of every such load. Blocks reached by `next` are
    /// being walked, and are unpacked at once (reading each value packed cost more there).
    @exclusivity(unchecked) private var freqsPacked: UnsafeRawPointer?
    @exclusivity(unchecked) private var freqWidth = 0
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var index = 0
    /// Block being read; == fullBlocks for the tail, > fullBlocks once exhausted.
    @exclusivity(unchecked) private var block = -1
    /// Where the current block's positions start: the chunk (absolute offset in the
    /// positions section) and the index in it.
    @exclusivity(unchecked) private var blockChunk = 0
    @exclusivity(unchecked) private var blockChunkIndex = 0
    /// Where the positions of document posDocIndex of the block start: its chunk, the index
    /// in it, and for a varint chunk the byte of that value.
    @exclusivity(unchecked) private var posDocIndex = 0
    @exclusivity(unchecked) private var posChunk = 0
    @exclusivity(unchecked) private var posIndex = 0
    @exclusivity(unchecked) private var posByte = 0
    /// The skip-table block that bounds were last asked about: bounds move ahead of the
    /// decoded block without decoding ("shallow" advance), and targets only grow, so the walk
    /// through the skip table resumes here instead of restarting at the decoded block.
    @exclusivity(unchecked) private var shallow = 0

    /// The current document. Read through an inlinable getter: a client module reading the
    /// stored property itself checked exclusivity at run time (swift_beginAccess on every
    /// read, a fifth of a phrase query's instructions), as `@exclusivity(unchecked)` does not
    /// carry across modules.
    @inlinable public var doc: UInt32 { currentDoc }
    @usableFromInline @exclusivity(unchecked) var currentDoc: UInt32 = 0

    /// The field's length column, when known: lists too short for a skip table are then
    /// bounded exactly from their decoded documents.
    private let lengths: PackedColumn?

    /// The positions chunk last unpacked whole (its offset in the section; −1: none) and its
    /// values: the documents a phrase checks one after another mostly share a chunk, and
    /// reading its values one by one from the packed bits cost more than unpacking it once.
    @exclusivity(unchecked) private var cachedChunk = -1
    private let chunkValues: UnsafeMutablePointer<UInt32>

    /// Low bits of each position value that hold its form's ordinal (a word group's list).
    public let formBits: Int
    /// The form whose positions `positions(into:)` and `writePositions(to:)` give (nil: every
    /// form's); an exact phrase's word reads its group's list through it.
    public var form: UInt32?

    init(postings: UnsafePointer<UInt8>, positions: UnsafePointer<UInt8>?, info: TermInfo, lengths: PackedColumn? = nil,
         postingsEnd: Int = Int.max, positionsEnd: Int = Int.max) {
        self.lengths = lengths
        self.base = postings
        self.postingsEnd = postingsEnd
        self.positionsEnd = positionsEnd
        let layout = PostingsLayout(hasPositions: info.positionsOffset != 0)
        self.layout = layout
        var df = Int(info.docFreq)
        var skipAt = Int(truncatingIfNeeded: info.postingsOffset)
        let positionsAt = Int(truncatingIfNeeded: info.positionsOffset)
        var blocksStart = 0
        var inRange = skipAt >= 0 && skipAt <= postingsEnd && positionsAt >= 0 && positionsAt < positionsEnd
        if inRange {
            blocksStart = skipAt + (df >= BitPacking.blockSize ? (df / BitPacking.blockSize) * layout.entrySize + layout.locatorSize : 0)
            inRange = blocksStart <= postingsEnd
        }
        if !inRange {
            // Offsets outside their sections: a damaged dictionary entry reads as an empty list.
            df = 0
            skipAt = 0
            blocksStart = 0
        }
        self.posBase = info.positionsOffset == 0 || df == 0 ? nil : positions
        self.info = info
        self.df = df
        self.fullBlocks = df / BitPacking.blockSize
        self.skipAt = skipAt
        self.blocksStart = blocksStart
        self.positionsStart = Int(truncatingIfNeeded: info.positionsOffset)
        self.formBits = info.formBits
        let cap = BitPacking.blockSize
        // One allocation for both buffers (and the positions chunk cache): a query makes a
        // cursor per list, segment and field.
        docs = .allocate(capacity: 3 * cap)
        freqs = docs + cap
        chunkValues = docs + 2 * cap
        load(block: 0)
    }

    deinit {
        docs.deallocate()
    }

    public var docFreq: Int { df }

    @inline(__always)
    public var freq: UInt32 {
        if let packed = freqsPacked { return BitPacking.value(packed, bitOffset: index &* freqWidth, width: freqWidth) &+ 1 }
        return freqs[index]
    }

    /// Unpacks the current block's frequencies into `freqs` if `load` left them packed.
    @inline(__always)
    private func ensureFreqs() {
        if freqsPacked != nil { unpackFreqs() }
    }

    // Out of line: inlined, it kept the position reader of `writePositions` from being inlined.
    @inline(never)
    private func unpackFreqs() {
        guard let packed = freqsPacked else { return }
        BitPacking.unpack(packed, width: freqWidth, into: freqs)
        for i in 0..<BitPacking.blockSize { freqs[i] &+= 1 }
        freqsPacked = nil
    }

    @inline(__always)
    private func skipLastDoc(_ b: Int) -> UInt32 {
        loadLE32(base, skipAt + b * layout.entrySize)
    }

    /// Byte offset of the impacts of block b (the tail when b == fullBlocks), or nil for a
    /// list without full blocks.
    @inline(__always)
    private func impactsAt(_ b: Int) -> Int? {
        if fullBlocks == 0 { return nil }
        return b < fullBlocks ? skipAt + b * layout.entrySize + layout.impactsInEntry
            : skipAt + fullBlocks * layout.entrySize + layout.impactsInLocator
    }

    /// The largest value of `f(freq, length)` over the (freq, length) pairs stored for block b;
    /// `f` must grow with freq and fall with length (a BM25 term weight).
    @inline(__always)
    private func maxImpact(block b: Int, _ f: (UInt32, UInt32) -> Double) -> Double {
        guard let at = impactsAt(b) else {
            // The whole list is decoded in the buffer: bound the documents ahead exactly.
            guard block == 0, count > 0 else { return 0 }  // exhausted: no documents ahead
            return decodedBound(from: index, to: count, f)
        }
        return bestImpact(at: at, f)
    }

    /// The best value of f over decoded documents [from, to) of the buffer: exact with the
    /// field lengths; without them, the largest freq at the shortest length a document
    /// holding the term can have (1).
    @inline(__always)
    private func decodedBound(from: Int, to: Int, _ f: (UInt32, UInt32) -> Double) -> Double {
        ensureFreqs()
        var i = from
        guard let lengths else {
            var maxFreq: UInt32 = 0
            while i < to {
                maxFreq = max(maxFreq, freqs[i])
                i += 1
            }
            return maxFreq == 0 ? 0 : f(maxFreq, 1)
        }
        var best = 0.0
        while i < to {
            best = max(best, f(freqs[i], lengths[Int(docs[i])]))
            i += 1
        }
        return best
    }

    /// The best value of f over the stored impacts starting at byte `at`.
    @inline(__always)
    private func bestImpact(at: Int, _ f: (UInt32, UInt32) -> Double) -> Double {
        var best = 0.0
        for i in 0..<PostingsLayout.impactCount {
            let freq = base[at + i * 2]
            if freq == 0 { break }
            best = max(best, f(ImpactCode.freq(freq), ImpactCode.length(base[at + i * 2 + 1])))
        }
        return best
    }

    /// The decoded documents of the current block from the cursor's position up to `limit`, when
    /// they are every document of the list in [doc, limit] (the block reaches limit, or is the
    /// last). The pointers are valid until the cursor moves. For exact block bounds.
    public func decoded(upTo limit: UInt32) -> (docs: UnsafePointer<UInt32>, freqs: UnsafePointer<UInt32>, count: Int)? {
        guard doc != PostingsCursor.exhausted, count > 0 else { return nil }
        guard docs[count - 1] >= limit || block >= fullBlocks else { return nil }
        ensureFreqs()
        var end = index
        while end < count && docs[end] <= limit { end += 1 }
        return (UnsafePointer(docs + index), UnsafePointer(freqs + index), end - index)
    }

    /// The last document a bound from `target` can cover: the end of the decoded block when
    /// it reaches target (the end of the list for the tail), else the end of the skip-table
    /// block holding target.
    public func boundEnd(from target: UInt32) -> UInt32 {
        if doc == PostingsCursor.exhausted { return PostingsCursor.exhausted }
        if count > 0 && docs[count - 1] >= target {
            return block < fullBlocks ? docs[count - 1] : PostingsCursor.exhausted
        }
        let b = shallowBlock(target)
        return b < fullBlocks ? skipLastDoc(b) : PostingsCursor.exhausted
    }

    /// The skip-table block holding `target` (fullBlocks for the tail), found from the cached
    /// shallow block when target has not moved back before it.
    @inline(__always)
    private func shallowBlock(_ target: UInt32) -> Int {
        var b = max(block, 0)
        if shallow > b && (shallow == 0 || skipLastDoc(shallow - 1) < target) { b = shallow }
        while b < fullBlocks && skipLastDoc(b) < target { b += 1 }
        shallow = b
        return b
    }

    /// An upper bound of `f(freq, length)` over the documents in [target, limit], where
    /// limit ≤ `boundEnd(from: target)`. Exact when the documents are decoded already (the
    /// cursor's block, or a short list) and the field lengths are known; otherwise the
    /// stored impacts of the block.
    public func maxImpact(from target: UInt32, upTo limit: UInt32, _ f: (UInt32, UInt32) -> Double) -> Double {
        if doc == PostingsCursor.exhausted { return 0 }
        if count > 0 && docs[count - 1] >= target {
            guard let lengths else { return maxImpact(block: min(block, fullBlocks), f) }
            ensureFreqs()
            var i = index
            while i < count && docs[i] < target { i += 1 }
            var best = 0.0
            while i < count && docs[i] <= limit {
                best = max(best, f(freqs[i], lengths[Int(docs[i])]))
                i += 1
            }
            return best
        }
        return maxImpact(block: shallowBlock(target), f)
    }

    /// An upper bound of `f(freq, length)` over [target, boundEnd(from: target)] from the
    /// stored impacts of the block holding target: a few evaluations of f, where the exact
    /// bound of `maxImpact(from:upTo:_:)` evaluates it per document.
    /// f is `freq · factors[length code]`: `factors[c]` is the score factor of a length of
    /// `ImpactCode.length(c)`, falling with the length (so rounding a length down to its code
    /// only raises the bound). A table lookup per stored pair instead of a call through a
    /// closure that divided: those calls were a fifth of a frequent word's query.
    public func storedImpact(from target: UInt32, factors: UnsafePointer<Double>) -> Double {
        if doc == PostingsCursor.exhausted { return 0 }
        // A stored length is the value of its code, so `lengthCode` gives the code back; a
        // decoded length rounds down to its code, which only raises the bound.
        return maxImpact(block: fullBlocks == 0 ? 0 : shallowBlock(target)) { freq, length in
            Double(freq) * factors[Int(ImpactCode.lengthCode(length))]
        }
    }

    /// An upper bound of `f(freq, length)` over the whole list.
    public func maxImpact(_ f: (UInt32, UInt32) -> Double) -> Double {
        // A short list stays in the buffer (exhausting the cursor does not clear it).
        if fullBlocks == 0 { return decodedBound(from: 0, to: df, f) }
        // The list-wide impacts follow the tail's in the tail locator.
        return bestImpact(at: skipAt + fullBlocks * layout.entrySize + layout.impactsInLocator + PostingsLayout.impactCount * 2, f)
    }

    /// Decodes block b; `packedFreqs`: leave a full block's frequencies packed.
    private func load(block b: Int, packedFreqs: Bool = false) {
        block = b
        index = 0
        posDocIndex = 0
        freqsPacked = nil
        if b < fullBlocks {
            let e = skipAt + b * layout.entrySize
            let prev: UInt32 = b == 0 ? 0 : skipLastDoc(b - 1)
            let at = blocksStart + Int(loadLE32(base, e + 4))
            if posBase != nil {
                blockChunk = positionsStart + Int(loadLE32(base, e + 8))
                blockChunkIndex = Int(base[e + 12])
                // An index past a chunk (damaged skip entry): positions read as zeros.
                if blockChunkIndex >= BitPacking.blockSize { (blockChunk, blockChunkIndex) = (positionsEnd, 0) }
            }
            guard at + 2 <= postingsEnd else { return exhaust() }
            let dw = Int(base[at])
            let fw = Int(base[at + 1])
            // 8 bytes past the packed data are read by the unpacker (the section's slack).
            guard dw <= 32, fw <= 32, at + 2 + 16 * (dw + fw) + 8 <= postingsEnd else { return exhaust() }
            let raw = UnsafeRawPointer(base + at + 2)
            // Block 0's first value is its first document; later blocks' gaps start from the
            // previous block's last document.
            BitPacking.unpackDeltas(raw, width: dw, start: prev, into: docs)
            if packedFreqs {
                freqsPacked = raw + 16 * dw
                freqWidth = fw
            } else {
                BitPacking.unpack(raw + 16 * dw, width: fw, into: freqs)
                for i in 0..<BitPacking.blockSize { freqs[i] &+= 1 }
            }
            count = BitPacking.blockSize
            currentDoc = docs[0]
        } else if b == fullBlocks && df % BitPacking.blockSize > 0 {
            var at: Int
            var prev: UInt32
            if fullBlocks > 0 {
                let t = skipAt + fullBlocks * layout.entrySize
                at = blocksStart + Int(loadLE32(base, t))
                if posBase != nil {
                    blockChunk = positionsStart + Int(loadLE32(base, t + 4))
                    blockChunkIndex = Int(base[t + 8])
                    if blockChunkIndex >= BitPacking.blockSize { (blockChunk, blockChunkIndex) = (positionsEnd, 0) }
                }
                prev = skipLastDoc(fullBlocks - 1)
            } else {
                at = blocksStart
                blockChunk = positionsStart
                blockChunkIndex = 0
                prev = 0
            }
            let n = df % BitPacking.blockSize
            guard at >= 0, at + 3 <= postingsEnd else { return exhaust() }
            if n <= PostingsLayout.varintTailMax {
                for i in 0..<n {
                    // A varint takes at most 10 bytes, and valid data ends 16 bytes before the
                    // section does.
                    guard at + 10 <= postingsEnd else { return exhaust() }
                    let code = readVarint64(base, &at)
                    let delta = UInt32(truncatingIfNeeded: code >> 1)
                    prev = (i == 0 && fullBlocks == 0) ? delta : prev &+ delta
                    docs[i] = prev
                    if code & 1 == 1 {
                        freqs[i] = 1
                    } else {
                        guard at + 10 <= postingsEnd else { return exhaust() }
                        freqs[i] = readVarint(base, &at)
                    }
                }
            } else {
                var gw = Int(base[at])
                var fw = gw >> 5
                gw &= 31
                at += 1
                if base[at - 1] == 0xFF {
                    gw = Int(base[at])
                    fw = Int(base[at + 1])
                    at += 2
                }
                guard gw <= 32, fw <= 32, at + (n * (gw + fw) + 7) / 8 + 8 <= postingsEnd else { return exhaust() }
                let raw = UnsafeRawPointer(base + at)
                BitPacking.unpack(raw, bitOffset: 0, count: n, width: gw, into: docs)
                BitPacking.unpack(raw, bitOffset: n * gw, count: n, width: fw, into: freqs)
                var i = 0
                if fullBlocks == 0 {
                    prev = docs[0]
                    i = 1
                }
                while i < n {
                    prev &+= docs[i]
                    docs[i] = prev
                    i += 1
                }
                for i in 0..<n { freqs[i] &+= 1 }
            }
            count = n
            currentDoc = docs[0]
        } else {
            return exhaust()
        }
        posChunk = blockChunk
        posIndex = blockChunkIndex
        posByte = -1
    }

    /// Ends the list: past its last block, or at a block a damaged segment cannot give.
    private func exhaust() {
        block = fullBlocks + 1
        freqsPacked = nil
        count = 0
        index = 0
        currentDoc = PostingsCursor.exhausted
    }

    @inline(__always)
    public func next() {
        index += 1
        if index < count {
            currentDoc = docs[index]
        } else if doc != PostingsCursor.exhausted {
            load(block: block + 1)
        }
    }

    /// Moves to the first document ≥ target.
    public func advance(to target: UInt32) {
        if doc >= target { return }
        if count > 0 && docs[count - 1] < target {
            // Skip whole blocks through the skip table.
            var b = block + 1
            if shallow > b && skipLastDoc(shallow - 1) < target { b = shallow }
            while b < fullBlocks && skipLastDoc(b) < target { b += 1 }
            load(block: b, packedFreqs: true)
            if doc >= target { return }
        }
        while index < count && docs[index] < target { index += 1 }
        if index < count {
            currentDoc = docs[index]
        } else {
            load(block: block + 1, packedFreqs: true)
            if doc < target { advance(to: target) }
        }
    }

    /// Appends the current document's positions to `out` (of `form` only, when set).
    public func positions(into out: inout [UInt32]) {
        guard let posBase else { return }
        ensureFreqs()
        seekPositions(posBase)
        var reader = PositionReader(base: posBase, chunk: posChunk, index: posIndex, byte: posByte, end: positionsEnd)
        var decoder = PositionDecoder(formBits: formBits, form: form)
        // A frequency is at most a field's length (8 MB documents: under 2^24 tokens).
        for k in 0..<min(Int(freqs[index]), 1 << 24) {
            if let p = decoder.decode(reader.next(), first: k == 0) { out.append(p) }
        }
    }

    /// Appends the current document's positions and each one's form ordinal (all forms).
    public func taggedPositions(into out: inout [UInt32], forms: inout [UInt32]) {
        guard let posBase else { return }
        ensureFreqs()
        seekPositions(posBase)
        var reader = PositionReader(base: posBase, chunk: posChunk, index: posIndex, byte: posByte, end: positionsEnd)
        var p: UInt32 = 0
        let bits = UInt32(formBits)
        let mask: UInt32 = (1 << bits) &- 1
        for k in 0..<min(Int(freqs[index]), 1 << 24) {
            let v = reader.next()
            p = k == 0 ? v >> bits : p &+ v >> bits
            out.append(p)
            forms.append(v & mask)
        }
    }

    /// Writes the current document's positions (of `form` only, when set) to `out`, which has
    /// room for `freq` of them, and returns how many were written (0 for a list without
    /// positions).
    public func writePositions(to out: UnsafeMutablePointer<UInt32>) -> Int {
        guard let posBase else { return 0 }
        ensureFreqs()
        seekPositions(posBase)
        let n = Int(freqs[index])
        if let written = writeUnpackedPositions(posBase, n, to: out) { return written }
        var reader = PositionReader(base: posBase, chunk: posChunk, index: posIndex, byte: posByte, end: positionsEnd)
        var decoder = PositionDecoder(formBits: formBits, form: form)
        var written = 0
        for k in 0..<n {
            guard let p = decoder.decode(reader.next(), first: k == 0) else { continue }
            out[written] = p
            written += 1
        }
        return written
    }

    /// `writePositions` from whole unpacked chunks, when every chunk the document's positions
    /// touch is bit-packed and can be unpacked whole within the section; nil otherwise.
    @inline(__always)
    private func writeUnpackedPositions(_ posBase: UnsafePointer<UInt8>, _ n: Int, to out: UnsafeMutablePointer<UInt32>) -> Int? {
        var decoder = PositionDecoder(formBits: formBits, form: form)
        var chunk = posChunk
        var i = posIndex
        var written = 0
        let values = UnsafePointer(chunkValues)
        guard unpackChunk(posBase, chunk) else { return nil }
        for k in 0..<n {
            if i == BitPacking.blockSize {
                chunk += 1 + 16 * Int(posBase[chunk])
                i = 0
                // Not unpackable (a last chunk near the section's end): the caller reads the
                // document again value by value.
                guard unpackChunk(posBase, chunk) else { return nil }
            }
            let v = values[i]
            i += 1
            guard let p = decoder.decode(v, first: k == 0) else { continue }
            out[written] = p
            written += 1
        }
        return written
    }

    /// Unpacks the chunk at `chunk` into `chunkValues` unless it is there already; false when
    /// it is not a bit-packed chunk whose whole 128 values lie within the section.
    @inline(__always)
    private func unpackChunk(_ posBase: UnsafePointer<UInt8>, _ chunk: Int) -> Bool {
        if chunk == cachedChunk { return true }
        guard chunk >= 0, chunk < positionsEnd else { return false }
        let w = Int(posBase[chunk])
        guard w <= 32, chunk + 1 + 16 * w + 8 <= positionsEnd else { return false }
        BitPacking.unpack(UnsafeRawPointer(posBase + chunk + 1), width: w, into: chunkValues)
        cachedChunk = chunk
        return true
    }

    /// Moves the cached positions location (posChunk, posIndex, posByte) to the current
    /// document's first position, from the cache when it is not past it, else from the
    /// block's start.
    @inline(__always)
    private func seekPositions(_ posBase: UnsafePointer<UInt8>) {
        if posDocIndex > index {
            posDocIndex = 0
            posChunk = blockChunk
            posIndex = blockChunkIndex
            posByte = -1
        }
        var n = 0
        while posDocIndex < index {
            n += Int(freqs[posDocIndex])
            posDocIndex += 1
        }
        if n == 0 { return }
        // Whole chunks passed over are full, hence bit-packed: 1 + 16·width bytes each.
        var i = posIndex + n
        while i >= BitPacking.blockSize {
            guard posChunk < positionsEnd else { break }
            posChunk += 1 + 16 * Int(posBase[posChunk])
            i -= BitPacking.blockSize
            posByte = -1
        }
        // Past the section (a damaged segment): the reader then gives zeros.
        guard posChunk < positionsEnd else {
            posIndex = 0
            return
        }
        if posBase[posChunk] == PostingsLayout.varintChunk {
            // The last chunk, as varints: walk from the cached value (or the chunk start).
            var at = posByte
            var k = posIndex
            if at < 0 || k > i {
                at = posChunk + 1
                k = 0
            }
            while k < i && at < positionsEnd {
                while at < positionsEnd && posBase[at] >= 0x80 { at += 1 }
                at += 1
                k += 1
            }
            posByte = at
        }
        posIndex = i
    }
}

/// Turns a document's position values (FORMAT.md, "Positions") into positions: each value's
/// gap above its form bits, and its form ordinal below them, which must be `form` when one
/// is asked for.
struct PositionDecoder {
    private let bits: UInt32
    private let mask: UInt32
    private let wanted: UInt32
    private let filters: Bool
    private var position: UInt32 = 0

    @inline(__always)
    init(formBits: Int, form: UInt32?) {
        bits = UInt32(formBits)
        mask = (1 << bits) &- 1
        wanted = form ?? 0
        filters = form != nil
    }

    /// The position of the document's next value (`first`: its first), nil when it is
    /// another form's.
    @inline(__always)
    mutating func decode(_ v: UInt32, first: Bool) -> UInt32? {
        position = first ? v >> bits : position &+ v >> bits
        return filters && v & mask != wanted ? nil : position
    }
}

/// Reads position values in order from a location in a positions stream (FORMAT.md,
/// "Positions"), moving to the next chunk at the end of a full one.
struct PositionReader {
    let base: UnsafePointer<UInt8>
    var chunk: Int
    var index: Int
    /// The byte of value `index` in a varint chunk (−1: not known yet).
    var byte: Int
    /// The positions section's size: reads stop there (a damaged segment gives zeros).
    let end: Int

    @inline(__always)
    mutating func next() -> UInt32 {
        if index == BitPacking.blockSize {
            guard chunk < end else { return 0 }
            chunk += 1 + 16 * Int(base[chunk])
            index = 0
            byte = -1
        }
        guard chunk < end else { return 0 }
        let header = base[chunk]
        if header == PostingsLayout.varintChunk {
            if byte < 0 {
                byte = chunk + 1
                for _ in 0..<index {
                    while byte < end && base[byte] >= 0x80 { byte += 1 }
                    byte += 1
                }
            }
            index += 1
            // A varint takes at most 5 bytes.
            guard byte + 5 <= end else { return 0 }
            return readVarint(base, &byte)
        }
        let w = Int(header)
        // BitPacking.value reads 8 bytes from the value's first byte (the section's slack).
        guard w <= 32, chunk + 1 + (index * w) >> 3 + 8 <= end else {
            index += 1
            return 0
        }
        let v = BitPacking.value(UnsafeRawPointer(base + chunk + 1), bitOffset: index * w, width: w)
        index += 1
        return v
    }
}
