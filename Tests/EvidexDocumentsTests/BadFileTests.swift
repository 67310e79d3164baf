import Foundation
import Testing
@testable import EvidexDocuments

@Suite("Compressed and bad files")
struct BadFileTests {
    /// Gzips a file with the system's gzip; nil when there is none.
    static func gzip(_ url: URL) throws -> URL? {
        guard let gz = ["/bin/gzip", "/usr/bin/gzip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: gz)
        p.arguments = ["-kf", url.path]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? URL(fileURLWithPath: url.path + ".gz") : nil
    }

    static let hasGzip = ["/bin/gzip", "/usr/bin/gzip"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(".gz round trip for text and JSONL", .enabled(if: hasGzip, "skipped: needs /bin/gzip"))
    func gzipRoundTrip() throws {
        let dir = try TempDir()
        let news = "NHS pay deal agreed\n\nBy Ann Other\n8 June 2021\n\nNurses will get a 5% rise.\n"
        try dir.write("a/news.txt", news)
        try dir.write("b.jsonl", #"{"id": "j1", "title": "T", "body": "B"}"# + "\n" + #"{"id": "j2", "title": "U", "body": "C"}"# + "\n")
        _ = try #require(try Self.gzip(dir.url.appendingPathComponent("a/news.txt")))
        _ = try #require(try Self.gzip(dir.url.appendingPathComponent("b.jsonl")))
        let loader = DocumentLoader()
        let plain = try #require(loader.load(dir.source("a/news.txt")).single)
        let fromGz = loader.load(dir.source("a/news.txt.gz"))
        #expect(fromGz.problems.isEmpty)
        var unzipped = try #require(fromGz.single)
        #expect(unzipped.id == "a/news.txt.gz")
        // Offsets into decompressed bytes cannot be read back from the file.
        #expect(unzipped.span == nil)
        #expect(plain.span == SourceSpan(offset: 0, length: news.utf8.count))
        unzipped.id = plain.id
        unzipped.span = plain.span
        #expect(unzipped == plain)
        #expect(plain.author == "Ann Other")
        let jsonl = loader.load(dir.source("b.jsonl.gz"))
        #expect(jsonl.documents.map(\.id) == ["j1", "j2"])
        #expect(jsonl.documents.allSatisfy { $0.span == nil })
        #expect(jsonl.problems.isEmpty)
    }

    @Test("Corrupt gzip, and gzip that decompresses past the limit", .enabled(if: hasGzip, "skipped: needs /bin/gzip"))
    func gzipProblems() throws {
        let dir = try TempDir()
        try dir.write("bad.txt.gz", Data([0x1F, 0x8B, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]))
        let bad = DocumentLoader().load(dir.source("bad.txt.gz"))
        #expect(bad.documents.isEmpty)
        #expect(bad.problems.map(\.reason) == [.corruptGzip])
        try dir.write("big.txt", String(repeating: "Zeros and more zeros.\n", count: 10_000))
        _ = try #require(try Self.gzip(dir.url.appendingPathComponent("big.txt")))
        let big = DocumentLoader(maxFileBytes: 50_000).load(dir.source("big.txt.gz"))
        #expect(big.documents.isEmpty)
        #expect(big.problems.map(\.reason) == [.decompressedTooLarge(limit: 50_000)])
        #expect(big.problems.first?.severity == .error)
    }

    @Test("Windows-1252 text: £ decoded, with a warning",
          .enabled(if: TestData.has("data/bbc-news-2225/bbc/sport/199.txt"), TestData.missing("data/bbc-news-2225/bbc/sport/199.txt")))
    func latin1BBC() throws {
        let url = try #require(TestData.file("data/bbc-news-2225/bbc/sport/199.txt"))
        let result = DocumentLoader().load(SourceFile(url: url, relativePath: "sport/199.txt"))
        let doc = try #require(result.single)
        #expect(doc.title == "Chelsea sack Mutu")
        #expect(doc.body.contains("£15.8m signing"))
        #expect(!doc.body.contains("\u{FFFD}"))
        #expect(result.problems.map(\.reason) == [.decodedAsWindows1252])
        #expect(result.problems.first?.severity == .warning)
        #expect(result.problems.first?.description.contains("sport/199.txt") == true)
    }

    @Test("Windows-1252 bytes in memory; stray invalid bytes in UTF-8 text become U+FFFD")
    func encodings() throws {
        var cp = Array("Costs\n\nIt cost ".utf8) + [0xA3] + Array("5m, ".utf8) + [0x93] + Array("a lot".utf8) + [0x94, 0x85]
        cp += Array("\n".utf8)
        let r1 = DocumentLoader().load(bytes: cp, relativePath: "c.txt")
        #expect(r1.single?.paragraphs.first?.text == "It cost £5m, “a lot”…")
        #expect(r1.problems.map(\.reason) == [.decodedAsWindows1252])
        let mixed = Array("Caf\u{E9} culture\n\nIt’s here ".utf8) + [0xFF] + Array(" now.\n".utf8)
        let r2 = DocumentLoader().load(bytes: mixed, relativePath: "m.txt")
        #expect(r2.single?.paragraphs.first?.text == "It’s here \u{FFFD} now.")
        #expect(r2.problems.map(\.reason) == [.invalidUTF8(replacements: 1)])
        // A UTF-8 BOM is dropped.
        let bom = [0xEF, 0xBB, 0xBF] + Array("Title line\n\nBody.\n".utf8)
        #expect(DocumentLoader().load(bytes: bom, relativePath: "b.txt").single?.title == "Title line")
    }

    @Test("Binary, empty, blank, oversized, folder and missing files are errors that name the file")
    func badFiles() throws {
        let dir = try TempDir()
        try dir.write("bin.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8)))
        try dir.write("bin.jsonl", Data([0x7B, 0x00, 0x01, 0x02, 0x7D, 0x0A]))
        try dir.write("empty.md", Data())
        try dir.write("blank.txt", "   \n\n \t\n")
        try dir.write("big.html", "<p>" + String(repeating: "x", count: 500) + "</p>")
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        let loader = DocumentLoader(maxFileBytes: 200)
        let cases: [(String, DocumentError.Reason)] = [
            ("bin.txt", .binary), ("bin.jsonl", .binary), ("empty.md", .empty), ("blank.txt", .empty),
            ("big.html", .tooLarge(bytes: 507, limit: 200)), ("folder.txt", .unreadable("it is a folder")),
        ]
        for (name, reason) in cases {
            let r = loader.load(dir.source(name))
            #expect(r.documents.isEmpty, "\(name)")
            #expect(r.problems.map(\.reason) == [reason], "\(name)")
            #expect(r.problems.allSatisfy { $0.severity == .error && $0.description.contains(name) && $0.description.contains(": error: ") })
        }
        let missing = loader.load(dir.source("nope.txt"))
        #expect(missing.problems.count == 1)
        if case .unreadable(let why)? = missing.problems.first?.reason { #expect(why.contains("No such file")) } else { Issue.record("\(missing.problems)") }
    }

    @Test("Loading many files keeps their order and collects every problem")
    func loadMany() throws {
        let dir = try TempDir()
        try dir.write("1.txt", "First title\n\nBody one.\n")
        try dir.write("2.md", "")
        try dir.write("3.txt", "Third title\n\nBody three.\n")
        let files = try DocumentLoader().discover(paths: [dir.url]).files
        let r = DocumentLoader().load(files)
        #expect(r.documents.map(\.id) == ["1.txt", "3.txt"])
        #expect(r.problems.map(\.reason) == [.empty])
    }
}
