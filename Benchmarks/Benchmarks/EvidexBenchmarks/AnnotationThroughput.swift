import Benchmark
import Evidex

/// Bytes of UTF-8 text annotated per second (quotations, speakers, organisation mentions),
/// measured inside each iteration: "(M)" means MB/s.
let annotationBytesPerSecond = BenchmarkMetric.custom("Annotation bytes/s", polarity: .prefersLarger, useScalingFactor: false)

final class AnnotationFixture {
    let annotator: TextAnnotator
    let texts: [String]
    let bytes: Int

    init() {
        annotator = TextAnnotator()
        let (source, texts) = BenchmarkCorpus.analyzerTexts()
        self.texts = texts
        bytes = texts.reduce(0) { $0 + $1.utf8.count }
        benchmarkNote("annotation corpus: \(source), \(texts.count) texts, \(bytes) bytes per iteration")
    }
}

/// `TextAnnotator.annotate` over the same corpus as the analyzer benchmark (~5 MB of news),
/// one call per article: what quotation extraction and organisation linking add to indexing
/// news (issue 3's cost), measured without the rest of the indexer.
func registerAnnotationThroughputBenchmarks() {
    Benchmark(
        "TextAnnotator.annotate (whole corpus)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, annotationBytesPerSecond],
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(20),
            maxIterations: 25
        )
    ) { benchmark, fixture in
        var found = 0
        let start = ContinuousClock.now
        for text in fixture.texts {
            let annotations = fixture.annotator.annotate(text)
            found &+= annotations.quotes.count &+ annotations.organisations.count
        }
        let seconds = (ContinuousClock.now - start).seconds
        blackHole(found)
        benchmark.measurement(annotationBytesPerSecond, Int(Double(fixture.bytes) / seconds))
    } setup: {
        AnnotationFixture()
    }
}
