@testable import EvidexDocuments
import Foundation
import Testing

@Suite("Loading JSONL in batches")
struct BatchLoadingTests {
    @Test("batches give the same documents and problems as loading whole, in order")
    func batchesMatchWholeLoad() throws {
        let dir = try TempDir()
        var lines: [String] = []
        for i in 1...500 {
            switch i {
            case 77: lines.append("{\"id\": \"broken\", \"title\": ")  // invalid JSON line
            case 300: lines.append("{\"id\": \"doc-5\", \"title\": \"Again\", \"body\": \"A duplicate id.\"}")
            default:
                lines.append("{\"id\": \"doc-\(i)\", \"title\": \"Title \(i)\", \"body\": \"Paragraph one of \(i).\\n\\nParagraph two, with ‘quotes’ and £1,200.\", \"date\": \"2021-06-0\(i % 9 + 1)\", \"tags\": [\"x\"]}")
            }
        }
        // No newline after the last line: it must still load.
        try dir.write("big.jsonl", lines.joined(separator: "\n"))
        let loader = DocumentLoader()
        let whole = loader.load(dir.source("big.jsonl"))
        var docs: [Document] = []
        var problems: [DocumentError] = []
        var batches = 0
        loader.forEachBatch(dir.source("big.jsonl"), batchBytes: 4096) { r in
            batches += 1
            docs += r.documents
            problems += r.problems
        }
        #expect(batches > 10)
        #expect(docs == whole.documents)
        #expect(docs.count == 499)
        #expect(Set(problems.map(\.description)) == Set(whole.problems.map(\.description)))
        #expect(problems.contains { $0.line == 77 && $0.isError })
        #expect(problems.contains { $0.line == 300 && !$0.isError })
    }

    @Test("a binary or empty JSONL file is one problem")
    func badFiles() throws {
        let dir = try TempDir()
        try dir.write("empty.jsonl", "")
        try dir.write("bin.jsonl", Data([0, 1, 2, 0, 0, 255, 0, 3] + [UInt8](repeating: 0, count: 600)))
        for name in ["empty.jsonl", "bin.jsonl"] {
            var results: [LoadResult] = []
            DocumentLoader().forEachBatch(dir.source(name), batchBytes: 64) { results.append($0) }
            #expect(results.count == 1)
            #expect(results[0].documents.isEmpty)
            #expect(results[0].problems.count == 1 && results[0].problems[0].isError)
        }
    }
}
