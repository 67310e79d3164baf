/// The term dictionary of a segment: sorted term keys with their `TermInfo`s, front-coded in
/// blocks of `blockSize` terms (FORMAT.md, "Term dictionary"). A lookup binary-searches the
/// first keys of the blocks, then decodes one block; prefix scans walk blocks in order.
enum TermDictionaryWriter {
    static let blockSize = 32

    /// Returns (block first keys as a string table, block offsets, blocks).
    static func encode(keys: [[UInt8]], infos: [TermInfo]) -> (ByteBuffer, ByteBuffer, ByteBuffer) {
        var builder = TermDictionaryBuilder()
        for (k, info) in zip(keys, infos) { builder.add(k, info) }
        return builder.finish()
    }

    /// Whether a term key is in the stem namespace (no positions, a group document count).
    @inline(__always)
    static func isStem(_ key: [UInt8]) -> Bool { key.count >= 2 && key[1] == TermNamespace.stem.rawValue }
}

/// Encodes a term dictionary as its keys arrive in order, so a writer never holds every key
/// and term info of a segment at once (a merge of synth-100k's segments held 1.4 M of each,
/// about 100 MB, to encode them at the end): only the encoded blocks (about 12 bytes a term)
/// and each block's first key.
struct TermDictionaryBuilder {
    private var firstKeys: [[UInt8]] = []
    private var offsets: [UInt64] = []
    private var blocks = ByteBuffer()
    private var count = 0
    private var prevKey: [UInt8] = []
    private var prevPost: UInt64 = 0
    private var prevPos: UInt64 = 0

    /// Adds the next term; keys must arrive in increasing byte order.
    mutating func add(_ k: [UInt8], _ info: TermInfo) {
        if count % TermDictionaryWriter.blockSize == 0 {
            firstKeys.append(k)
            offsets.append(UInt64(blocks.count))
            prevKey.removeAll(keepingCapacity: true)
            prevPost = 0
            prevPos = 0
        }
        count += 1
        var shared = 0
        let limit = min(prevKey.count, k.count)
        while shared < limit && prevKey[shared] == k[shared] { shared += 1 }
        let suffix = k.count - shared
        // Both lengths in one byte when they fit a nibble; 15 says "varint follows".
        blocks.append(UInt8(min(shared, 15) << 4 | min(suffix, 15)))
        if shared >= 15 { blocks.appendVarint(UInt32(shared)) }
        if suffix >= 15 { blocks.appendVarint(UInt32(suffix)) }
        blocks.append(contentsOf: k[shared...])
        blocks.appendVarint(info.docFreq)
        let stem = TermDictionaryWriter.isStem(k)
        if stem {
            blocks.appendVarint(info.groupDocFreq - info.docFreq)
        } else {
            precondition(info.groupDocFreq == info.docFreq, "only stem-namespace terms have a group")
        }
        blocks.appendVarint64(info.postingsOffset - prevPost)
        prevPost = info.postingsOffset
        if stem {
            precondition(info.positionsOffset == 0, "stem-namespace lists have no positions")
        } else {
            blocks.appendVarint64(info.positionsOffset &- prevPos)
            prevPos = info.positionsOffset
        }
        // Copied, not shared: callers reuse one key buffer, which sharing would make copy.
        prevKey.removeAll(keepingCapacity: true)
        prevKey.append(contentsOf: k)
    }

    /// Adds this builder's terms after `other`'s, their offsets moved by the given amounts (for
    /// lists written after the other builder's; positions only for exact-namespace terms, the
    /// ones with positions: the first of them may well be at offset 0 here).
    func appendEntries(to other: inout TermDictionaryBuilder, postingsShift: UInt64, positionsShift: UInt64) throws(IndexError) {
        guard count > 0 else { return }
        let (keys, offsets, blocks) = finish()
        try keys.bytes.withRawBytes { (k) throws(IndexError) in
            try offsets.bytes.withRawBytes { (o) throws(IndexError) in
                try blocks.bytes.withRawBytes { (b) throws(IndexError) in
                    let dictionary = try TermDictionary(firstKeys: try StringTable(k), offsets: o, blocks: b)
                    var cursor = TermDictionaryCursor(dictionary)
                    while !cursor.isAtEnd {
                        var info = cursor.info
                        info.postingsOffset += postingsShift
                        let key = cursor.key
                        if !TermDictionaryWriter.isStem(key) { info.positionsOffset += positionsShift }
                        other.add(key, info)
                        cursor.next()
                    }
                    if cursor.isDamaged { throw .corrupt("a merged term dictionary failed to decode") }
                }
            }
        }
    }

    /// (block first keys as a string table, u32 term count and u64 block offsets, blocks).
    func finish() -> (ByteBuffer, ByteBuffer, ByteBuffer) {
        var o = ByteBuffer(capacity: 4 + offsets.count * 8)
        o.appendLE(UInt32(count))
        for v in offsets { o.appendLE(v) }
        return (StringTableWriter.encode(firstKeys), o, blocks)
    }
}

/// Reads a term dictionary from a mapped segment.
struct TermDictionary {
    let firstKeys: StringTable
    let offsets: UnsafeRawPointer
    let blocks: UnsafeRawBufferPointer
    let count: Int
    var blockCount: Int { firstKeys.count }
    /// The first 8 bytes of each block's first key as a big-endian integer (zero-padded), built
    /// at open (8 bytes a block): the binary search of a lookup compares integers and reads the
    /// string table only where two prefixes tie. Comparing first keys with memcmp was a third
    /// of a dictionary lookup, and a rare-term query makes twelve (four keys per segment).
    private let prefixes: [UInt64]

    init(firstKeys: StringTable, offsets: UnsafeRawBufferPointer, blocks: UnsafeRawBufferPointer) throws(IndexError) {
        guard offsets.count >= 4 else { throw .corrupt("term dictionary offsets too short") }
        self.firstKeys = firstKeys
        self.count = Int(loadLE32(offsets.baseAddress!, 0))
        self.offsets = offsets.baseAddress! + 4
        self.blocks = blocks
        let expected = (count + TermDictionaryWriter.blockSize - 1) / TermDictionaryWriter.blockSize
        guard firstKeys.count == expected, offsets.count == 4 + expected * 8 else {
            throw .corrupt("term dictionary has \(firstKeys.count) blocks for \(count) terms")
        }
        let n = firstKeys.count
        prefixes = [UInt64](unsafeUninitializedCapacity: n) { out, made in
            let end = firstKeys.base.baseAddress! + firstKeys.base.count
            for i in 0..<n {
                let k = firstKeys.bytes(i)
                out[i] = TermDictionary.prefix(k, readable: k.baseAddress.map { end - $0 } ?? 0)
            }
            made = n
        }
    }

    /// The first 8 bytes of a key, big-endian, zero-padded: ordered like the keys themselves
    /// except that keys sharing their first 8 bytes (or differing only by trailing zero bytes)
    /// tie, and ties need the bytes compared.
    @inline(__always)
    static func prefix(_ key: UnsafeRawBufferPointer) -> UInt64 {
        prefix(key, readable: key.count)
    }

    /// `prefix(key)` where `readable` bytes from the key's start may be read (≥ key.count): with
    /// 8 readable, one load and a mask instead of a loop over a short key's bytes.
    @inline(__always)
    static func prefix(_ key: UnsafeRawBufferPointer, readable: Int) -> UInt64 {
        guard let p = key.baseAddress, key.count > 0 else { return 0 }
        if readable >= 8 {
            let v = UInt64(bigEndian: p.loadUnaligned(as: UInt64.self))
            return key.count >= 8 ? v : v & ~(UInt64.max >> UInt64(8 * key.count))
        }
        var v: UInt64 = 0
        for i in 0..<key.count { v |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << (56 - 8 * UInt64(i)) }
        return v
    }

    /// Decodes block b in place (keys rebuilt in a stack buffer, no allocation), calling
    /// body(ordinal, key, info) for each term until it returns false. The key bytes are valid
    /// only during the call. Returns false when stopped early or the block is damaged.
    func decode(block b: Int, _ body: (Int, UnsafeRawBufferPointer, TermInfo) -> Bool) -> Bool {
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { scratch -> Bool in
            var at = Int(truncatingIfNeeded: loadLE64(offsets, b * 8))
            let first = b * TermDictionaryWriter.blockSize
            let end = min(first + TermDictionaryWriter.blockSize, count)
            var len = 0
            var entry = BlockEntryReader()
            let limit = blocks.count
            for t in first..<end {
                // A damaged offset or length must not lead outside the dictionary.
                guard at >= 0, at < limit else { return false }
                let (shared, suffix) = entry.lengths(base, &at)
                guard shared <= len, shared + suffix <= scratch.count, suffix <= limit - at else { return false }
                (scratch.baseAddress! + shared).update(from: base + at, count: suffix)
                at += suffix
                len = shared + suffix
                let info = entry.info(base, &at, stem: len >= 2 && scratch[1] == TermNamespace.stem.rawValue)
                if !body(t, UnsafeRawBufferPointer(start: scratch.baseAddress, count: len), info) { return false }
            }
            return true
        }
    }

    /// `decode` with keys copied out, for callers that keep them.
    func scan(block b: Int, _ body: (Int, [UInt8], TermInfo) -> Bool) -> Bool {
        decode(block: b) { t, key, info in body(t, Array(key), info) }
    }

    /// The block whose first key is the greatest ≤ key (−1 if key sorts before every term).
    func block(for key: UnsafeRawBufferPointer) -> Int {
        let kp = TermDictionary.prefix(key)
        return prefixes.withUnsafeBufferPointer { p -> Int in
            var lo = 0
            var hi = p.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let pm = p[mid]
                let before = pm != kp ? pm < kp : compareBytes(firstKeys.bytes(mid), key) <= 0
                if before { lo = mid + 1 } else { hi = mid }
            }
            return lo - 1
        }
    }

    /// Exact lookup: one binary search over the blocks' first keys, then one block walked in
    /// place. Keys are never rebuilt: front coding says how each key relates to the target.
    /// With `matched` the common prefix of the previous key (< target) and the target, a key
    /// sharing fewer bytes with the previous one sorts after the target (stop), more bytes
    /// before it (skip), and only one sharing exactly `matched` bytes needs its suffix compared.
    /// Entries passed over only add their offset deltas: their document counts are skipped.
    func info(_ key: [UInt8]) -> TermInfo? {
        key.withUnsafeBytes { k in info(k) }
    }

    func info(_ k: UnsafeRawBufferPointer) -> TermInfo? {
        let b = block(for: k)
        if b < 0 { return nil }
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let kb = k.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let kn = k.count
        var at = Int(truncatingIfNeeded: loadLE64(offsets, b * 8))
        let first = b * TermDictionaryWriter.blockSize
        let n = min(TermDictionaryWriter.blockSize, count - first)
        var matched = 0
        // The offsets of the entries passed, which later entries' are deltas from.
        var post: UInt64 = 0
        var pos: UInt64 = 0
        // The namespace byte (key byte 1) of the current key: which info fields follow.
        var namespace: UInt8 = 0
        let limit = blocks.count
        for _ in 0..<n {
            guard at >= 0, at < limit else { return nil }
            // Wrapping arithmetic: every value is bounded by the checks (`at` < limit, a suffix
            // within the section), and the overflow checks were a fifth of the walk.
            let lengths = base[at]
            at &+= 1
            var shared = Int(lengths >> 4)
            if shared == 15 { shared = Int(readVarint(base, &at)) }
            var suffix = Int(lengths & 15)
            if suffix == 15 { suffix = Int(readVarint(base, &at)) }
            guard suffix >= 0, suffix <= limit &- at else { return nil }
            let s = at
            at &+= suffix
            if shared < 2 && 1 &- shared < suffix { namespace = base[s &+ 1 &- shared] }
            let stem = namespace == TermNamespace.stem.rawValue
            if shared < matched { return nil }
            if shared == matched {
                var i = 0
                while i < suffix && matched + i < kn && base[s + i] == kb[matched + i] { i += 1 }
                let m = matched + i
                if i == suffix {
                    if m == kn {
                        // Found: its info, read as `BlockEntryReader.info` reads it.
                        return BlockEntryReader.readInfo(base, &at, stem: stem, post: &post, pos: &pos)
                    }
                    matched = m  // the key is a proper prefix of the target
                } else {
                    if m == kn || base[s + i] > kb[m] { return nil }
                    matched = m
                }
            }
            // Passed over (sorts before the target): its offsets only, not its counts.
            skipVarint(base, &at)
            if stem { skipVarint(base, &at) }
            post &+= readShortVarint64(base, &at)
            if !stem { pos &+= readShortVarint64(base, &at) }
        }
        return nil
    }

    /// Calls body for every term whose key starts with `prefix`, in order.
    func forEach(withPrefix prefix: [UInt8], _ body: (Int, [UInt8], TermInfo) -> Void) {
        prefix.withUnsafeBytes { p in
            var b = max(block(for: p), 0)
            while b < blockCount {
                var done = false
                let go = scan(block: b) { o, k, info in
                    if k.count >= prefix.count && k[0..<prefix.count].elementsEqual(prefix) {
                        body(o, k, info)
                        return true
                    }
                    if k.lexicographicallyPrecedes(prefix) { return true }
                    done = true
                    return false
                }
                if done || !go { return }
                b += 1
            }
        }
    }

    /// Calls body for every term in order.
    func forEach(_ body: (Int, [UInt8], TermInfo) -> Void) {
        for b in 0..<blockCount { _ = scan(block: b) { o, k, i in body(o, k, i); return true } }
    }

    func entry(ordinal: Int) -> ([UInt8], TermInfo) {
        var out: ([UInt8], TermInfo)?
        _ = scan(block: ordinal / TermDictionaryWriter.blockSize) { o, k, i in
            if o == ordinal { out = (k, i); return false }
            return true
        }
        return out!
    }
}

/// Reads the entries of a dictionary block in order (FORMAT.md, "Term dictionary"): each entry's
/// key lengths, then its info, whose offsets are deltas from the previous entry's.
struct BlockEntryReader {
    private var post: UInt64 = 0
    private var pos: UInt64 = 0

    /// (bytes shared with the previous key, suffix length); `at` is left at the suffix.
    @inline(__always)
    func lengths(_ base: UnsafePointer<UInt8>, _ at: inout Int) -> (shared: Int, suffix: Int) {
        let lengths = base[at]
        at += 1
        var shared = Int(lengths >> 4)
        if shared == 15 { shared = Int(readVarint(base, &at)) }
        var suffix = Int(lengths & 15)
        if suffix == 15 { suffix = Int(readVarint(base, &at)) }
        return (shared, suffix)
    }

    /// The info after a key; stem-namespace keys carry a group count and no positions.
    @inline(__always)
    mutating func info(_ base: UnsafePointer<UInt8>, _ at: inout Int, stem: Bool) -> TermInfo {
        Self.readInfo(base, &at, stem: stem, post: &post, pos: &pos)
    }

    /// `info` on offsets kept by the caller (the dictionary's lookup walks a block without a
    /// reader).
    @inline(__always)
    static func readInfo(_ base: UnsafePointer<UInt8>, _ at: inout Int, stem: Bool,
                         post: inout UInt64, pos: inout UInt64) -> TermInfo {
        let df = readVarint(base, &at)
        let extra = stem ? readVarint(base, &at) : 0
        // Wrapping: a damaged block gives absurd values (cursors refuse them), not a trap.
        post &+= readVarint64(base, &at)
        var positions: UInt64 = 0
        if !stem {
            pos &+= readVarint64(base, &at)
            positions = pos
        }
        return TermInfo(docFreq: df, groupDocFreq: df &+ extra, postingsOffset: post, positionsOffset: positions)
    }
}

/// Moves past a varint of at most 5 bytes (a u32), like `readVarint` without the value.
@inline(__always)
func skipVarint(_ p: UnsafePointer<UInt8>, _ offset: inout Int) {
    var n = 0
    while n < 4 && p[offset &+ n] >= 0x80 { n &+= 1 }
    offset &+= n &+ 1
}

/// `readVarint64` with the one- and two-byte values (most offset deltas in a dictionary
/// block) decoded without the loop.
@inline(__always)
func readShortVarint64(_ p: UnsafePointer<UInt8>, _ offset: inout Int) -> UInt64 {
    let b0 = p[offset]
    if b0 < 0x80 {
        offset &+= 1
        return UInt64(b0)
    }
    let b1 = p[offset &+ 1]
    if b1 < 0x80 {
        offset &+= 2
        return UInt64(b0 & 0x7F) | UInt64(b1) << 7
    }
    return readVarint64(p, &offset)
}

@inline(__always)
func readVarint64(_ p: UnsafePointer<UInt8>, _ offset: inout Int) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
        let b = p[offset]
        offset += 1
        result |= UInt64(b & 0x7F) << shift
        if b < 0x80 || shift >= 63 { return result }
        shift += 7
    }
}
