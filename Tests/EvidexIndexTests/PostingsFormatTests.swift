@testable import EvidexIndex
import Testing

/// The v4 encodings: every list size with and without positions, packed and varint tails,
/// position chunks read lazily, and quantised impacts that only ever over-estimate.
@Suite("Postings format v4")
struct PostingsFormatTests {
    typealias Rng = PostingsTests.Rng
    typealias List = PostingsTests.List

    /// A list of `df` documents whose shape depends on `style`: dense or sparse doc gaps,
    /// frequencies mostly 1 or large, positions small or large (so position chunks are both
    /// packed and varints, and tails take both header forms).
    static func list(df: Int, style: Int, rng: inout Rng) -> List {
        var l = List()
        var d: UInt32 = style == 3 ? UInt32(1) << 31 + UInt32(rng.below(1000)) : UInt32(rng.below(3))
        for _ in 0..<df {
            let f: Int
            switch style {
            case 0: f = 1
            case 1: f = 1 + (rng.below(8) == 0 ? rng.below(200) : 0)
            default: f = 1 + rng.below(4)
            }
            var ps: [UInt32] = []
            var p = UInt32(style == 2 ? rng.below(1 << 20) : rng.below(style == 0 ? 100 : 3))
            for _ in 0..<f {
                ps.append(p)
                p += 1 + UInt32(rng.below(style == 2 ? 5000 : 6))
            }
            l.docs.append(d)
            l.freqs.append(UInt32(f))
            l.positions.append(ps)
            let gap = style == 1 ? 1 + rng.below(2) : 1 + rng.below(style == 3 ? 1 << 20 : 3000)
            d += UInt32(gap)
        }
        return l
    }

    @Test("every list size 1…300 decodes exactly, with and without positions")
    func everySize() {
        var rng = Rng(state: 99)
        var lists: [List] = []
        for df in 1...300 {
            for style in 0..<4 { lists.append(PostingsFormatTests.list(df: df, style: style, rng: &rng)) }
        }
        for withPositions in [true, false] {
            let t = PostingsTests()
            let (post, pos, infos) = t.encode(lists, withPositions: withPositions)
            post.withUnsafeBufferPointer { pb in
                pos.withUnsafeBufferPointer { qb in
                    for (n, (l, info)) in zip(lists, infos).enumerated() {
                        #expect((info.positionsOffset != 0) == withPositions)
                        // Pass 1: every document and all positions, in order (as merges read).
                        let c = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: info)
                        var i = 0
                        var buf: [UInt32] = []
                        while c.doc != PostingsCursor.exhausted && i < l.docs.count {
                            if c.doc != l.docs[i] || c.freq != l.freqs[i] {
                                Issue.record("list \(n) (df \(l.docs.count)): doc \(i) is (\(c.doc), \(c.freq)), expected (\(l.docs[i]), \(l.freqs[i]))")
                                break
                            }
                            buf.removeAll()
                            c.positions(into: &buf)
                            if buf != (withPositions ? l.positions[i] : []) {
                                Issue.record("list \(n) (df \(l.docs.count)): positions of doc \(i) differ")
                                break
                            }
                            i += 1
                            c.next()
                        }
                        #expect(i == l.docs.count && c.doc == PostingsCursor.exhausted, "list \(n)")
                        guard withPositions else { continue }
                        // Pass 2: positions of a few documents only, reached by advance(to:).
                        let c2 = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: info)
                        var k = rng.below(3)
                        while k < l.docs.count {
                            c2.advance(to: l.docs[k])
                            let out = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(c2.freq))
                            let written = c2.writePositions(to: out)
                            let got = Array(UnsafeBufferPointer(start: out, count: written))
                            out.deallocate()
                            if c2.doc != l.docs[k] || got != l.positions[k] {
                                Issue.record("list \(n) (df \(l.docs.count)): lazy positions of doc \(k) differ")
                                break
                            }
                            k += 1 + rng.below(40)
                        }
                    }
                }
            }
        }
    }

    @Test("impact codes round freq up and length down, to the nearest code")
    func impactCodes() {
        var previous: UInt32 = 0
        for c in 1...255 {
            let v = ImpactCode.value(UInt8(c))
            #expect(v > previous, "codes increase")
            previous = v
        }
        var rng = Rng(state: 5)
        var samples: [UInt32] = Array(0...70_000) + [UInt32.max, UInt32.max - 1, 507_904, 507_905, 491_520, 491_521]
        for s in 0..<32 { samples += [UInt32(1) << UInt32(s), (UInt32(1) << UInt32(s)) &- 1, (UInt32(1) << UInt32(s)) + 1] }
        for _ in 0..<100_000 { samples.append(UInt32(truncatingIfNeeded: rng.next()) >> UInt32(rng.below(32))) }
        for v in samples {
            let fc = ImpactCode.freqCode(v)
            #expect(ImpactCode.freq(fc) >= v)
            if fc > 0 { #expect(ImpactCode.freq(fc - 1) < v, "freq \(v): the smallest code above it") }
            let lc = ImpactCode.lengthCode(v)
            #expect(ImpactCode.length(lc) <= v)
            if lc < 255 { #expect(ImpactCode.length(lc + 1) > v, "length \(v): the largest code below it") }
            if v < 16 { #expect(ImpactCode.freq(fc) == v && ImpactCode.length(lc) == v) }
        }
    }

    @Test("quantised impacts never under-estimate a document's BM25 weight")
    func impactsBound() {
        var rng = Rng(state: 17)
        var lists: [List] = []
        for (df, varied) in [(128, false), (300, false), (1000, false), (128, true), (300, true), (1000, true), (4000, true)] {
            var l = List()
            var d: UInt32 = varied ? 0 : 10_000_000
            for _ in 0..<df {
                l.docs.append(d)
                // Frequencies and lengths over the whole code range, past saturation; or all
                // frequencies 1, so a block's impacts are its shortest document, exactly.
                let f = !varied ? 1 : rng.below(4) == 0 ? 1 + rng.below(1 << rng.below(24)) : 1 + rng.below(5)
                l.freqs.append(UInt32(f))
                l.positions.append([])
                d += 1 + UInt32(rng.below(50))
            }
            lists.append(l)
        }
        let length: (UInt32) -> UInt32 = { d in
            var x = UInt64(d) &* 0x9E37_79B9_7F4A_7C15
            x ^= x >> 29
            // Narrow lengths (none exact as codes) for the lists of frequency 1.
            if d >= 10_000_000 { return 17 + UInt32(x % 3000) }
            return 1 + UInt32((x % 2_000_000) >> (x % 21))
        }
        let (post, pos, infos) = PostingsTests().encode(lists, withPositions: false, length: length)
        post.withUnsafeBufferPointer { pb in
            pos.withUnsafeBufferPointer { qb in
                for (l, info) in zip(lists, infos) {
                    for (k1, b, avg) in [(1.2, 0.75, 300.0), (0.9, 0.4, 10.0), (2.0, 1.0, 5000.0), (1.2, 0.0, 1.0)] {
                        let weight: (UInt32, UInt32) -> Double = { f, len in
                            let tf = Double(f) / (1 - b + b * Double(len) / avg)
                            return tf / (tf + k1)
                        }
                        // Stored impacts are read as freq × a factor per length code (the sum
                        // BM25F saturates), so that bound is checked on the unsaturated tf.
                        let factors = (0..<256).map { 1 / (1 - b + b * Double(ImpactCode.length(UInt8($0))) / avg) }
                        let c = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: info)
                        let whole = c.maxImpact(weight)
                        for (d, f) in zip(l.docs, l.freqs) {
                            c.advance(to: d)
                            let w = weight(f, length(d))
                            let tf = Double(f) / (1 - b + b * Double(length(d)) / avg)
                            #expect(tf <= factors.withUnsafeBufferPointer { c.storedImpact(from: d, factors: $0.baseAddress!) }, "block bound")
                            #expect(w <= c.maxImpact(from: d, upTo: c.boundEnd(from: d), weight), "range bound")
                            #expect(w <= whole, "list bound")
                        }
                    }
                }
            }
        }
    }
}
