import Testing
@testable import EvidexIndex

@Suite("Term dictionary")
struct TermDictionaryTests {
    /// Keys with long shared prefixes, proper prefixes of each other and empty suffixes: the
    /// cases front-coded lookups get wrong.
    static func keys() -> [[UInt8]] {
        var set = Set<[UInt8]>()
        var x: UInt64 = 42
        let alphabet: [UInt8] = Array("abcz".utf8)
        for _ in 0..<3000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(x >> 60) % 7 + 1
            var k: [UInt8] = [UInt8((x >> 33) % 3), UInt8((x >> 40) % 2)]
            var y = x
            for _ in 0..<n {
                k.append(alphabet[Int(y % 4)])
                y /= 4
            }
            set.insert(k)
            set.insert(Array(k.dropLast()))
        }
        return set.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("exact lookups find every key and nothing else")
    func lookups() throws {
        let keys = Self.keys()
        let infos = keys.indices.map { i in
            TermInfo(docFreq: UInt32(i + 1), groupDocFreq: UInt32(i + 1), postingsOffset: UInt64(i * 10),
                     positionsOffset: UInt64(i * 7), maxFreq: UInt32(i % 9 + 1), minLength: UInt32(i % 5))
        }
        let (firstKeys, offsets, blocks) = TermDictionaryWriter.encode(keys: keys, infos: infos)
        try firstKeys.bytes.withRawBytes { (fk) throws(IndexError) in
            try offsets.bytes.withRawBytes { (off) throws(IndexError) in
                try blocks.bytes.withRawBytes { (bl) throws(IndexError) in
                    let dict = try TermDictionary(firstKeys: try StringTable(fk), offsets: off, blocks: bl)
                    for (i, k) in keys.enumerated() {
                        let info = dict.info(k)
                        #expect(info?.docFreq == UInt32(i + 1), "key \(k)")
                        #expect(info?.postingsOffset == UInt64(i * 10))
                    }
                    let present = Set(keys)
                    var probes: [[UInt8]] = [[], [0], [2, 1, 0x7a, 0x7a, 0x7a, 0x7a, 0x7a, 0x7a, 0x7a, 0x7a], [3]]
                    for k in keys.prefix(500) {
                        probes.append(k + [0x62])
                        probes.append(k + [0x00])
                        if let last = k.last { probes.append(Array(k.dropLast()) + [last &+ 1]) }
                    }
                    for p in probes where !present.contains(p) { #expect(dict.info(p) == nil, "absent key \(p)") }
                }
            }
        }
    }
}
