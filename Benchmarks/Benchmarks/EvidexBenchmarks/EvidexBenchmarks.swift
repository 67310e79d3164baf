import Benchmark

// Entry point read by the BenchmarkPlugin's generated runner. Each group lives in the file
// named after what it measures:
//   AnalyzerThroughput.swift — Analyzer.forEachOccurrence over ~5 MB of news text
//   AnnotationThroughput.swift — TextAnnotator.annotate (quotations, organisations) over the same
//   PostingsDecode.swift     — decoding the 50 longest body posting lists
//   QueryLatency.swift       — Searcher.topIDs per query kind, and search with snippets
// Data: BenchmarkCorpus.swift (BBC corpus, else shipped corpus / synthetic text) and
// BenchmarkIndex.swift (the index the postings and query benchmarks read).
//
// The benchmark tool runs every benchmark in a process of its own, so each one's setup loads
// its own data and builds its own temporary index (under a second for the BBC corpus).
let benchmarks: @Sendable () -> Void = {
    registerAnalyzerThroughputBenchmarks()
    registerAnnotationThroughputBenchmarks()
    registerPostingsDecodeBenchmarks()
    registerQueryLatencyBenchmarks()
}
