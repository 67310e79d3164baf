import Benchmark
import Evidex

/// Postings (doc id + frequency) decoded per second, measured inside each iteration; "(M)" in
/// the tool's output means millions per second.
let postingsPerSecond = BenchmarkMetric.custom("Postings decoded/s", polarity: .prefersLarger, useScalingFactor: false)

struct PostingsFixture {
    struct List {
        var segment: Int
        var info: TermInfo
    }

    let snapshot: IndexSnapshot
    let lists: [List]
    let postings: Int

    /// The posting lists of the 50 most frequent body terms (word groups, by document
    /// frequency summed over segments), found with the public term dictionary API.
    init(termCount: Int = 50) throws {
        snapshot = try BenchmarkIndex.open().snapshot
        let prefix = TermKey(field: .body, namespace: .group, term: "")
        var docFreq: [TermKey: Int] = [:]
        for seg in snapshot.segments {
            for ordinal in seg.reader.termOrdinals(withPrefix: prefix) {
                docFreq[seg.reader.termKey(ordinal: ordinal), default: 0] += Int(seg.reader.termInfo(ordinal: ordinal).docFreq)
            }
        }
        let top = docFreq.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(termCount)
        var lists: [List] = []
        for (key, _) in top {
            for (i, seg) in snapshot.segments.enumerated() {
                if let info = seg.reader.termInfo(key) { lists.append(List(segment: i, info: info)) }
            }
        }
        self.lists = lists
        postings = lists.reduce(0) { $0 + Int($1.info.docFreq) }
        benchmarkNote(
            "postings: \(top.count) body terms (\(top.prefix(8).map(\.key.term).joined(separator: ", ")), …), "
                + "\(lists.count) lists, \(postings) postings per iteration")
    }
}

/// Iterates the posting lists of the 50 most frequent body terms with `PostingsCursor`
/// (`doc`, `freq`, `next()` until `PostingsCursor.exhausted`). One iteration = all 50 lists.
///
/// Postings/s: read the "Postings decoded/s" row, or throughput (# / s) × postings per
/// iteration (printed on stderr at setup).
func registerPostingsDecodeBenchmarks() {
    Benchmark(
        "Postings decode (50 most frequent body terms)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, postingsPerSecond],
            warmupIterations: 3,
            scalingFactor: .one,
            maxDuration: .seconds(5),
            maxIterations: 2_000
        )
    ) { benchmark, fixture in
        var decoded = 0
        var checksum: UInt64 = 0
        let start = ContinuousClock.now
        for list in fixture.lists {
            let cursor = fixture.snapshot.segments[list.segment].reader.postings(list.info)
            while cursor.doc != PostingsCursor.exhausted {
                checksum &+= UInt64(cursor.doc) &+ UInt64(cursor.freq)
                decoded &+= 1
                cursor.next()
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        blackHole(checksum)
        if decoded != fixture.postings {
            benchmark.error("decoded \(decoded) postings, the term dictionary says \(fixture.postings)")
        }
        benchmark.measurement(postingsPerSecond, Int(Double(decoded) / seconds))
    } setup: {
        try PostingsFixture()
    } teardown: {
        BenchmarkIndex.remove()
    }
}
