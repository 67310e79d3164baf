/// The term dictionary of a segment: sorted term keys with their `TermInfo`s, front-coded in
/// blocks of `blockSize` terms (FORMAT.md, "Term dictionary"). A lookup binary-searches the
/// first keys of the blocks, then decodes one block; prefix scans walk blocks in order.
enum TermDictionaryWriter {
    static let blockSize = 32

    /// The namespace byte of a key (0 for a key too short to have one).
    @inline(__always)
    static func namespace(_ key: UnsafeRawBufferPointer) -> UInt8 { key.count >= 2 ? key[1] : 0 }

    static func namespace(_ key: [UInt8]) -> UInt8 { key.count >= 2 ? key[1] : 0 }

    /// Appends a group entry's tail (FORMAT.md): its form count, then each form coded against
    /// the stem (`stem`: the key's term bytes) with its document count. Forms in increasing
    /// byte order; one form equal to the stem is written as a count of 0 (its document count
    /// is the list's).
    static func appendGroupTail<S: Collection<UInt8>, F: Collection<UInt8>>(stem: S, forms: [F], docFreqs: [UInt32],
                                                                         to out: inout [UInt8]) {
        if forms.count == 1 && forms[0].elementsEqual(stem) {
            out.append(0)
            return
        }
        appendVarint(UInt32(forms.count), to: &out)
        for (f, df) in zip(forms, docFreqs) {
            appendCoded(f, against: stem, to: &out)
            appendVarint(df, to: &out)
        }
    }

    /// Appends a form entry's tail: its stem coded against the form (`form`: the key's term).
    static func appendFormTail(form: some Collection<UInt8>, stem: some Collection<UInt8>, to out: inout [UInt8]) {
        appendCoded(stem, against: form, to: &out)
    }

    /// `varint shared, varint suffix length, suffix`: `value` as the bytes it shares with the
    /// start of `base`, then the rest.
    private static func appendCoded(_ value: some Collection<UInt8>, against base: some Collection<UInt8>, to out: inout [UInt8]) {
        let shared = zip(value, base).prefix { $0 == $1 }.count
        appendVarint(UInt32(shared), to: &out)
        appendVarint(UInt32(value.count - shared), to: &out)
        out.append(contentsOf: value.dropFirst(shared))
    }

    private static func appendVarint(_ v: UInt32, to out: inout [UInt8]) {
        var x = v
        while x >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        out.append(UInt8(x))
    }
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

    /// Adds the next term; keys must arrive in increasing byte order. `tail`: a group or form
    /// entry's tail (`TermDictionaryWriter.appendGroupTail`, `appendFormTail`), empty for others.
    mutating func add(_ k: [UInt8], _ info: TermInfo, tail: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
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
        let namespace = TermDictionaryWriter.namespace(k)
        precondition((namespace == TermNamespace.exact.rawValue) == tail.isEmpty, "only group and form entries have a tail")
        if namespace != TermNamespace.form.rawValue {
            blocks.appendVarint(info.docFreq)
            blocks.appendVarint64(info.postingsOffset - prevPost)
            prevPost = info.postingsOffset
            blocks.appendVarint64(info.positionsOffset &- prevPos)
            prevPos = info.positionsOffset
        }
        if !tail.isEmpty { blocks.append(contentsOf: tail) }
        // Copied, not shared: callers reuse one key buffer, which sharing would make copy.
        prevKey.removeAll(keepingCapacity: true)
        prevKey.append(contentsOf: k)
    }

    /// Adds this builder's terms after `other`'s, their offsets moved by the given amounts (for
    /// lists written after the other builder's).
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
                        let key = cursor.key
                        let namespace = TermDictionaryWriter.namespace(key)
                        if namespace != TermNamespace.form.rawValue {
                            info.postingsOffset += postingsShift
                            info.positionsOffset += positionsShift
                        }
                        if namespace == TermNamespace.exact.rawValue {
                            other.add(key, info)
                        } else {
                            guard let tail = dictionary.tail(of: info, namespace: namespace) else {
                                throw .corrupt("a merged term dictionary failed to decode")
                            }
                            other.add(key, info, tail: tail)
                        }
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
                guard let info = entry.info(base, &at, limit: limit, namespace: len >= 2 ? scratch[1] : 0) else { return false }
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
            if shared < matched { return nil }
            if shared == matched {
                var i = 0
                while i < suffix && matched + i < kn && base[s + i] == kb[matched + i] { i += 1 }
                let m = matched + i
                if i == suffix {
                    if m == kn {
                        // Found: its info, read as `BlockEntryReader.info` reads it.
                        return BlockEntryReader.readInfo(base, &at, limit: limit, namespace: namespace, post: &post, pos: &pos)
                    }
                    matched = m  // the key is a proper prefix of the target
                } else {
                    if m == kn || base[s + i] > kb[m] { return nil }
                    matched = m
                }
            }
            // Passed over (sorts before the target): its offsets only, not its counts.
            if namespace != TermNamespace.form.rawValue {
                skipVarint(base, &at)
                post &+= readShortVarint64(base, &at)
                pos &+= readShortVarint64(base, &at)
            }
            if namespace != TermNamespace.exact.rawValue {
                guard BlockEntryReader.skipTail(base, &at, limit: limit, namespace: namespace) else { return nil }
            }
        }
        return nil
    }

    /// An entry's tail (a group's form table, a form's stem) as bytes in the dictionary, nil
    /// when it runs past the blocks (damaged).
    func tail(of info: TermInfo, namespace: UInt8) -> UnsafeRawBufferPointer? {
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var at = Int(info.tailOffset)
        guard at < blocks.count, BlockEntryReader.skipTail(base, &at, limit: blocks.count, namespace: namespace) else { return nil }
        return UnsafeRawBufferPointer(rebasing: blocks[Int(info.tailOffset)..<at])
    }

    /// The words of a group entry with their document counts, in ordinal order (`stem`: the
    /// key's term bytes). Nil when the table is damaged.
    func forms(of info: TermInfo, stem: UnsafeRawBufferPointer) -> [(word: [UInt8], docFreq: UInt32)]? {
        guard let tail = tail(of: info, namespace: TermNamespace.group.rawValue), let base = tail.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var at = 0
        let k = Int(readVarint(p, &at))
        if k == 0 { return [(Array(stem), info.docFreq)] }
        var out: [(word: [UInt8], docFreq: UInt32)] = []
        out.reserveCapacity(k)
        for _ in 0..<k {
            guard let v = BlockEntryReader.decodeCoded(p, &at, limit: tail.count, against: stem), at < tail.count else { return nil }
            out.append((v, readVarint(p, &at)))
        }
        return out
    }

    /// A word's ordinal and document count in a group's form table (`stem`: the key's term
    /// bytes), read in place; nil when the table lacks it or is damaged.
    func form(_ word: UnsafeRawBufferPointer, of info: TermInfo, stem: UnsafeRawBufferPointer) -> (ordinal: UInt32, docFreq: UInt32)? {
        if info.formCount == 0 { return compareBytes(word, stem) == 0 ? (0, info.docFreq) : nil }
        guard let tail = tail(of: info, namespace: TermNamespace.group.rawValue), let base = tail.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let limit = tail.count
        var at = 0
        let k = Int(readVarint(p, &at))
        for i in 0..<k {
            // A record: varint shared (with the stem), varint n, n bytes, varint document count.
            guard at &+ 1 < limit else { return nil }
            let shared = Int(readVarint(p, &at))
            guard at < limit else { return nil }
            let n = Int(readVarint(p, &at))
            guard shared <= stem.count, n <= limit &- at, at &+ n < limit else { return nil }
            var same = shared + n == word.count
            if same { for j in 0..<shared where stem[j] != word[j] { same = false; break } }
            if same { for j in 0..<n where p[at + j] != word[shared + j] { same = false; break } }
            at &+= n
            let df = readVarint(p, &at)
            if same { return (UInt32(i), df) }
        }
        return nil
    }

    /// The stem a form entry names (`form`: the key's term bytes); nil when damaged.
    func stem(of info: TermInfo, form: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let tail = tail(of: info, namespace: TermNamespace.form.rawValue), let base = tail.baseAddress else { return nil }
        var at = 0
        return BlockEntryReader.decodeCoded(base.assumingMemoryBound(to: UInt8.self), &at, limit: tail.count, against: form)
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

    /// The info after a key (by its namespace byte), the entry's tail passed over; nil when
    /// the tail runs past `limit` (damaged).
    @inline(__always)
    mutating func info(_ base: UnsafePointer<UInt8>, _ at: inout Int, limit: Int, namespace: UInt8) -> TermInfo? {
        Self.readInfo(base, &at, limit: limit, namespace: namespace, post: &post, pos: &pos)
    }

    /// `info` on offsets kept by the caller (the dictionary's lookup walks a block without a
    /// reader).
    @inline(__always)
    static func readInfo(_ base: UnsafePointer<UInt8>, _ at: inout Int, limit: Int, namespace: UInt8,
                         post: inout UInt64, pos: inout UInt64) -> TermInfo? {
        var info = TermInfo(docFreq: 0, postingsOffset: 0, positionsOffset: 0)
        if namespace != TermNamespace.form.rawValue {
            info.docFreq = readVarint(base, &at)
            // Wrapping: a damaged block gives absurd values (cursors refuse them), not a trap.
            post &+= readVarint64(base, &at)
            pos &+= readVarint64(base, &at)
            info.postingsOffset = post
            info.positionsOffset = pos
        }
        if namespace != TermNamespace.exact.rawValue {
            guard at >= 0, at < limit, at <= Int(UInt32.max) else { return nil }
            info.tailOffset = UInt32(at)
            if namespace == TermNamespace.group.rawValue {
                var c = at
                info.formCount = readVarint(base, &c)
            }
            guard skipTail(base, &at, limit: limit, namespace: namespace) else { return nil }
        }
        return info
    }

    /// Moves past a group's form table or a form's stem; false when it runs past `limit`.
    @inline(__always)
    static func skipTail(_ base: UnsafePointer<UInt8>, _ at: inout Int, limit: Int, namespace: UInt8) -> Bool {
        // Most groups are their stem alone: a table of one byte, 0.
        if namespace == TermNamespace.group.rawValue && at < limit && base[at] == 0 {
            at &+= 1
            return true
        }
        return skipRecords(base, &at, limit: limit, namespace: namespace)
    }

    private static func skipRecords(_ base: UnsafePointer<UInt8>, _ at: inout Int, limit: Int, namespace: UInt8) -> Bool {
        var records = 1
        if namespace == TermNamespace.group.rawValue {
            guard at < limit else { return false }
            records = Int(readVarint(base, &at))
        }
        for _ in 0..<records {
            // Each record: varint shared, varint suffix length, suffix; a group's, then its
            // document count.
            guard at &+ 1 < limit else { return false }
            skipVarint(base, &at)
            guard at < limit else { return false }
            let n = Int(readVarint(base, &at))
            guard n >= 0, n <= limit &- at else { return false }
            at &+= n
            if namespace == TermNamespace.group.rawValue {
                guard at < limit else { return false }
                skipVarint(base, &at)
            }
        }
        return true
    }

    /// A value coded against `base` (`varint shared, varint suffix length, suffix`).
    static func decodeCoded(_ p: UnsafePointer<UInt8>, _ at: inout Int, limit: Int, against base: UnsafeRawBufferPointer) -> [UInt8]? {
        guard at &+ 1 < limit else { return nil }
        let shared = Int(readVarint(p, &at))
        guard at < limit else { return nil }
        let n = Int(readVarint(p, &at))
        guard shared <= base.count, n >= 0, n <= limit &- at else { return nil }
        var out = Array(base[0..<shared])
        out.append(contentsOf: UnsafeBufferPointer(start: p + at, count: n))
        at &+= n
        return out
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
