import EvidexText

/// The distinct terms of a segment being written, copied out of the analyzer's vocabulary
/// into one buffer while the indexing thread may still read it (the vocabulary is not
/// thread-safe), so the segment can be sorted and written on another thread.
///
/// A term key is `field, namespace, term` (FORMAT.md), and one term usually has several
/// slots (exact and stem namespaces, title and body). Keys used to be built as one array per
/// slot and sorted by comparing those arrays; sorting each distinct term once and then
/// walking the tables in order gives the same key order with one allocation in all and a
/// tenth of the comparisons.
struct SegmentTermKeys: Sendable {
    /// Vocabulary id of each distinct term, in order of first use by a slot.
    let ids: [UInt32]
    /// The terms' UTF-8 bytes, one after another; term i is starts[i]..<starts[i + 1].
    private let bytes: [UInt8]
    private let starts: [UInt32]

    /// Local index + 1 of each vocabulary id the segment uses (0: unused).
    private let localOf: [UInt32]

    /// Copies the terms that `postings`' slots use, their words' stems included.
    init(postings: PostingsAccumulator, vocabulary: TermVocabulary) {
        var localOf = [UInt32](repeating: 0, count: vocabulary.count)
        var ids: [UInt32] = []
        var bytes: [UInt8] = []
        var starts: [UInt32] = [0]
        func note(_ term: UInt32) {
            if localOf[Int(term)] != 0 { return }
            ids.append(term)
            localOf[Int(term)] = UInt32(ids.count)
            bytes.append(contentsOf: vocabulary.bytes(term))
            starts.append(UInt32(bytes.count))
        }
        for slot in 0..<postings.slotCount {
            note(postings.key(of: slot).term)
            note(postings.stem(of: slot))
        }
        self.ids = ids
        self.bytes = bytes
        self.starts = starts
        self.localOf = localOf
    }

    /// The local index of a vocabulary id the segment uses.
    func local(of term: UInt32) -> Int { Int(localOf[Int(term)]) - 1 }

    var count: Int { ids.count }

    /// Runs `body` with a function from a term's index to its bytes (valid during `body`).
    func withTerms<R>(_ body: ((Int) -> UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { all in
            starts.withUnsafeBufferPointer { s in
                body { i in UnsafeRawBufferPointer(rebasing: all[Int(s[i])..<Int(s[i + 1])]) }
            }
        }
    }

    /// Indices of the terms in increasing byte order (a shorter term before any longer one it
    /// begins).
    func byteOrder() -> [UInt32] {
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { s in
                let base = all.baseAddress ?? UnsafePointer(bitPattern: 1)!
                // Each term's first 8 bytes as a big-endian number (0-padded) decide most
                // comparisons with one integer test; equal prefixes compare in full.
                var order: [(prefix: UInt64, index: UInt32)] = (0..<ids.count).map { i in
                    let a = Int(s[i]), n = min(Int(s[i + 1]) - a, 8)
                    var p: UInt64 = 0
                    for k in 0..<8 { p = p << 8 | (k < n ? UInt64(base[a + k]) : 0) }
                    return (p, UInt32(i))
                }
                func term(_ i: UInt32) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(start: base + Int(s[Int(i)]), count: Int(s[Int(i) + 1] - s[Int(i)]))
                }
                order.sort { x, y in
                    x.prefix != y.prefix ? x.prefix < y.prefix : compareBytes(term(x.index), term(y.index)) < 0
                }
                return order.map(\.index)
            }
        }
    }
}
