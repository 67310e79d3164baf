/// A one-hash Bloom filter over `OrganisationToken` hashes: "no" is certain, "maybe" needs the
/// real lookup. The linker tests every token against the gazetteer's first words, and a bit
/// test is far cheaper than hashing a String for a dictionary that almost never has it.
struct KeyFilter: Sendable {
    private var bits: [UInt64]
    private let mask: Int

    /// 65,536 bits by default: about 2% false positives at 1,500 keys. A document's own few
    /// keys (its learnt acronyms) take `words: 16`, since clearing 8 KB per document showed up
    /// in the linker's profile.
    init(words: Int = 1024) {
        precondition(words > 0 && words & (words - 1) == 0, "a power of two")
        bits = [UInt64](repeating: 0, count: words)
        mask = words * 64 - 1
    }

    init(_ keys: some Sequence<String>) {
        self.init()
        for key in keys { insert(OrganisationToken.hash(of: key)) }
    }

    mutating func insert(_ hash: UInt64) {
        let bit = Int(truncatingIfNeeded: hash >> 48) & mask
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash >> 48) & mask
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
