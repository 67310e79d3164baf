/// Writes posting lists into a segment's postings and positions sections.
///
/// Layout of one list (FORMAT.md, "Posting list"): for df ≥ 128 a skip table of ⌊df/128⌋
/// fixed-size entries and a tail locator, then that many bit-packed blocks of 128 documents,
/// then the df mod 128 remaining documents (bit-packed, or as varints when there are one or
/// two). Doc ids are delta coded; frequencies are stored as freq − 1 when packed. Positions
/// (FORMAT.md, "Positions") are chunks of 128 bit-packed values.
struct PostingsEncoder {
    /// The two sections as streams: lists are patched in memory while they are encoded, and
    /// the finished ones may spill to disk (`spillIfLarge`), so a segment of any size is
    /// written in bounded memory.
    let postingsStream: SpillFile
    let positionsStream: SpillFile
    /// Per-list working space, kept between lists: most lists hold a document or two, and
    /// allocating these for each cost half of what encoding did.
    private var scratch = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var scratch2 = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var chunker = PositionChunker()
    private var pairs: [ImpactCode.Pair] = []
    private var allPairs: [ImpactCode.Pair] = []

    /// `spillDirectory` nil keeps both sections in memory. `continuing` makes an encoder for
    /// lists that will follow another encoder's in the same sections (a merge's second half):
    /// its positions stream does not begin with the byte that keeps offset 0 free.
    init(spillDirectory: String? = nil, continuing: Bool = false) {
        postingsStream = SpillFile(directory: spillDirectory, capacity: 1 << 20)
        positionsStream = SpillFile(directory: spillDirectory, capacity: 1 << 20)
        // Offset 0 means "no positions"; keep real streams from starting there.
        if !continuing { positionsStream.tail.append(0) }
    }

    /// Moves finished lists to disk when enough have collected.
    func spillIfLarge() {
        postingsStream.spillIfLarge()
        positionsStream.spillIfLarge()
    }

    /// Encodes one list. `docs` ascending; `freqs[i]` occurrences in docs[i]; `positions`, when
    /// present, holds each doc's positions in order (sum of freqs entries, ascending per doc).
    /// With `formBits` > 0, `forms` holds each position's form ordinal (nil: all 0), stored in
    /// the low `formBits` bits of its value (FORMAT.md, "Positions"). `length(doc)` gives the field length used
    /// for the per-block bounds.
    mutating func encode(
        docs: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>,
        positions pos: UnsafeBufferPointer<UInt32>?, forms: UnsafeBufferPointer<UInt32>? = nil, formBits: Int = 0,
        length: (UInt32) -> UInt32
    ) -> TermInfo {
        // Work on the unspilled tails directly (moved out and back, so nothing is copied).
        var postings = ByteBuffer()
        var positions = ByteBuffer()
        swap(&postings, &postingsStream.tail)
        swap(&positions, &positionsStream.tail)
        defer {
            swap(&postings, &postingsStream.tail)
            swap(&positions, &positionsStream.tail)
        }
        let df = docs.count
        let postingsStart = postings.count
        let positionsStart = pos == nil ? 0 : positions.count
        let layout = PostingsLayout(hasPositions: pos != nil)
        let blockSize = BitPacking.blockSize
        let fullBlocks = df / blockSize

        var skipTableAt = 0
        if fullBlocks > 0 {
            skipTableAt = postings.count
            // A skip entry per block, then the tail locator (FORMAT.md).
            for _ in 0..<(fullBlocks * layout.entrySize + layout.locatorSize) { postings.append(0) }
        }
        let blocksStart = postings.count

        var prevDoc: UInt32 = 0
        var posIndex = 0
        // Moved out and back like the streams, so the nested functions and the loops below
        // touch locals (no exclusivity checks on self, no copies).
        var chunker = PositionChunker.placeholder
        var scratch: [UInt32] = []
        var scratch2: [UInt32] = []
        var pairs: [ImpactCode.Pair] = []
        var allPairs: [ImpactCode.Pair] = []
        swap(&chunker, &self.chunker)
        swap(&scratch, &self.scratch)
        swap(&scratch2, &self.scratch2)
        swap(&pairs, &self.pairs)
        swap(&allPairs, &self.allPairs)
        defer {
            swap(&chunker, &self.chunker)
            swap(&scratch, &self.scratch)
            swap(&scratch2, &self.scratch2)
            swap(&pairs, &self.pairs)
            swap(&allPairs, &self.allPairs)
        }
        chunker.reset()
        pairs.removeAll(keepingCapacity: true)
        allPairs.removeAll(keepingCapacity: true)

        // allPairs: the blocks' impacts (each dominating its block), for the list-wide impacts.
        for b in 0..<fullBlocks {
            let entry = skipTableAt + b * layout.entrySize
            postings.setLE(UInt32(postings.count - blocksStart), at: entry + 4)
            Self.positionsLocation(pos != nil, at: entry + 8, &postings, positions.count - positionsStart, chunker)
            var maxDelta: UInt32 = 0
            var maxF: UInt32 = 0
            pairs.removeAll(keepingCapacity: true)
            for i in 0..<blockSize {
                let d = docs[b * blockSize + i]
                let f = freqs[b * blockSize + i]
                let delta = (b == 0 && i == 0) ? d : d - prevDoc
                prevDoc = d
                scratch[i] = delta
                scratch2[i] = f - 1
                maxDelta = max(maxDelta, delta)
                maxF = max(maxF, f - 1)
                pairs.append(ImpactCode.pair(freq: f, length: length(d)))
                Self.writePositions(pos, forms, formBits, f, &posIndex, &chunker, &positions)
            }
            let dw = BitPacking.width(of: maxDelta)
            let fw = BitPacking.width(of: maxF)
            postings.append(UInt8(dw))
            postings.append(UInt8(fw))
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, width: dw, into: &postings) }
            scratch2.withUnsafeBufferPointer { BitPacking.pack($0, width: fw, into: &postings) }
            postings.setLE(prevDoc, at: entry)
            PostingsLayout.writeImpacts(pairs, into: &postings, at: entry + layout.impactsInEntry, appendingTo: &allPairs)
        }
        let tailEntry = skipTableAt + fullBlocks * layout.entrySize
        if fullBlocks > 0 {
            postings.setLE(UInt32(postings.count - blocksStart), at: tailEntry)
            Self.positionsLocation(pos != nil, at: tailEntry + 4, &postings, positions.count - positionsStart, chunker)
        }
        pairs.removeAll(keepingCapacity: true)
        let tailStart = fullBlocks * blockSize
        let tailCount = df - tailStart
        if tailCount <= PostingsLayout.varintTailMax {
            for i in tailStart..<df {
                let d = docs[i]
                let f = freqs[i]
                // The low bit says "freq is 1", saving the freq varint.
                let gap = i == 0 ? d : d - prevDoc
                postings.appendVarint64(UInt64(gap) << 1 | (f == 1 ? 1 : 0))
                if f != 1 { postings.appendVarint(f) }
                prevDoc = d
                pairs.append(ImpactCode.pair(freq: f, length: length(d)))
                Self.writePositions(pos, forms, formBits, f, &posIndex, &chunker, &positions)
            }
        } else {
            // One width for the gaps and one for freq − 1, in one bit stream.
            var maxGap: UInt32 = 0
            var maxF: UInt32 = 0
            var prev = prevDoc
            for i in tailStart..<df {
                maxGap = max(maxGap, i == 0 ? docs[i] : docs[i] - prev)
                maxF = max(maxF, freqs[i] - 1)
                prev = docs[i]
            }
            let gw = BitPacking.width(of: maxGap)
            let fw = BitPacking.width(of: maxF)
            if gw < 32 && fw < 7 {
                postings.append(UInt8(gw | fw << 5))
            } else {
                postings.append(0xFF)
                postings.append(UInt8(gw))
                postings.append(UInt8(fw))
            }
            var bits = BitWriter()
            for i in tailStart..<df {
                bits.write(i == 0 ? docs[i] : docs[i] - prevDoc, width: gw, into: &postings)
                prevDoc = docs[i]
            }
            for i in tailStart..<df { bits.write(freqs[i] - 1, width: fw, into: &postings) }
            bits.finish(into: &postings)
            for i in tailStart..<df {
                pairs.append(ImpactCode.pair(freq: freqs[i], length: length(docs[i])))
                Self.writePositions(pos, forms, formBits, freqs[i], &posIndex, &chunker, &positions)
            }
        }
        if fullBlocks > 0 {
            let impacts = tailEntry + layout.impactsInLocator
            PostingsLayout.writeImpacts(pairs, into: &postings, at: impacts, appendingTo: &allPairs)
            var unused: [ImpactCode.Pair] = []
            PostingsLayout.writeImpacts(allPairs, into: &postings, at: impacts + PostingsLayout.impactCount * 2, appendingTo: &unused)
        }
        if pos != nil { chunker.finish(into: &positions) }
        return TermInfo(
            docFreq: UInt32(df), postingsOffset: UInt64(postingsStream.spilled + postingsStart),
            positionsOffset: pos == nil ? 0 : UInt64(positionsStream.spilled + positionsStart))
    }

    // Static with inout arguments rather than nested functions: nested functions capturing
    // the loop's variables made them heap boxes, allocated for every list.
    @inline(__always)
    private static func writePositions(_ pos: UnsafeBufferPointer<UInt32>?, _ forms: UnsafeBufferPointer<UInt32>?, _ formBits: Int,
                                       _ freq: UInt32, _ posIndex: inout Int,
                                       _ chunker: inout PositionChunker, _ positions: inout ByteBuffer) {
        guard let pos else { return }
        var prev: UInt32 = 0
        if formBits > 0 {
            // A gap too large for the bits left is stored as the largest that fits (FORMAT.md:
            // fields of over 2^(32 − formBits) tokens lose their positions' precision there).
            // No `forms`: every form ordinal is 0.
            let limit = UInt32.max >> UInt32(formBits)
            for k in 0..<Int(freq) {
                let p = pos[posIndex + k]
                let gap = min(k == 0 ? p : p - prev, limit)
                chunker.add(gap << UInt32(formBits) | (forms?[posIndex + k] ?? 0), into: &positions)
                prev = p
            }
        } else {
            for k in 0..<Int(freq) {
                let p = pos[posIndex + k]
                chunker.add(k == 0 ? p : p - prev, into: &positions)
                prev = p
            }
        }
        posIndex += Int(freq)
    }

    /// Where the next position goes: its chunk's offset from the list's positions start,
    /// and its index in that chunk.
    @inline(__always)
    private static func positionsLocation(_ hasPositions: Bool, at offset: Int, _ postings: inout ByteBuffer,
                                          _ chunkOffset: Int, _ chunker: PositionChunker) {
        guard hasPositions else { return }
        postings.setLE(UInt32(chunkOffset), at: offset)
        postings.setByte(UInt8(chunker.pending), at: offset + 4)
    }
}

/// Cuts one list's position values into chunks of 128: full chunks bit-packed at their own
/// width, the last (shorter) one packed or as varints, whichever is smaller (FORMAT.md).
struct PositionChunker {
    // No default value: a property's default is built by every initializer, the placeholder's
    // too.
    private var values: [UInt32]
    /// Values waiting in the current chunk.
    private(set) var pending = 0

    init() { values = [UInt32](repeating: 0, count: BitPacking.blockSize) }

    private init(values: [UInt32]) { self.values = values }

    /// A chunker without storage, only to be swapped with a real one (making a real one per
    /// posting list cost an allocation each, 1.5% of building synth-10k).
    static var placeholder: PositionChunker { PositionChunker(values: []) }

    /// Starts a new list.
    mutating func reset() { pending = 0 }

    @inline(__always)
    mutating func add(_ v: UInt32, into out: inout ByteBuffer) {
        values[pending] = v
        pending += 1
        if pending == BitPacking.blockSize {
            var maxValue: UInt32 = 0
            for x in values { maxValue |= x }
            let w = BitPacking.width(of: maxValue)
            out.append(UInt8(w))
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: w, into: &out) }
            pending = 0
        }
    }

    /// Writes the last, partial chunk.
    mutating func finish(into out: inout ByteBuffer) {
        guard pending > 0 else { return }
        var maxValue: UInt32 = 0
        var varintBytes = 0
        for i in 0..<pending {
            maxValue |= values[i]
            varintBytes += PositionChunker.varintSize(values[i])
        }
        let w = BitPacking.width(of: maxValue)
        if varintBytes < (pending * w + 7) / 8 {
            out.append(PostingsLayout.varintChunk)
            for i in 0..<pending { out.appendVarint(values[i]) }
        } else {
            out.append(UInt8(w))
            var bits = BitWriter()
            for i in 0..<pending { bits.write(values[i], width: w, into: &out) }
            bits.finish(into: &out)
        }
        pending = 0
    }

    static func varintSize(_ v: UInt32) -> Int {
        v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5
    }
}

/// Sizes and the impact encoding shared by the encoder and the cursor.
struct PostingsLayout {
    /// (freq code, length code) pairs per impact list.
    static let impactCount = 4
    /// Tails of at most this many documents are varints; longer ones are bit-packed.
    static let varintTailMax = 2
    /// The header byte of a positions chunk stored as varints.
    static let varintChunk: UInt8 = 0xFF

    /// lastDoc, blockOffset, [positions chunk, index in chunk], impacts.
    let entrySize: Int
    /// tailOffset, [positions chunk, index in chunk], the tail's impacts, the whole list's.
    let locatorSize: Int
    let impactsInEntry: Int
    let impactsInLocator: Int

    init(hasPositions: Bool) {
        let positions = hasPositions ? 5 : 0
        impactsInEntry = 8 + positions
        entrySize = impactsInEntry + 2 * PostingsLayout.impactCount
        impactsInLocator = 4 + positions
        locatorSize = impactsInLocator + 4 * PostingsLayout.impactCount
    }

    /// Writes the Pareto frontier of quantised (freq, length) pairs — no pair has both a
    /// higher freq and a shorter length than another — reduced to `impactCount` pairs. Each
    /// written pair is (max freq, min length) of a run of the frontier, so it dominates the
    /// run: a score that grows with freq and falls with length is bounded by the best written
    /// pair for any k1, b and average length. Unused slots are (0, 0).
    ///
    /// Appends the written pairs to `written`. The frontier is found from the
    /// largest freq code at each length code (256 of them) rather than by sorting the pairs:
    /// sorting every block's 128 pairs was a tenth of writing a segment.
    static func writeImpacts(_ pairs: [ImpactCode.Pair], into out: inout ByteBuffer, at offset: Int,
                             appendingTo written: inout [ImpactCode.Pair]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { best in
            best.initialize(repeating: 0)
            var lo = 255
            var hi = 0
            for p in pairs {
                let l = Int(p.length)
                if p.freq > best[l] { best[l] = p.freq }
                lo = min(lo, l)
                hi = max(hi, l)
            }
            // The frontier: by length, each pair whose freq beats every shorter length's.
            withUnsafeTemporaryAllocation(of: ImpactCode.Pair.self, capacity: 256) { frontier in
                var m = 0
                var top: UInt8 = 0
                if lo <= hi {
                    for l in lo...hi where best[l] > top {
                        top = best[l]
                        frontier[m] = ImpactCode.Pair(freq: top, length: UInt8(l))
                        m += 1
                    }
                }
                let groups = min(m, impactCount)
                for g in 0..<impactCount {
                    var p = ImpactCode.Pair(freq: 0, length: 0)
                    if g < groups {
                        if m <= impactCount {
                            p = frontier[g]
                        } else {
                            // Frontier runs of near-equal size; each run's representative
                            // (its max freq, min length) dominates it.
                            let a = g * m / impactCount
                            let b = (g + 1) * m / impactCount
                            // Along the frontier freq rises with length: the run's max freq
                            // is its last pair's, its min length its first pair's.
                            p = ImpactCode.Pair(freq: frontier[b - 1].freq, length: frontier[a].length)
                        }
                        written.append(p)
                    }
                    out.setByte(p.freq, at: offset + g * 2)
                    out.setByte(p.length, at: offset + g * 2 + 1)
                }
            }
        }
    }
}

extension ImpactCode {
    /// A quantised (freq, length) pair: freq rounded up, length rounded down.
    struct Pair {
        var freq: UInt8
        var length: UInt8
    }

    @inline(__always)
    static func pair(freq: UInt32, length: UInt32) -> Pair {
        Pair(freq: freqCode(freq), length: lengthCode(length))
    }
}
