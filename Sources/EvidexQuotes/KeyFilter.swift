/// A one-hash Bloom filter over `OrganisationToken` hashes: "no" is certain, "maybe" needs the
/// real lookup. The linker tests every token against the gazetteer's first words, and a bit
/// test is far cheaper than hashing a String for a dictionary that almost never has it.
struct KeyFilter: Sendable {
    private static let wordCount = 1024   // 65,536 bits: about 2% false positives at 1,500 keys
    private var bits = [UInt64](repeating: 0, count: KeyFilter.wordCount)

    init() {}

    init(_ keys: some Sequence<String>) {
        for key in keys { insert(OrganisationToken.hash(of: key)) }
    }

    mutating func insert(_ hash: UInt64) {
        let bit = Int(truncatingIfNeeded: hash >> 48)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash >> 48)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
