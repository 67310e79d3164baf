/// The union of several term dictionaries in key order, for a merge: a binary min-heap of one
/// cursor per dictionary, so each key costs a few comparisons per dictionary holding it rather
/// than one per dictionary (a closing merge can take 50–100 segments).
struct TermUnion {
    private var cursors: [TermDictionaryCursor]
    /// Cursor indices, the smallest current key on top; equal keys by input order, so the
    /// holders of a key come out in input order.
    private var heap: [Int] = []
    /// Each cursor's current key in brief, copied out so that the heap's comparisons stay in
    /// one flat array: most keys are decided by their first 16 bytes and length, and a closing
    /// merge's inputs mostly share the same words, so many comparisons are between equal keys.
    private var heads: [Head]

    private struct Head {
        var prefix: UInt64
        var prefix2: UInt64
        var length: Int

        init(_ c: TermDictionaryCursor) {
            prefix = c.prefix
            prefix2 = c.prefix2
            length = c.isAtEnd ? 0 : c.keyLength
        }
    }

    /// Keys ≥ this one end the union (nil: none).
    private let end: [UInt8]?

    /// The keys k with start ≤ k < end (nil: unbounded).
    init(_ dictionaries: [TermDictionary], from start: [UInt8]? = nil, to end: [UInt8]? = nil) {
        self.end = end
        cursors = dictionaries.map { TermDictionaryCursor($0, from: start) }
        heads = cursors.map(Head.init)
        for i in cursors.indices where !cursors[i].isAtEnd {
            heap.append(i)
            siftUp(heap.count - 1)
        }
    }

    /// Whether a dictionary had a block that failed to decode (its walk stopped there).
    var isDamaged: Bool { cursors.contains { $0.isDamaged } }

    /// Moves to the next key of the union: `key` receives its bytes and `holders` each input
    /// holding it, in input order, with its info there. Returns false past the last key.
    mutating func next(key: inout [UInt8], holders: inout [(input: Int, info: TermInfo)]) -> Bool {
        holders.removeAll(keepingCapacity: true)
        guard let top = heap.first else { return false }
        if let end, end.withUnsafeBytes({ cursors[top].compare(to: $0) >= 0 }) {
            heap.removeAll()
            return false
        }
        key.removeAll(keepingCapacity: true)
        cursors[top].withKey { key.append(contentsOf: $0) }
        let keyHead = heads[top]
        while let i = heap.first {
            let h = heads[i]
            let same = h.prefix == keyHead.prefix && h.prefix2 == keyHead.prefix2 && h.length == keyHead.length
                && (h.length <= 16 || key.withUnsafeBytes { cursors[i].compare(to: $0) == 0 })
            if !same { break }
            holders.append((i, cursors[i].info))
            cursors[i].next()
            heads[i] = Head(cursors[i])
            if cursors[i].isAtEnd {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        return true
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        heads.withUnsafeBufferPointer { TermUnion.less(a, b, $0, cursors) }
    }

    /// Orders cursors a and b by key, then by input.
    @inline(__always)
    private static func less(_ a: Int, _ b: Int, _ h: UnsafeBufferPointer<Head>, _ cursors: [TermDictionaryCursor]) -> Bool {
        let ha = h[a], hb = h[b]
        if ha.prefix != hb.prefix { return ha.prefix < hb.prefix }
        if ha.prefix2 != hb.prefix2 { return ha.prefix2 < hb.prefix2 }
        // Equal first 16 bytes (zero-padded): keys no longer than that differ only by length,
        // and the shorter sorts first.
        let c = ha.length <= 16 && hb.length <= 16 ? ha.length - hb.length : TermDictionaryCursor.compare(cursors[a], cursors[b])
        return c < 0 || (c == 0 && a < b)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            if !less(heap[child], heap[parent]) { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        let cursors = self.cursors
        let n = heap.count
        heads.withUnsafeBufferPointer { h in
            heap.withUnsafeMutableBufferPointer { p in
                var parent = start
                let item = p[parent]
                while true {
                    let left = 2 * parent + 1
                    if left >= n { break }
                    var child = left
                    if left + 1 < n && TermUnion.less(p[left + 1], p[left], h, cursors) { child = left + 1 }
                    if !TermUnion.less(p[child], item, h, cursors) { break }
                    p[parent] = p[child]
                    parent = child
                }
                p[parent] = item
            }
        }
    }
}
