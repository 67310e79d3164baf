import EvidexIndex

/// A scored document of a snapshot.
struct ScoredDoc {
    var score: Double
    var segment: Int
    var doc: UInt32

    /// Ranking order: higher score first, ties by (segment, doc) so pages never overlap.
    @inline(__always)
    func ranksAbove(_ o: ScoredDoc) -> Bool {
        if score != o.score { return score > o.score }
        if segment != o.segment { return segment < o.segment }
        return doc < o.doc
    }
}

/// Keeps the best `capacity` documents in a binary min-heap (worst at the root).
struct TopDocs {
    let capacity: Int
    private(set) var heap: [ScoredDoc] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 1 << 16))
    }

    var isFull: Bool { heap.count >= capacity }

    /// The score a document must beat to enter (−∞ until full).
    var threshold: Double { isFull && capacity > 0 ? heap[0].score : -.infinity }

    @inline(__always)
    mutating func offer(_ d: ScoredDoc) {
        if capacity == 0 { return }
        if heap.count == capacity && d.score < heap[0].score { return }
        if heap.count < capacity {
            heap.append(d)
            siftUp(heap.count - 1)
        } else if d.ranksAbove(heap[0]) {
            heap[0] = d
            siftDown(0)
        }
    }

    private mutating func siftUp(_ i: Int) {
        var c = i
        while c > 0 {
            let p = (c - 1) / 2
            if heap[p].ranksAbove(heap[c]) { heap.swapAt(p, c); c = p } else { break }
        }
    }

    private mutating func siftDown(_ i: Int) {
        var p = i
        while true {
            let l = 2 * p + 1
            let r = l + 1
            var worst = p
            if l < heap.count && heap[worst].ranksAbove(heap[l]) { worst = l }
            if r < heap.count && heap[worst].ranksAbove(heap[r]) { worst = r }
            if worst == p { return }
            heap.swapAt(p, worst)
            p = worst
        }
    }

    /// Best first.
    func sorted() -> [ScoredDoc] {
        heap.sorted { $0.ranksAbove($1) }
    }
}
