import Foundation
import Testing
@testable import EvidexDocuments

@Suite("Discovery")
struct DiscoveryTests {
    @Test("Recursive, sorted, hidden skipped, unsupported reported")
    func walk() throws {
        let dir = try TempDir()
        for name in ["b.txt", "a/z.md", "a/y/x.rst", "a-b.html", "d.jsonl.gz", "C.NDJSON", "notes.pdf",
                     "README", "a/.hidden.txt", ".git/config.txt", "a/y/data.csv", "e.htm", "f.markdown", "g.text"] {
            try dir.write(name, "x")
        }
        let found = try DocumentLoader().discover(paths: [dir.url])
        #expect(found.files.map(\.relativePath) == ["C.NDJSON", "a-b.html", "a/y/x.rst", "a/z.md", "b.txt", "d.jsonl.gz", "e.htm", "f.markdown", "g.text"])
        #expect(found.files.allSatisfy { $0.url.path.hasPrefix(dir.url.path) && $0.url.path.hasSuffix($0.relativePath) })
        #expect(found.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["README", "data.csv", "notes.pdf"])
        #expect(found.skipped.map(\.reason) == [.unsupportedExtension(""), .unsupportedExtension("csv"), .unsupportedExtension("pdf")])
        #expect(found.skipped.allSatisfy { $0.severity == .warning && $0.description.contains("skipped") })
        #expect(found.files.first { $0.relativePath == "d.jsonl.gz" }?.format == .jsonLines)
    }

    @Test("A file argument; several roots in order; a path that does not exist")
    func arguments() throws {
        let dir = try TempDir()
        let file = try dir.write("deep/one.txt", "x")
        try dir.write("other/two.md", "x")
        let found = try DocumentLoader().discover(paths: [dir.url.appendingPathComponent("other"), file, file])
        #expect(found.files.map(\.relativePath) == ["two.md", "one.txt"])
        #expect(found.skipped.isEmpty)
        #expect(throws: DocumentError.self) { try DocumentLoader().discover(paths: [dir.url.appendingPathComponent("missing")]) }
        do {
            _ = try DocumentLoader().discover(paths: [dir.url.appendingPathComponent("missing")])
        } catch {
            #expect(error.reason == .notFound)
            #expect(error.description.contains("missing"))
        }
        let pdf = try dir.write("x.pdf", "x")
        let one = try DocumentLoader().discover(paths: [pdf])
        #expect(one.files.isEmpty && one.skipped.map(\.reason) == [.unsupportedExtension("pdf")])
    }

    @Test("Loading a whole real folder reports nothing silently",
          .enabled(if: TestData.has("data/uk-covid19-inquiry-transcripts/module-2A"), TestData.missing("data/uk-covid19-inquiry-transcripts/module-2A")))
    func realFolder() throws {
        let dir = try #require(TestData.file("data/uk-covid19-inquiry-transcripts/module-2A"))
        let found = try DocumentLoader().discover(paths: [dir])
        #expect(found.files.count == 16)
        #expect(found.files.first?.relativePath.hasSuffix(".rst.gz") == true)
        let r = DocumentLoader().load(found.files)
        #expect(r.errors.isEmpty)
        let hearings = r.documents.filter { $0.kind == .evidence }
        #expect(hearings.count == 15)
        #expect(hearings.allSatisfy { $0.metadata["module"] == "2A" && $0.date != nil && $0.source == "UK Covid-19 Inquiry" })
    }
}
