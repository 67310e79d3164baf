import Evidex
import Foundation

/// The text the benchmarks read, in order of preference:
/// 1. the BBC News corpus (2,225 articles, ~5 MB) at `<checkout>/../shared/data/bbc-news-2225/bbc`
///    (or `$EVIDEX_BENCH_DATA/bbc-news-2225/bbc`);
/// 2. otherwise the analyzer reads the shipped `<checkout>/corpus` files, repeated to ~5 MB, and
///    the index is built from deterministic synthetic text (`SyntheticCorpus`).
/// Benchmark output on the two is not comparable; setup says on stderr which one was used.
enum BenchmarkCorpus {
    /// This package's folder (…/Benchmarks), from this file's path at compile time.
    static let packageDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EvidexBenchmarks/
        .deletingLastPathComponent()  // Benchmarks/Benchmarks/
        .deletingLastPathComponent()  // Benchmarks/ (the package)

    /// The Evidex checkout (the parent package).
    static var checkoutDirectory: URL { packageDirectory.deletingLastPathComponent() }

    /// `shared/data` beside the checkout, as the integration tests look for it.
    static var sharedDataDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["EVIDEX_BENCH_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return checkoutDirectory.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static var bbcDirectory: URL { sharedDataDirectory.appendingPathComponent("bbc-news-2225/bbc") }

    /// One BBC article: its path relative to `bbc/` and its text (title line, then paragraphs).
    struct Article {
        var id: String
        var text: String
    }

    /// The BBC articles sorted by path, or nil when the corpus is absent.
    static func bbcArticles() -> [Article]? {
        let fm = FileManager.default
        let root = bbcDirectory
        guard let categories = try? fm.contentsOfDirectory(atPath: root.path) else { return nil }
        var articles: [Article] = []
        for category in categories.sorted() {
            let dir = root.appendingPathComponent(category)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue,
                  let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for file in files.sorted() where file.hasSuffix(".txt") {
                guard let data = fm.contents(atPath: dir.appendingPathComponent(file).path) else { continue }
                articles.append(Article(id: "bbc/\(category)/\(file)", text: decode(data)))
            }
        }
        return articles.isEmpty ? nil : articles
    }

    /// UTF-8, else Latin-1 (one BBC file has a stray non-UTF-8 byte).
    static func decode(_ data: Data) -> String {
        if let s = String(validating: data, as: UTF8.self) { return s }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: data.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// A BBC article as the indexer's document model: first line title, other lines paragraphs.
    static func document(_ a: Article) -> Document {
        var lines = a.text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let title = lines.isEmpty ? "" : lines.removeFirst()
        return Document(
            id: a.id, kind: .news, title: title, source: "BBC",
            paragraphs: lines.map { Paragraph(text: $0) })
    }

    /// Texts for the analyzer benchmark: the BBC articles (title and body, one string each), or
    /// the shipped corpus files repeated until they reach `minimumBytes`.
    static func analyzerTexts(minimumBytes: Int = 5_000_000) -> (source: String, texts: [String]) {
        if let articles = bbcArticles() {
            return ("BBC News 2225", articles.map(\.text))
        }
        let fm = FileManager.default
        let root = checkoutDirectory.appendingPathComponent("corpus")
        var base: [String] = []
        if let e = fm.enumerator(atPath: root.path) {
            var paths: [String] = []
            while let p = e.nextObject() as? String { paths.append(p) }
            for p in paths.sorted() where !p.hasSuffix(".gz") {
                let url = root.appendingPathComponent(p)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                      let data = fm.contents(atPath: url.path) else { continue }
                base.append(decode(data))
            }
        }
        if base.isEmpty {
            // No shipped corpus either: synthetic articles.
            base = SyntheticCorpus.documents(count: 200).map { ([$0.title] + $0.paragraphs.map(\.text)).joined(separator: "\n\n") }
        }
        var texts: [String] = []
        var bytes = 0
        while bytes < minimumBytes {
            for t in base {
                texts.append(t)
                bytes += t.utf8.count
            }
        }
        return ("shipped corpus/ repeated", texts)
    }

    /// Documents for the benchmark index: BBC, else synthetic.
    static func indexDocuments() -> (source: String, documents: [Document]) {
        if let articles = bbcArticles() {
            return ("BBC News 2225", articles.map(document))
        }
        return ("synthetic", SyntheticCorpus.documents(count: SyntheticCorpus.defaultDocumentCount))
    }
}

/// Deterministic English-like text: a Zipf-distributed vocabulary of made-up words (rank 0 most
/// frequent), so that frequent, rare and co-occurring terms exist for the index benchmarks.
enum SyntheticCorpus {
    static let defaultDocumentCount = 2_225
    static let vocabularySize = 20_000
    static let wordsPerDocument = 400

    private static let syllables = [
        "ka", "lo", "mi", "ren", "tas", "vel", "dor", "bin", "sul", "pra", "no", "fe", "gu", "shan",
        "tor", "li", "mar", "pe", "qui", "zo", "bra", "cle", "dun", "fio",
    ]

    /// The made-up word of a rank: its base-24 syllable digits, at least two syllables.
    static func word(_ rank: Int) -> String {
        var n = rank
        var parts: [String] = []
        repeat {
            parts.append(syllables[n % syllables.count])
            n /= syllables.count
        } while n > 0
        if parts.count < 2 { parts.append("ter") }
        return parts.joined()
    }

    static func documents(count: Int) -> [Document] {
        var rng = SplitMix64(seed: 0x5EED_E71D_E8)
        let vocabulary = (0..<vocabularySize).map(word)
        // Cumulative Zipf weights (s = 1).
        var cumulative: [Double] = []
        cumulative.reserveCapacity(vocabularySize)
        var total = 0.0
        for r in 0..<vocabularySize {
            total += 1.0 / Double(r + 1)
            cumulative.append(total)
        }
        func sample() -> String {
            let x = rng.nextDouble() * total
            var lo = 0
            var hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return vocabulary[lo]
        }
        var docs: [Document] = []
        docs.reserveCapacity(count)
        for i in 0..<count {
            let title = (0..<6).map { _ in sample() }.joined(separator: " ").capitalized
            var paragraphs: [Paragraph] = []
            var written = 0
            while written < wordsPerDocument {
                var sentences: [String] = []
                for _ in 0..<(2 + Int(rng.next() % 3)) {
                    let n = 8 + Int(rng.next() % 15)
                    var words = (0..<n).map { _ in sample() }
                    words[0] = words[0].capitalized
                    sentences.append(words.joined(separator: " ") + ".")
                    written += n
                }
                paragraphs.append(Paragraph(text: sentences.joined(separator: " ")))
            }
            docs.append(Document(id: "synthetic/\(i)", kind: .news, title: title, source: "Synthetic", paragraphs: paragraphs))
        }
        return docs
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// One line on stderr (the benchmark tool keeps the runner's stdout for itself).
func benchmarkNote(_ message: String) {
    FileHandle.standardError.write(Data(("EvidexBenchmarks: " + message + "\n").utf8))
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
