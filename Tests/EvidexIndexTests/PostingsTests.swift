@testable import EvidexIndex
import Testing

@Suite("Postings encoding")
struct PostingsTests {
    /// Deterministic pseudo-random numbers (SplitMix64) so failures reproduce.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    struct List {
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [[UInt32]] = []
    }

    func randomList(df: Int, rng: inout Rng, gap: Int) -> List {
        var l = List()
        var d: UInt32 = UInt32(rng.below(5))
        for _ in 0..<df {
            let f = 1 + (rng.below(10) == 0 ? rng.below(300) : rng.below(3))
            var p: UInt32 = UInt32(rng.below(4))
            var ps: [UInt32] = []
            for _ in 0..<f {
                ps.append(p)
                p += 1 + UInt32(rng.below(40))
            }
            l.docs.append(d)
            l.freqs.append(UInt32(f))
            l.positions.append(ps)
            d += 1 + UInt32(rng.below(gap))
        }
        return l
    }

    /// Encodes the lists into one mapped-like buffer and returns cursors over them.
    func encode(_ lists: [List], withPositions: Bool = true,
                length: (UInt32) -> UInt32 = { 100 + $0 % 7 }) -> (bytes: [UInt8], positions: [UInt8], infos: [TermInfo]) {
        var enc = PostingsEncoder()
        var infos: [TermInfo] = []
        for l in lists {
            let flat = l.positions.flatMap { $0 }
            let info = l.docs.withUnsafeBufferPointer { d in
                l.freqs.withUnsafeBufferPointer { f in
                    flat.withUnsafeBufferPointer { p in
                        enc.encode(docs: d, freqs: f, positions: withPositions ? p : nil, length: length)
                    }
                }
            }
            infos.append(info)
        }
        var post = enc.postingsStream.tail
        var pos = enc.positionsStream.tail
        for _ in 0..<16 {
            post.append(0)
            pos.append(0)
        }
        return (post.bytes, pos.bytes, infos)
    }

    @Test("lists of every size decode exactly, with positions", arguments: [1, 2, 127, 128, 129, 255, 256, 1000, 5000])
    func roundTrip(df: Int) {
        var rng = Rng(state: UInt64(df))
        let lists = [randomList(df: df, rng: &rng, gap: 3), randomList(df: df, rng: &rng, gap: 100_000)]
        let (post, pos, infos) = encode(lists)
        post.withUnsafeBufferPointer { pb in
            pos.withUnsafeBufferPointer { qb in
                for (l, info) in zip(lists, infos) {
                    #expect(info.docFreq == UInt32(df))
                    let bound = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: info)
                        .maxImpact { f, _ in Double(f) }
                    #expect(bound >= Double(l.freqs.max()!))
                    let c = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: info)
                    var i = 0
                    var buf: [UInt32] = []
                    while c.doc != PostingsCursor.exhausted {
                        #expect(c.doc == l.docs[i])
                        #expect(c.freq == l.freqs[i])
                        // Read positions only for some docs, to exercise lazy skipping.
                        if i % 3 == 0 {
                            buf.removeAll()
                            c.positions(into: &buf)
                            #expect(buf == l.positions[i])
                        }
                        i += 1
                        c.next()
                    }
                    #expect(i == df)
                }
            }
        }
    }

    @Test("a word group's list keeps each position's form; a form filter reads one word's positions",
          arguments: [(1, 2), (130, 3), (1000, 5), (3000, 8)])
    func formTaggedPositions(df: Int, forms: Int) {
        var rng = Rng(state: UInt64(df * 31 + forms))
        let list = randomList(df: df, rng: &rng, gap: 50)
        let flat = list.positions.flatMap { $0 }
        let tags = flat.map { _ in UInt32(rng.below(forms)) }
        let formBits = TermInfo(docFreq: 0, postingsOffset: 0, positionsOffset: 0, formCount: UInt32(forms)).formBits
        // FORMAT.md: the bit width of k − 1.
        #expect(formBits == [2: 1, 3: 2, 5: 3, 8: 3][forms])
        var enc = PostingsEncoder()
        let info = list.docs.withUnsafeBufferPointer { d in
            list.freqs.withUnsafeBufferPointer { f in
                flat.withUnsafeBufferPointer { p in
                    tags.withUnsafeBufferPointer { t in
                        enc.encode(docs: d, freqs: f, positions: p, forms: t, formBits: formBits, length: { 100 + $0 % 7 })
                    }
                }
            }
        }
        var post = enc.postingsStream.tail
        var pos = enc.positionsStream.tail
        for _ in 0..<16 {
            post.append(0)
            pos.append(0)
        }
        let tagged = TermInfo(docFreq: info.docFreq, postingsOffset: info.postingsOffset, positionsOffset: info.positionsOffset,
                              formCount: UInt32(forms))
        post.bytes.withUnsafeBufferPointer { pb in
            pos.bytes.withUnsafeBufferPointer { qb in
                func cursor(_ form: UInt32?) -> PostingsCursor {
                    let c = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: tagged,
                                           postingsEnd: pb.count, positionsEnd: qb.count)
                    c.form = form
                    return c
                }
                // Every position with its form.
                let all = cursor(nil)
                var start = 0
                var ps: [UInt32] = []
                var ts: [UInt32] = []
                for i in 0..<df {
                    #expect(all.doc == list.docs[i])
                    ps.removeAll()
                    ts.removeAll()
                    all.taggedPositions(into: &ps, forms: &ts)
                    #expect(ps == list.positions[i])
                    #expect(ts == Array(tags[start..<(start + list.positions[i].count)]))
                    start += list.positions[i].count
                    all.next()
                }
                #expect(all.doc == PostingsCursor.exhausted)
                // Each form's own positions, through both readers (whole chunks and value by value).
                for form in 0..<UInt32(forms) {
                    let a = cursor(form)
                    let b = cursor(form)
                    var out = [UInt32](repeating: 0, count: 400)
                    var start = 0
                    for i in 0..<df {
                        let n = list.positions[i].count
                        let expected = zip(list.positions[i], tags[start..<(start + n)]).filter { $0.1 == form }.map(\.0)
                        start += n
                        let written = out.withUnsafeMutableBufferPointer { a.writePositions(to: $0.baseAddress!) }
                        #expect(Array(out[0..<written]) == expected, "doc \(i), form \(form)")
                        ps.removeAll()
                        b.positions(into: &ps)
                        #expect(ps == expected)
                        a.next()
                        b.next()
                    }
                }
            }
        }
    }

    @Test("advance(to:) lands on the first document at or after the target")
    func advance() {
        var rng = Rng(state: 42)
        let l = randomList(df: 3000, rng: &rng, gap: 20)
        let (post, pos, infos) = encode([l])
        post.withUnsafeBufferPointer { pb in
            pos.withUnsafeBufferPointer { qb in
                let c = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: infos[0])
                // The same list with field lengths, whose bounds on decoded blocks are exact.
                let docCount = Int(l.docs.last! + 1)
                var encoded = ByteBuffer()
                PackedColumn.encode((0..<docCount).map { 100 + UInt32($0) % 7 }, into: &encoded)
                let column = UnsafeMutableRawBufferPointer.allocate(byteCount: encoded.count, alignment: 8)
                defer { column.deallocate() }
                column.copyBytes(from: encoded.bytes)
                let lengths = try! PackedColumn(UnsafeRawBufferPointer(column), count: docCount, name: "test")
                #expect(lengths.width == 1 && lengths[5] == 105 && lengths[docCount] == 0)
                let withLengths = PostingsCursor(postings: pb.baseAddress!, positions: qb.baseAddress!, info: infos[0],
                                                 lengths: lengths)
                var target: UInt32 = 0
                while true {
                    target += UInt32(rng.below(400))
                    c.advance(to: target)
                    let expected = l.docs.firstIndex { $0 >= target }
                    guard let e = expected else {
                        #expect(c.doc == PostingsCursor.exhausted)
                        break
                    }
                    #expect(c.doc == l.docs[e])
                    #expect(c.freq == l.freqs[e])
                    var buf: [UInt32] = []
                    c.positions(into: &buf)
                    #expect(buf == l.positions[e])
                    // Impact bounds really bound the block: for a BM25-like weight, the bound
                    // from this doc covers it and every later doc up to lastDoc.
                    let weight: (UInt32, UInt32) -> Double = { f, len in Double(f) / (Double(f) + 1.2 * (0.25 + 0.75 * Double(len) / 103)) }
                    for c2 in [c, withLengths] {
                        c2.advance(to: target)
                        let end = c2.boundEnd(from: c2.doc)
                        let bound = c2.maxImpact(from: c2.doc, upTo: end, weight)
                        for k in e..<l.docs.count where l.docs[k] <= end {
                            #expect(weight(l.freqs[k], 100 + l.docs[k] % 7) <= bound + 1e-12)
                        }
                    }
                    #expect(weight(c.freq, 100 + c.doc % 7) <= c.maxImpact(weight) + 1e-12)
                }
            }
        }
    }

    @Test("bit packing round trips every width")
    func bitPacking() {
        for w in 0...32 {
            var values = [UInt32](repeating: 0, count: 128)
            var rng = Rng(state: UInt64(w))
            for i in 0..<128 {
                values[i] = w == 0 ? 0 : UInt32(truncatingIfNeeded: rng.next()) & (w == 32 ? UInt32.max : (1 << UInt32(w)) - 1)
            }
            var out = ByteBuffer()
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: w, into: &out) }
            #expect(out.count == 16 * w)
            for _ in 0..<8 { out.append(0) }
            var back = [UInt32](repeating: 7, count: 128)
            out.bytes.withUnsafeBytes { raw in
                back.withUnsafeMutableBufferPointer { BitPacking.unpack(raw.baseAddress!, width: w, into: $0.baseAddress!) }
            }
            #expect(back == values)
        }
    }
}
