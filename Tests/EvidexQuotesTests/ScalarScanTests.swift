import CEvidexScan
import Testing
@testable import EvidexQuotes

/// The C kernels (`CEvidexScan`) against plain Swift loops, at every offset around their
/// eight- and sixteen-wide blocks.
@Suite("Scalar scans")
struct ScalarScanTests {
    @Test("index(of:) and index(outside:) agree with a plain scan at every start and end")
    func scans() {
        let alphabet: [Unicode.Scalar] = ["a", " ", "(", "\n", "Z", "\u{2019}", "\u{201C}", "\"", "é", "\u{1F600}"]
        var seed: UInt64 = 7
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 58) + 1
            var text: [Unicode.Scalar] = []
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(seed >> 33) % 100
                text.append(r < 85 ? alphabet[r % 2] : alphabet[r % alphabet.count])
            }
            text.withUnsafeBufferPointer { buf in
                for from in 0...text.count {
                    for end in [from, (from + text.count) / 2, text.count] where end >= from {
                        for target: Unicode.Scalar in ["(", "\n", "\""] {
                            var i = from
                            while i < end && text[i] != target { i += 1 }
                            #expect(ScalarScan.index(of: target, in: buf, from: from, to: end) == i)
                        }
                        var j = from
                        while j < end && ((text[j].value >= 0x29 && text[j].value <= 0xAA) || text[j] == " ") { j += 1 }
                        #expect(ScalarScan.index(outside: 0x29, 0xAA, in: buf, from: from, to: end) == j)
                    }
                }
            }
        }
    }

    @Test("UTF-8 is decoded and counted as String's own scalars, and quotation bytes are reported")
    func decode() {
        var samples = ["", "plain ascii text without marks, long enough for sixteen-byte blocks",
                       "it's", "say \"no\"", "caf\u{E9} and \u{201C}curly\u{201D}", "\u{1F600} emoji after sixteen bytes....",
                       String(repeating: "abcdefghijklmno", count: 5) + "\u{2019}s"]
        // every length around the sixteen- and eight-byte blocks, a mark or a non-ASCII
        // scalar at every place
        let parts = ["a", "b", " ", "\"", "'", "\u{E9}", "\u{2019}", "\u{1F600}"]
        var seed: UInt64 = 5
        for _ in 0..<400 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(seed >> 58) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(seed >> 33) % 100
                text += r < 90 ? parts[r % 3] : parts[r % parts.count]
            }
            samples.append(text)
        }
        for s in samples {
            var copy = s
            var quoteBytes = false
            let scalars = copy.withUTF8 { utf8 in
                [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                    count = ScalarInfo.decode(utf8, into: out, at: 0, quoteBytes: &quoteBytes)
                }
            }
            #expect(scalars == Array(s.unicodeScalars), "\(s)")
            #expect(quoteBytes == s.utf8.contains { $0 >= 0x80 || $0 == 0x22 || $0 == 0x27 }, "\(s)")
            // the counting kernel (`QuoteTermSource.scalarCount`) on the same texts
            var ascii: Int32 = 0
            let count = copy.withUTF8 { evx_utf8_count($0.baseAddress, $0.count, &ascii) }
            #expect(count == s.unicodeScalars.count, "\(s)")
            #expect((ascii != 0) == s.utf8.allSatisfy { $0 < 0x80 }, "\(s)")
        }
    }
}
