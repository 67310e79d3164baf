/// A search's optional deadline, looked at every `interval` matches: reading the clock costs
/// tens of nanoseconds, far more than a posting, so never per match.
struct SearchDeadline {
    private let end: ContinuousClock.Instant?
    private var countdown: Int
    static let interval = 4096

    init(_ end: ContinuousClock.Instant?) {
        self.end = end
        countdown = SearchDeadline.interval
    }

    /// Counts one match; every `interval` matches, checks the clock.
    @inline(__always)
    mutating func tick() throws(SearchError) {
        guard end != nil else { return }
        countdown -= 1
        if countdown > 0 { return }
        countdown = SearchDeadline.interval
        try check()
    }

    /// Checks the clock now.
    func check() throws(SearchError) {
        if let end, ContinuousClock.now >= end { throw .timeLimit }
    }
}
