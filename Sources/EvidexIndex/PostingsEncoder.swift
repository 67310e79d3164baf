/// Writes posting lists into a segment's postings and positions sections.
///
/// Layout of one list (FORMAT.md, "Postings"): for df ≥ 128 a skip table of ⌊df/128⌋ 44-byte
/// entries and a 72-byte tail locator, then that many bit-packed blocks of 128 documents, then the df mod 128 remaining
/// documents as varint pairs. Doc ids are delta coded; frequencies are stored as freq − 1 in
/// blocks and as freq in the tail.
struct PostingsEncoder {
    /// The two sections as streams: lists are patched in memory while they are encoded, and
    /// the finished ones may spill to disk (`spillIfLarge`), so a segment of any size is
    /// written in bounded memory.
    let postingsStream: SpillFile
    let positionsStream: SpillFile

    /// `spillDirectory` nil keeps both sections in memory.
    init(spillDirectory: String? = nil) {
        postingsStream = SpillFile(directory: spillDirectory, capacity: 1 << 20)
        positionsStream = SpillFile(directory: spillDirectory, capacity: 1 << 20)
        // Offset 0 means "no positions"; keep real streams from starting there.
        positionsStream.tail.append(0)
    }

    /// Moves finished lists to disk when enough have collected.
    func spillIfLarge() {
        postingsStream.spillIfLarge()
        positionsStream.spillIfLarge()
    }

    /// Encodes one list. `docs` ascending; `freqs[i]` occurrences in docs[i]; `positions`, when
    /// present, holds each doc's positions in order (sum of freqs entries, ascending per doc).
    /// `length(doc)` gives the field length used for the per-block bounds.
    mutating func encode(
        docs: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>,
        positions pos: UnsafeBufferPointer<UInt32>?, length: (UInt32) -> UInt32
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
        let blockSize = BitPacking.blockSize
        let fullBlocks = df / blockSize
        var maxFreq: UInt32 = 0
        var minLength = UInt32.max

        var skipTableAt = 0
        if fullBlocks > 0 {
            skipTableAt = postings.count
            // A skip entry per block, then the tail locator (FORMAT.md).
            for _ in 0..<((fullBlocks * PostingsLayout.skipEntrySize + PostingsLayout.tailLocatorSize) / 4) { postings.appendLE(UInt32(0)) }
        }
        let blocksStart = postings.count

        var prevDoc: UInt32 = 0
        var posIndex = 0
        var scratch = [UInt32](repeating: 0, count: blockSize)
        var scratch2 = [UInt32](repeating: 0, count: blockSize)

        func writePositions(_ freq: UInt32) {
            guard let pos else { return }
            var prev: UInt32 = 0
            for k in 0..<Int(freq) {
                let p = pos[posIndex + k]
                positions.appendVarint(k == 0 ? p : p - prev)
                prev = p
            }
            posIndex += Int(freq)
        }

        var pairs: [(freq: UInt32, length: UInt32)] = []
        pairs.reserveCapacity(blockSize)
        // The blocks' impacts (each dominating its block), for the list-wide impacts.
        var allPairs: [(freq: UInt32, length: UInt32)] = []
        for b in 0..<fullBlocks {
            let blockOffset = UInt32(postings.count - blocksStart)
            let blockPositions = UInt32(pos == nil ? 0 : positions.count - positionsStart)
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
                let len = length(d)
                pairs.append((f, len))
                maxFreq = max(maxFreq, f)
                minLength = min(minLength, len)
                writePositions(f)
            }
            let dw = BitPacking.width(of: maxDelta)
            let fw = BitPacking.width(of: maxF)
            postings.append(UInt8(dw))
            postings.append(UInt8(fw))
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, width: dw, into: &postings) }
            scratch2.withUnsafeBufferPointer { BitPacking.pack($0, width: fw, into: &postings) }
            let entry = skipTableAt + b * PostingsLayout.skipEntrySize
            postings.setLE(prevDoc, at: entry)
            postings.setLE(blockOffset, at: entry + 4)
            postings.setLE(blockPositions, at: entry + 8)
            allPairs += PostingsLayout.writeImpacts(pairs, into: &postings, at: entry + 12)
        }
        let tailEntry = skipTableAt + fullBlocks * PostingsLayout.skipEntrySize
        if fullBlocks > 0 {
            postings.setLE(UInt32(postings.count - blocksStart), at: tailEntry)
            postings.setLE(UInt32(pos == nil ? 0 : positions.count - positionsStart), at: tailEntry + 4)
        }
        pairs.removeAll(keepingCapacity: true)
        for i in (fullBlocks * blockSize)..<df {
            let d = docs[i]
            let f = freqs[i]
            // The low bit says "freq is 1" (most tail postings), saving the freq varint.
            let gap = i == 0 ? d : d - prevDoc
            postings.appendVarint64(UInt64(gap) << 1 | (f == 1 ? 1 : 0))
            if f != 1 { postings.appendVarint(f) }
            prevDoc = d
            let len = length(d)
            pairs.append((f, len))
            maxFreq = max(maxFreq, f)
            minLength = min(minLength, len)
            writePositions(f)
        }
        if fullBlocks > 0 {
            allPairs += PostingsLayout.writeImpacts(pairs, into: &postings, at: tailEntry + 8)
            PostingsLayout.writeImpacts(allPairs, into: &postings, at: tailEntry + 8 + PostingsLayout.impactCount * 8)
        }
        return TermInfo(
            docFreq: UInt32(df), groupDocFreq: UInt32(df), postingsOffset: UInt64(postingsStream.spilled + postingsStart),
            positionsOffset: pos == nil ? 0 : UInt64(positionsStream.spilled + positionsStart), maxFreq: maxFreq,
            minLength: minLength == .max ? 0 : minLength)
    }
}

/// Sizes and the impact encoding shared by the encoder and the cursor.
enum PostingsLayout {
    /// lastDoc, blockOffset, positionsOffset, then `impactCount` (freq, length) pairs.
    static let skipEntrySize = 12 + impactCount * 8
    /// tailOffset, tailPositionsOffset, the tail's impacts, then the whole list's impacts.
    static let tailLocatorSize = 8 + 2 * impactCount * 8
    static let impactCount = 4

    /// Writes the Pareto frontier of (freq, length) pairs — no pair has both a higher freq and a
    /// shorter length than another — reduced to `impactCount` pairs. Each written pair is
    /// (max freq, min length) of a run of the frontier, so it dominates the run: a score that
    /// grows with freq and falls with length is bounded by the best written pair for any
    /// k1, b and average length. Unused slots are (0, 0).
    @discardableResult
    static func writeImpacts(_ pairs: [(freq: UInt32, length: UInt32)], into out: inout ByteBuffer, at offset: Int) -> [(freq: UInt32, length: UInt32)] {
        let sorted = pairs.sorted { $0.length != $1.length ? $0.length < $1.length : $0.freq > $1.freq }
        var frontier: [(freq: UInt32, length: UInt32)] = []
        for p in sorted where frontier.last.map({ p.freq > $0.freq }) ?? true { frontier.append(p) }
        var groups: [(freq: UInt32, length: UInt32)] = []
        if frontier.count <= impactCount {
            groups = frontier
        } else {
            // Frontier runs of near-equal size; each run's representative dominates it.
            for g in 0..<impactCount {
                let lo = g * frontier.count / impactCount
                let hi = (g + 1) * frontier.count / impactCount
                let run = frontier[lo..<hi]
                groups.append((run.map(\.freq).max()!, run.map(\.length).min()!))
            }
        }
        for i in 0..<impactCount {
            let p = i < groups.count ? groups[i] : (freq: UInt32(0), length: UInt32(0))
            out.setLE(p.freq, at: offset + i * 8)
            out.setLE(p.length, at: offset + i * 8 + 4)
        }
        return groups
    }
}
