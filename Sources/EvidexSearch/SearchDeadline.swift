/// A search's optional deadline, looked at every `interval` matches: reading the clock costs
/// tens of nanoseconds, far more than a posting, so never per match.
struct SearchDeadline {
    private let end: ContinuousClock.Instant?
    /// Whether there is a deadline: tested per match instead of `end`, whose optional
    /// `Instant` the compiler copies through outlined value witnesses on every test.
    private let limited: Bool
    private var countdown: Int
    static let interval = 4096

    init(_ end: ContinuousClock.Instant?) {
        self.end = end
        limited = end != nil
        countdown = SearchDeadline.interval
    }

    /// Counts one match; every `interval` matches, checks the clock.
    @inline(__always)
    mutating func tick() throws(SearchError) {
        guard limited else { return }
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
