/// A fixed list of scorers read through unretained references: the owning array keeps them
/// alive, and the hot loops step them with no reference counting (which measured as the
/// largest cost of iterating several posting lists together).
struct ScorerList {
    let owners: [Scorer]
    private let refs: [Unmanaged<Scorer>]

    init(_ scorers: [Scorer]) {
        owners = scorers
        refs = scorers.map { Unmanaged.passUnretained($0) }
    }

    var count: Int { refs.count }

    @inline(__always)
    func doc(_ i: Int) -> UInt32 { refs[i]._withUnsafeGuaranteedRef { $0.doc } }

    @inline(__always)
    func next(_ i: Int) { refs[i]._withUnsafeGuaranteedRef { $0.next() } }

    @inline(__always)
    func advance(_ i: Int, to target: UInt32) { refs[i]._withUnsafeGuaranteedRef { $0.advance(to: target) } }

    @inline(__always)
    func score(_ i: Int) -> Double { refs[i]._withUnsafeGuaranteedRef { $0.score() } }

    @inline(__always)
    func maxScore(_ i: Int) -> Double { refs[i]._withUnsafeGuaranteedRef { $0.maxScore } }

    @inline(__always)
    func blockMax(_ i: Int, from target: UInt32, threshold: Double) -> (upTo: UInt32, bound: Double) {
        refs[i]._withUnsafeGuaranteedRef { $0.blockMax(from: target, threshold: threshold) }
    }
}
