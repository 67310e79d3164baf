@testable import EvidexDocuments
import Foundation
import Testing

/// An index that keeps references instead of copies parses a document's span again: that
/// must give back exactly the document loaded, for every format and every way of loading.
@Suite("Reading documents back from their spans")
struct ReloadTests {
    @Test("each JSONL line's span is its object, and reloading it gives the same document")
    func jsonlSpans() throws {
        let dir = try TempDir()
        let lines = [
            "\u{FEFF}{\"id\": \"a\", \"title\": \"First\", \"body\": \"One.\\n\\nTwo, with ‘quotes’.\"}",
            "",
            "{\"title\": \"No id\", \"body\": \"Three.\", \"extra\": 5}\r",
            "{\"id\": \"c\", \"title\": \"Café £1,200\", \"body\": \"Four\", \"date\": \"8 June 2021\"}",
        ]
        let url = try dir.write("news/feed.jsonl", lines.joined(separator: "\n"))
        let bytes = Array(try Data(contentsOf: url))
        let loader = DocumentLoader()
        let file = dir.source("news/feed.jsonl")
        let whole = loader.load(file)
        #expect(whole.documents.count == 3)
        var batched: [Document] = []
        loader.forEachBatch(file, batchBytes: 16) { batched += $0.documents }
        #expect(batched == whole.documents)
        for doc in whole.documents {
            let span = try #require(doc.span)
            let slice = bytes[span.offset..<(span.offset + span.length)]
            #expect(slice.first == UInt8(ascii: "{") && slice.last == UInt8(ascii: "}"))
            var again = try loader.reload(file, span: span).get()
            // A line without an id is named by its line number, which the span alone lacks;
            // the index keeps ids apart from the text.
            if doc.id.hasPrefix("news/feed.jsonl#") { again.id = doc.id }
            #expect(again == doc)
        }
    }

    @Test("whole-file formats reload to the same document")
    func wholeFiles() throws {
        let dir = try TempDir()
        let texts = [
            "story.txt": "NHS pay deal agreed\n\nBy Ann Other\n8 June 2021\n\n‘It is fair,’ said Ms Bailey.\n\nA second paragraph.\n",
            "notes.md": "---\ntitle: Front matter\ndate: 2021-06-08\n---\n\n# Heading\n\nBody text here.\n",
            "page.html": "<html><head><title>A page</title></head><body><h1>A page</h1><p>Text of the page.</p></body></html>",
        ]
        let loader = DocumentLoader()
        for (name, text) in texts {
            try dir.write(name, text)
            let doc = try #require(loader.load(dir.source(name)).single)
            #expect(doc.span == SourceSpan(offset: 0, length: text.utf8.count))
            #expect(try loader.reload(dir.source(name), span: doc.span!).get() == doc)
        }
    }

    @Test("a changed, truncated or deleted source is reported, never misread")
    func changedSources() throws {
        let dir = try TempDir()
        try dir.write("feed.jsonl", "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}\n{\"id\": \"b\", \"title\": \"U\", \"body\": \"C\"}\n")
        let loader = DocumentLoader()
        let file = dir.source("feed.jsonl")
        let docs = loader.load(file).documents
        let second = try #require(docs.last?.span)
        // Shifted by an edit earlier in the file: the span now cuts across a line.
        try dir.write("feed.jsonl", "{\"id\": \"a\", \"title\": \"Longer\", \"body\": \"B\"}\n{\"id\": \"b\", \"title\": \"U\", \"body\": \"C\"}\n")
        let shifted = loader.reload(file, span: second)
        if case .success(let d) = shifted { #expect(d != docs.last) }
        try dir.write("feed.jsonl", "{\"id\": \"a\"}\n")
        #expect(throws: DocumentError.self) { try loader.reload(file, span: second).get() }
        if case .failure(let e) = loader.reload(file, span: second) { #expect(e.reason == .changedSinceIndexed) }
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("feed.jsonl"))
        if case .failure(let e) = loader.reload(file, span: second) { #expect(e.reason == .notFound) } else { Issue.record("a deleted file reloaded") }
    }
}
