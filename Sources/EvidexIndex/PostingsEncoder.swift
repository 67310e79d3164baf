/// Writes posting lists into a segment's postings and positions sections.
///
/// Layout of one list (FORMAT.md, "Postings"): for df ≥ 128 a skip table of ⌊df/128⌋ 20-byte
/// entries and an 8-byte tail locator, then that many bit-packed blocks of 128 documents, then the df mod 128 remaining
/// documents as varint pairs. Doc ids are delta coded; frequencies are stored as freq − 1 in
/// blocks and as freq in the tail.
struct PostingsEncoder {
    var postings = ByteBuffer(capacity: 1 << 20)
    var positions = ByteBuffer(capacity: 1 << 20)

    init() {
        // Offset 0 means "no positions"; keep real streams from starting there.
        positions.append(0)
    }

    /// Encodes one list. `docs` ascending; `freqs[i]` occurrences in docs[i]; `positions`, when
    /// present, holds each doc's positions in order (sum of freqs entries, ascending per doc).
    /// `length(doc)` gives the field length used for the per-block bounds.
    mutating func encode(
        docs: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>,
        positions pos: UnsafeBufferPointer<UInt32>?, length: (UInt32) -> UInt32
    ) -> TermInfo {
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
            // 20 bytes per block, then 8 bytes locating the tail: its postings offset
            // (relative to the first block) and its positions offset (relative to the list's).
            for _ in 0..<(fullBlocks * 5 + 2) { postings.appendLE(UInt32(0)) }
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

        for b in 0..<fullBlocks {
            let blockOffset = UInt32(postings.count - blocksStart)
            let blockPositions = UInt32(pos == nil ? 0 : positions.count - positionsStart)
            var maxDelta: UInt32 = 0
            var maxF: UInt32 = 0
            var bMaxFreq: UInt32 = 0
            var bMinLen = UInt32.max
            for i in 0..<blockSize {
                let d = docs[b * blockSize + i]
                let f = freqs[b * blockSize + i]
                let delta = (b == 0 && i == 0) ? d : d - prevDoc
                prevDoc = d
                scratch[i] = delta
                scratch2[i] = f - 1
                maxDelta = max(maxDelta, delta)
                maxF = max(maxF, f - 1)
                bMaxFreq = max(bMaxFreq, f)
                bMinLen = min(bMinLen, length(d))
                writePositions(f)
            }
            let dw = BitPacking.width(of: maxDelta)
            let fw = BitPacking.width(of: maxF)
            postings.append(UInt8(dw))
            postings.append(UInt8(fw))
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, width: dw, into: &postings) }
            scratch2.withUnsafeBufferPointer { BitPacking.pack($0, width: fw, into: &postings) }
            let entry = skipTableAt + b * 20
            postings.setLE(prevDoc, at: entry)
            postings.setLE(blockOffset, at: entry + 4)
            postings.setLE(blockPositions, at: entry + 8)
            postings.setLE(bMaxFreq, at: entry + 12)
            postings.setLE(bMinLen, at: entry + 16)
            maxFreq = max(maxFreq, bMaxFreq)
            minLength = min(minLength, bMinLen)
        }
        if fullBlocks > 0 {
            let tailEntry = skipTableAt + fullBlocks * 20
            postings.setLE(UInt32(postings.count - blocksStart), at: tailEntry)
            postings.setLE(UInt32(pos == nil ? 0 : positions.count - positionsStart), at: tailEntry + 4)
        }
        for i in (fullBlocks * blockSize)..<df {
            let d = docs[i]
            let f = freqs[i]
            postings.appendVarint(i == 0 ? d : d - prevDoc)
            postings.appendVarint(f)
            prevDoc = d
            maxFreq = max(maxFreq, f)
            minLength = min(minLength, length(d))
            writePositions(f)
        }
        _ = postingsStart
        return TermInfo(
            docFreq: UInt32(df), groupDocFreq: UInt32(df), postingsOffset: UInt64(postingsStart),
            positionsOffset: UInt64(positionsStart), maxFreq: maxFreq,
            minLength: minLength == .max ? 0 : minLength)
    }
}
