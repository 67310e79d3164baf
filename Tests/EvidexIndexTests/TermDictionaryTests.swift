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
            var k: [UInt8] = [UInt8((x >> 33) % 3), UInt8((x >> 40) % 3)]
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
        // Group entries (key byte 1 = 1) carry a form table after their lists' offsets: here
        // the stem itself and stem + "s" for every third, the stem alone (count 0) otherwise.
        // Form entries (2) have no list, only their stem: here the word without its last byte.
        var builder = TermDictionaryBuilder()
        var infos: [TermInfo] = []
        var forms: [[[UInt8]]?] = []
        for (i, k) in keys.enumerated() {
            let term = Array(k.dropFirst(2))
            var info = TermInfo(docFreq: UInt32(i + 1), postingsOffset: UInt64(i * 10), positionsOffset: UInt64(i * 7 + 1))
            var tail: [UInt8] = []
            forms.append(nil)
            switch k[1] {
            case 1:
                let f = i % 3 == 0 ? [term, term + [0x73]] : [term]
                forms[i] = f
                term.withUnsafeBytes { stem in
                    f[0].withUnsafeBytes { a in
                        f.last!.withUnsafeBytes { b in
                            TermDictionaryWriter.appendGroupTail(stem: stem, forms: f.count == 1 ? [a] : [a, b],
                                                                 docFreqs: f.count == 1 ? [UInt32(i + 1)] : [5, UInt32(i)], to: &tail)
                        }
                    }
                }
                info.formCount = f.count == 1 ? 0 : 2
            case 2:
                info = TermInfo(docFreq: 0, postingsOffset: 0, positionsOffset: 0)
                term.withUnsafeBytes { form in
                    Array(term.dropLast()).withUnsafeBytes { stem in TermDictionaryWriter.appendFormTail(form: form, stem: stem, to: &tail) }
                }
            default:
                break
            }
            tail.withUnsafeBytes { builder.add(k, info, tail: $0) }
            infos.append(info)
        }
        let (firstKeys, offsets, blocks) = builder.finish()
        try firstKeys.bytes.withRawBytes { (fk) throws(IndexError) in
            try offsets.bytes.withRawBytes { (off) throws(IndexError) in
                try blocks.bytes.withRawBytes { (bl) throws(IndexError) in
                    let dict = try TermDictionary(firstKeys: try StringTable(fk), offsets: off, blocks: bl)
                    for (i, k) in keys.enumerated() {
                        guard let info = dict.info(k) else {
                            Issue.record("key \(k) not found")
                            continue
                        }
                        #expect(info.docFreq == infos[i].docFreq, "key \(k)")
                        #expect(info.postingsOffset == infos[i].postingsOffset)
                        #expect(info.positionsOffset == infos[i].positionsOffset)
                        #expect(info.formCount == infos[i].formCount)
                        let term = Array(k.dropFirst(2))
                        if let f = forms[i] {
                            let table = term.withUnsafeBytes { dict.forms(of: info, stem: $0) }
                            #expect(table?.map(\.word) == f)
                            #expect(table?.map(\.docFreq) == (f.count == 1 ? [UInt32(i + 1)] : [5, UInt32(i)]))
                        } else if k[1] == 2 {
                            #expect(term.withUnsafeBytes { dict.stem(of: info, form: $0) } == Array(term.dropLast()))
                        }
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
