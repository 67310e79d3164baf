/// Walks a term dictionary in key order, one decoded block at a time, so that a merge visits
/// the union of several dictionaries without holding every key in memory.
///
/// A block's keys sit end to end in one buffer: a merge of many segments compares keys far more
/// often than it reads them, and one array per key cost an allocation, a free and reference
/// counting on every comparison (a third of a 115-segment merge's time).
struct TermDictionaryCursor {
    private let dictionary: TermDictionary
    private var block = -1
    private var keyBytes: [UInt8] = []
    /// Where each key of the block ends in `keyBytes`.
    private var keyEnds: [Int] = []
    private var infos: [TermInfo] = []
    private var index = 0
    /// The current key's first eight bytes, big-endian, zero-padded, and the next eight: most
    /// comparisons end here (keys start with two bytes of field and namespace, and many terms
    /// share their first six letters).
    private(set) var prefix: UInt64 = 0
    private(set) var prefix2: UInt64 = 0
    /// Set when a block failed to decode; the cursor then stops there.
    private(set) var isDamaged = false

    /// A cursor at the first key ≥ `start` (the first key when nil).
    init(_ dictionary: TermDictionary, from start: [UInt8]? = nil) {
        self.dictionary = dictionary
        keyBytes.reserveCapacity(TermDictionaryWriter.blockSize * 16)
        keyEnds.reserveCapacity(TermDictionaryWriter.blockSize)
        infos.reserveCapacity(TermDictionaryWriter.blockSize)
        if let start {
            // The block holding the start (or, before every first key, the first block).
            block = start.withUnsafeBytes { max(0, dictionary.block(for: $0)) } - 1
            loadNext()
            start.withUnsafeBytes { advance(toAtLeast: $0) }
        } else {
            loadNext()
        }
    }

    var isAtEnd: Bool { index >= infos.count }

    /// The current term's info; only when not at the end.
    var info: TermInfo { infos[index] }

    /// Calls body with the current key's bytes; only when not at the end.
    func withKey<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : keyEnds[index - 1]
        return try keyBytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<keyEnds[index]])) }
    }

    /// The current key's length in bytes; only when not at the end.
    var keyLength: Int { keyEnds[index] - (index == 0 ? 0 : keyEnds[index - 1]) }

    /// The current key as an array.
    var key: [UInt8] {
        let start = index == 0 ? 0 : keyEnds[index - 1]
        return Array(keyBytes[start..<keyEnds[index]])
    }

    /// Orders the current keys of two cursors, neither at its end: < 0, 0 or > 0.
    static func compare(_ a: TermDictionaryCursor, _ b: TermDictionaryCursor) -> Int {
        if a.prefix != b.prefix { return a.prefix < b.prefix ? -1 : 1 }
        if a.prefix2 != b.prefix2 { return a.prefix2 < b.prefix2 ? -1 : 1 }
        return a.withKey { ka in b.withKey { kb in compareBytes(ka, kb) } }
    }

    /// Orders the current key (not at the end) against a key.
    func compare(to key: UnsafeRawBufferPointer) -> Int {
        let kp = TermDictionary.prefix(key)
        if prefix != kp { return prefix < kp ? -1 : 1 }
        return withKey { compareBytes($0, key) }
    }

    mutating func next() {
        index += 1
        if index >= infos.count { loadNext() } else { setPrefix() }
    }

    /// Moves to the first key ≥ key (or the end).
    mutating func advance(toAtLeast key: UnsafeRawBufferPointer) {
        while !isAtEnd && compare(to: key) < 0 { next() }
    }

    private mutating func setPrefix() {
        (prefix, prefix2) = withKey { k in
            (TermDictionary.prefix(k), k.count > 8 ? TermDictionary.prefix(UnsafeRawBufferPointer(rebasing: k[8...])) : 0)
        }
    }

    private mutating func loadNext() {
        keyBytes.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        infos.removeAll(keepingCapacity: true)
        index = 0
        while infos.isEmpty && !isDamaged && block + 1 < dictionary.blockCount {
            block += 1
            let complete = dictionary.decode(block: block) { _, key, info in
                keyBytes.append(contentsOf: key)
                keyEnds.append(keyBytes.count)
                infos.append(info)
                return true
            }
            if !complete { isDamaged = true }
        }
        if !infos.isEmpty { setPrefix() }
    }
}
