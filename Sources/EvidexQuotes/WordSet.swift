/// A set of words for the closed word lists, looked up once or more per token. `Set<String>`
/// hashes with SipHash and a per-process seed, which made these lookups a tenth of the
/// annotation time; this set hashes the UTF-8 of ASCII words with FNV-1a and probes an open
/// table. Non-ASCII words are looked up in a `Set<String>` instead, because String equality is
/// canonical equivalence and only that keeps every answer the same as before.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let hashes: [UInt64]
    private let words: [String?]
    private let mask: Int
    private let all: Set<String>
    /// Some word is not ASCII: a miss in the table is then checked in `all` too.
    private let hasNonASCII: Bool

    init(_ elements: some Sequence<String>) {
        all = Set(elements)
        var size = 8
        while size < all.count * 4 { size *= 2 }
        var hashes = [UInt64](repeating: 0, count: size)
        var words = [String?](repeating: nil, count: size)
        var hasNonASCII = false
        for w in all {
            guard let h = Self.asciiHash(w) else {
                hasNonASCII = true
                continue
            }
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while words[i] != nil { i = (i + 1) & (size - 1) }
            hashes[i] = h
            words[i] = w
        }
        self.hashes = hashes
        self.words = words
        mask = size - 1
        self.hasNonASCII = hasNonASCII
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// FNV-1a of the UTF-8, or nil for a word that is not all ASCII.
    @inline(__always)
    static func asciiHash(_ s: String) -> UInt64? {
        // the bytes in place (iterating the UTF-8 view costs several times more); `withUTF8`
        // only for a string that does not hold them contiguously (it costs a uniqueness check)
        @inline(__always) func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            var h = seed
            var high: UInt8 = 0
            for b in bytes {
                high |= b
                h = step(h, UInt32(b))
            }
            return high < 0x80 ? h : nil
        }
        if let h = s.utf8.withContiguousStorageIfAvailable(hash) { return h }
        var s = s
        return s.withUTF8(hash)
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt32) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    func contains(_ s: String) -> Bool {
        guard let h = Self.asciiHash(s) else { return all.contains(s) }
        return contains(s, hash: h)
    }

    /// Whether the token's lower-case form is in the set, using the hash the tokenizer made
    /// and comparing in place, so that an ASCII token needs no string.
    @inline(__always)
    func contains(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard t.lowerASCII else { return contains(t.lower(scalars)) }
        return contains(hash: t.lowerHash) { t.isLower($0, scalars) } string: { t.lower(scalars) }
    }

    /// `contains(s, hash: h)` for an ASCII word `s` that is not made unless needed: `equals`
    /// compares a word of the set with it, `string` makes it.
    @inline(__always)
    func contains(hash h: UInt64, equals: (String) -> Bool, string: () -> String) -> Bool {
        var i = Int(truncatingIfNeeded: h) & mask
        while let w = words[i] {
            if hashes[i] == h && equals(w) { return true }
            i = (i + 1) & mask
        }
        return hasNonASCII && all.contains(string())
    }

    /// Whether an organisation token's `key` is in the set.
    @inline(__always)
    func contains(key t: OrganisationToken, _ scalars: [Unicode.Scalar]) -> Bool {
        contains(t, .key, hash: t.keyHash, scalars)
    }

    /// Whether an organisation token's `stemKey` is in the set.
    @inline(__always)
    func contains(stemKey t: OrganisationToken, _ scalars: [Unicode.Scalar]) -> Bool {
        contains(t, .stem, hash: t.stemHash, scalars)
    }

    /// `contains(t.string(form, scalars))`: an ASCII token is probed with its hash and
    /// compared with the word in place, so most lookups make no string.
    private func contains(_ t: OrganisationToken, _ form: OrganisationToken.Form, hash h: UInt64,
                          _ scalars: [Unicode.Scalar]) -> Bool {
        guard t.isASCII && !t.isAmpersand else { return contains(t.string(form, scalars)) }
        var i = Int(truncatingIfNeeded: h) & mask
        while let w = words[i] {
            if hashes[i] == h && t.equals(form, w, scalars) { return true }
            i = (i + 1) & mask
        }
        return hasNonASCII && all.contains(t.string(form, scalars))
    }

    /// `contains` for an ASCII word whose `asciiHash` is `h`.
    @inline(__always)
    func contains(_ s: String, hash h: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: h) & mask
        while let w = words[i] {
            if hashes[i] == h && w == s { return true }
            i = (i + 1) & mask
        }
        return hasNonASCII && all.contains(s)
    }
}
