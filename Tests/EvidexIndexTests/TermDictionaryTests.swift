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
            if k.count > 3 { set.insert(Array(k.dropLast())) }
        }
        return set.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("exact lookups find every key and nothing else")
    func lookups() throws {
        let keys = Self.keys()
        // Stem-namespace terms (key byte 1 = 1) carry a group count and no positions.
        let infos = keys.indices.map { i in
            let stem = keys[i].count > 1 && keys[i][1] == 1
            return TermInfo(docFreq: UInt32(i + 1), groupDocFreq: UInt32(i + 1) + (stem ? 3 : 0), postingsOffset: UInt64(i * 10),
                            positionsOffset: stem ? 0 : UInt64(i * 7 + 1))
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
                        #expect(info == infos[i])
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
