import Benchmark
import Evidex

/// Bytes of UTF-8 text analysed per second, measured inside each iteration. Shown by the tool
/// with a unit suffix: "(M)" means MB/s (10^6 bytes), "(K)" kB/s.
let analyzerBytesPerSecond = BenchmarkMetric.custom("Analyzer bytes/s", polarity: .prefersLarger, useScalingFactor: false)
/// Tokens (term occurrences) produced per second.
let analyzerTokensPerSecond = BenchmarkMetric.custom("Analyzer tokens/s", polarity: .prefersLarger, useScalingFactor: false)

final class AnalyzerFixture {
    let analyzer: Analyzer
    let texts: [String]
    let bytes: Int

    init() throws {
        analyzer = try Analyzer()
        let (source, texts) = BenchmarkCorpus.analyzerTexts()
        self.texts = texts
        bytes = texts.reduce(0) { $0 + $1.utf8.count }
        benchmarkNote("analyzer corpus: \(source), \(texts.count) texts, \(bytes) bytes per iteration")
    }
}

/// `Analyzer().forEachOccurrence(in:)` over the whole corpus (~5 MB), one call per article, as
/// the indexer analyses text. One iteration = the whole corpus.
///
/// Reading the result as MB/s:
/// - directly from the "Analyzer bytes/s" row ((M) = MB/s);
/// - or from the standard rows: MB/s = throughput (# / s) × corpus MB, or corpus MB / wall clock
///   (s); the corpus size per iteration is printed on stderr at setup (BBC: 5,041,384 bytes).
/// The analyzer persists across iterations, like an indexing worker's, so after the warm-up
/// iteration its surface-form cache is warm: this is steady-state throughput.
func registerAnalyzerThroughputBenchmarks() {
    Benchmark(
        "Analyzer.forEachOccurrence (whole corpus)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, analyzerBytesPerSecond, analyzerTokensPerSecond],
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(20),
            maxIterations: 25
        )
    ) { benchmark, fixture in
        var tokens = 0
        var checksum: UInt64 = 0
        let start = ContinuousClock.now
        for text in fixture.texts {
            fixture.analyzer.forEachOccurrence(in: text) { occ in
                tokens &+= 1
                checksum &+= UInt64(occ.exact) &+ UInt64(occ.stem) &+ UInt64(occ.end)
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        blackHole(checksum)
        benchmark.measurement(analyzerBytesPerSecond, Int(Double(fixture.bytes) / seconds))
        benchmark.measurement(analyzerTokensPerSecond, Int(Double(tokens) / seconds))
    } setup: {
        try AnalyzerFixture()
    }
}
