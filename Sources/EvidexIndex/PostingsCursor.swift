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

    private let docs: UnsafeMutablePointer<UInt32>
    private let freqs: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var index = 0
    /// Block being read; == fullBlocks for the tail, > fullBlocks once exhausted.
    @exclusivity(unchecked) private var block = -1
    @exclusivity(unchecked) private var blockPositions = 0
    @exclusivity(unchecked) private var posDocIndex = 0
    @exclusivity(unchecked) private var posOffset = 0
    /// The skip-table block that bounds were last asked about: bounds move ahead of the
    /// decoded block without decoding ("shallow" advance), and targets only grow, so the walk
    /// through the skip table resumes here instead of restarting at the decoded block.
    @exclusivity(unchecked) private var shallow = 0

    @exclusivity(unchecked) public private(set) var doc: UInt32 = 0

    /// The field's length column (u32 per doc), when known: lists too short for a skip table
    /// are then bounded exactly from their decoded documents.
    private let lengths: UnsafeRawPointer?

    init(postings: UnsafePointer<UInt8>, positions: UnsafePointer<UInt8>?, info: TermInfo, lengths: UnsafeRawPointer? = nil) {
        self.lengths = lengths
        self.base = postings
        self.posBase = info.positionsOffset == 0 ? nil : positions
        self.info = info
        self.df = Int(info.docFreq)
        self.fullBlocks = df / BitPacking.blockSize
        self.skipAt = Int(info.postingsOffset)
        self.blocksStart = skipAt + (fullBlocks > 0 ? fullBlocks * PostingsLayout.skipEntrySize + PostingsLayout.tailLocatorSize : 0)
        self.positionsStart = Int(info.positionsOffset)
        let cap = BitPacking.blockSize
        docs = .allocate(capacity: cap)
        freqs = .allocate(capacity: cap)
        load(block: 0)
    }

    deinit {
        docs.deallocate()
        freqs.deallocate()
    }

    public var docFreq: Int { df }

    @inline(__always)
    public var freq: UInt32 { freqs[index] }

    @inline(__always)
    private func skipLastDoc(_ b: Int) -> UInt32 {
        loadLE32(base, skipAt + b * PostingsLayout.skipEntrySize)
    }

    /// Byte offset of the impacts of block b (the tail when b == fullBlocks), or nil for a
    /// list without full blocks.
    @inline(__always)
    private func impactsAt(_ b: Int) -> Int? {
        if fullBlocks == 0 { return nil }
        return b < fullBlocks ? skipAt + b * PostingsLayout.skipEntrySize + 12 : skipAt + fullBlocks * PostingsLayout.skipEntrySize + 8
    }

    /// The largest value of `f(freq, length)` over the (freq, length) pairs stored for block b;
    /// `f` must grow with freq and fall with length (a BM25 term weight).
    @inline(__always)
    private func maxImpact(block b: Int, _ f: (UInt32, UInt32) -> Double) -> Double {
        guard let at = impactsAt(b) else {
            // The whole list is decoded in the buffer: bound the documents ahead exactly.
            guard let lengths, block == 0, count > 0 else { return f(info.maxFreq, info.minLength) }
            var best = 0.0
            var i = index
            while i < count {
                best = max(best, f(freqs[i], loadLE32(lengths, Int(docs[i]) * 4)))
                i += 1
            }
            return best
        }
        return bestImpact(at: at, f)
    }

    /// The best value of f over the stored impacts starting at byte `at`.
    @inline(__always)
    private func bestImpact(at: Int, _ f: (UInt32, UInt32) -> Double) -> Double {
        var best = 0.0
        for i in 0..<PostingsLayout.impactCount {
            let freq = loadLE32(base, at + i * 8)
            if freq == 0 { break }
            best = max(best, f(freq, loadLE32(base, at + i * 8 + 4)))
        }
        return best
    }

    /// The decoded documents of the current block from the cursor's position up to `limit`, when
    /// they are every document of the list in [doc, limit] (the block reaches limit, or is the
    /// last). The pointers are valid until the cursor moves. For exact block bounds.
    public func decoded(upTo limit: UInt32) -> (docs: UnsafePointer<UInt32>, freqs: UnsafePointer<UInt32>, count: Int)? {
        guard doc != PostingsCursor.exhausted, count > 0 else { return nil }
        guard docs[count - 1] >= limit || block >= fullBlocks else { return nil }
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
            var i = index
            while i < count && docs[i] < target { i += 1 }
            var best = 0.0
            while i < count && docs[i] <= limit {
                best = max(best, f(freqs[i], loadLE32(lengths, Int(docs[i]) * 4)))
                i += 1
            }
            return best
        }
        return maxImpact(block: shallowBlock(target), f)
    }

    /// An upper bound of `f(freq, length)` over [target, boundEnd(from: target)] from the
    /// stored impacts of the block holding target: a few evaluations of f, where the exact
    /// bound of `maxImpact(from:upTo:_:)` evaluates it per document.
    public func storedImpact(from target: UInt32, _ f: (UInt32, UInt32) -> Double) -> Double {
        if doc == PostingsCursor.exhausted { return 0 }
        if fullBlocks == 0 { return maxImpact(block: 0, f) }
        return maxImpact(block: shallowBlock(target), f)
    }

    /// An upper bound of `f(freq, length)` over the whole list.
    public func maxImpact(_ f: (UInt32, UInt32) -> Double) -> Double {
        if fullBlocks == 0 { return maxImpact(block: 0, f) }
        // The list-wide impacts follow the tail's in the tail locator.
        return bestImpact(at: skipAt + fullBlocks * PostingsLayout.skipEntrySize + 8 + PostingsLayout.impactCount * 8, f)
    }

    private func load(block b: Int) {
        block = b
        index = 0
        posDocIndex = 0
        if b < fullBlocks {
            let e = skipAt + b * PostingsLayout.skipEntrySize
            var prev: UInt32 = b == 0 ? 0 : skipLastDoc(b - 1)
            let at = blocksStart + Int(loadLE32(base, e + 4))
            blockPositions = positionsStart + Int(loadLE32(base, e + 8))
            let dw = Int(base[at])
            let fw = Int(base[at + 1])
            let raw = UnsafeRawPointer(base + at + 2)
            BitPacking.unpack(raw, width: dw, into: docs)
            BitPacking.unpack(raw + 16 * dw, width: fw, into: freqs)
            if b == 0 {
                prev = docs[0]
                for i in 1..<BitPacking.blockSize {
                    prev &+= docs[i]
                    docs[i] = prev
                }
            } else {
                for i in 0..<BitPacking.blockSize {
                    prev &+= docs[i]
                    docs[i] = prev
                }
            }
            for i in 0..<BitPacking.blockSize { freqs[i] &+= 1 }
            count = BitPacking.blockSize
            doc = docs[0]
        } else if b == fullBlocks && df % BitPacking.blockSize > 0 {
            var at: Int
            var prev: UInt32
            if fullBlocks > 0 {
                let t = skipAt + fullBlocks * PostingsLayout.skipEntrySize
                at = blocksStart + Int(loadLE32(base, t))
                blockPositions = positionsStart + Int(loadLE32(base, t + 4))
                prev = skipLastDoc(fullBlocks - 1)
            } else {
                at = blocksStart
                blockPositions = positionsStart
                prev = 0
            }
            let n = df % BitPacking.blockSize
            for i in 0..<n {
                let code = readVarint64(base, &at)
                let delta = UInt32(truncatingIfNeeded: code >> 1)
                prev = (i == 0 && fullBlocks == 0) ? delta : prev &+ delta
                docs[i] = prev
                freqs[i] = code & 1 == 1 ? 1 : readVarint(base, &at)
            }
            count = n
            doc = docs[0]
        } else {
            block = fullBlocks + 1
            count = 0
            doc = PostingsCursor.exhausted
        }
        posOffset = blockPositions
    }

    @inline(__always)
    public func next() {
        index += 1
        if index < count {
            doc = docs[index]
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
            load(block: b)
            if doc >= target { return }
        }
        while index < count && docs[index] < target { index += 1 }
        if index < count {
            doc = docs[index]
        } else {
            load(block: block + 1)
            if doc < target { advance(to: target) }
        }
    }

    /// Appends the current document's positions to `out`.
    public func positions(into out: inout [UInt32]) {
        guard let posBase else { return }
        var at = seekPositions(posBase)
        var p: UInt32 = 0
        for k in 0..<Int(freqs[index]) {
            let v = readVarint(posBase, &at)
            p = k == 0 ? v : p &+ v
            out.append(p)
        }
    }

    /// Writes the current document's positions to `out`, which has room for `freq` of them,
    /// and returns how many were written (0 for a list without positions).
    public func writePositions(to out: UnsafeMutablePointer<UInt32>) -> Int {
        guard let posBase else { return 0 }
        var at = seekPositions(posBase)
        var p: UInt32 = 0
        let n = Int(freqs[index])
        for k in 0..<n {
            let v = readVarint(posBase, &at)
            p = k == 0 ? v : p &+ v
            out[k] = p
        }
        return n
    }

    /// The byte offset of the current document's positions.
    @inline(__always)
    private func seekPositions(_ posBase: UnsafePointer<UInt8>) -> Int {
        if posDocIndex > index {
            posDocIndex = 0
            posOffset = blockPositions
        }
        // Skip the positions of the documents passed over: count varints ending in each
        // 8-byte word (bytes with the high bit clear) instead of walking byte by byte. The
        // positions section has slack past its end for these loads.
        var n = 0
        while posDocIndex < index {
            n += Int(freqs[posDocIndex])
            posDocIndex += 1
        }
        while n >= 8 {
            let w = UInt64(littleEndian: UnsafeRawPointer(posBase + posOffset).loadUnaligned(as: UInt64.self))
            let ends = (~w & 0x8080_8080_8080_8080).nonzeroBitCount
            if ends > n { break }
            n -= ends
            posOffset += 8
        }
        while n > 0 {
            while posBase[posOffset] >= 0x80 { posOffset += 1 }
            posOffset += 1
            n -= 1
        }
        return posOffset
    }
}
