import Foundation
import Testing
@testable import EvidexDocuments

@Suite("JSON Lines")
struct JSONLTests {
    static let lines = [
        #"{"id": "a1", "title": "Ambulance waits rise", "body": "First paragraph.\nStill first.\n\n  Second \u2018quoted\u2019 paragraph \ud83d\ude00.  \n \nThird.", "date": "2024-01-05", "source": "BBC", "url": "https://bbc.example/a1", "kind": "news", "author": "Nick Triggle", "section": "Health", "wordcount": 250, "tags": ["nhs", "ambulance"], "live": false, "extra": null}"#,
        #"{"title": "No id here", "body": "Text only.", "date": "2024-01-06T08:00:00Z"}"#,
        #"{"id": "a3", "title": "Broken line", "body": "missing the closing brace""#,
        "",
        #"{"id": 4, "title": "Numeric id", "body": "Body.", "date": null, "kind": "evidence", "author": ["A. One", "B. Two"]}"#,
        #"{"id": "a5", "title": "Odd date", "body": "Body.", "date": "soon", "kind": "blog"}"#,
        #"["not", "an", "object"]"#,
        #"{"id": "a1", "title": "Duplicate id", "body": "Again."}"#,
        #"{"id": "a8", "title": "", "body": ""}"#,
        #"{"id": "a9", "title": "Written date", "body": "x", "date": "8 June 2021", "source": "  Pulse  ", "text": "kept"}"# + "\r",
        #"{"id": {"nested": 1}, "title": "Bad id", "body": "x"}"#,
        #"{"id": "a11", "text": "Body from the text field"}"#,
        #"{"title": "", "body": ""}"#,
    ]

    @Test("Fields, paragraphs, escapes, unknown fields, bad lines with line numbers")
    func parse() throws {
        let text = Self.lines.joined(separator: "\n") + "\n"
        let result = DocumentLoader().load(text: text, relativePath: "corpus/news.jsonl")
        let docs = result.documents
        // a8 is empty but names itself, so it is kept (a test collection's empty record);
        // line 13 is empty and has no id, so it is dropped.
        #expect(docs.map(\.id) == ["a1", "corpus/news.jsonl#2", "4", "a5", "a1", "a8", "a9", "a11"])
        #expect(docs[5].title.isEmpty && docs[5].paragraphs.isEmpty)
        #expect(docs[7].paragraphs.map(\.text) == ["Body from the text field"])
        #expect(docs[6].metadata["text"] == "kept")
        let a1 = docs[0]
        #expect(a1.title == "Ambulance waits rise")
        #expect(a1.paragraphs.map(\.text) == ["First paragraph. Still first.", "Second ‘quoted’ paragraph 😀.", "Third."])
        #expect(a1.date == Day(year: 2024, month: 1, day: 5))
        #expect(a1.source == "BBC")
        #expect(a1.url == "https://bbc.example/a1")
        #expect(a1.kind == .news)
        #expect(a1.author == "Nick Triggle")
        #expect(a1.metadata == ["section": "Health", "wordcount": "250", "tags": #"["nhs", "ambulance"]"#, "live": "false"])
        #expect(docs[1].date == Day(year: 2024, month: 1, day: 6))
        #expect(docs[1].kind == .news)
        #expect(docs[2].kind == .evidence)
        #expect(docs[2].date == nil)
        #expect(docs[2].author == "A. One, B. Two")
        #expect(docs[3].date == nil && docs[3].metadata["date"] == "soon" && docs[3].kind == .other)
        #expect(docs[6].date == Day(year: 2021, month: 6, day: 8))
        #expect(docs[6].source == "Pulse")

        let byLine = Dictionary(grouping: result.problems, by: { $0.line ?? 0 })
        #expect(result.problems.allSatisfy { $0.path == "corpus/news.jsonl" && $0.line != nil })
        #expect(byLine[3]?.first?.severity == .error)
        if case .invalidJSON(let why)? = byLine[3]?.first?.reason { #expect(why.contains("column")) } else { Issue.record("line 3: \(String(describing: byLine[3]))") }
        #expect(byLine[6]?.map(\.reason) == [.unreadableDate("soon"), .unknownKind("blog")])
        #expect(byLine[7]?.first?.severity == .error)
        #expect(byLine[8]?.map(\.reason) == [.duplicateID("a1")])
        #expect(byLine[9]?.map(\.reason) == [.emptyRecord])
        #expect(byLine[9]?.first?.severity == .warning)
        #expect(byLine[13]?.map(\.reason) == [.noContent])
        #expect(byLine[13]?.first?.severity == .error)
        #expect(byLine[4] == nil)  // a blank line is no problem
        #expect(byLine[11]?.map(\.severity) == [.error])
        #expect(result.problems.count == 8)
        let d = try #require(byLine[3]?.first).description
        #expect(d.hasPrefix("corpus/news.jsonl:3: error: not a JSON object"))
        #expect(d.contains("other lines were loaded"))
    }

    @Test("Invalid UTF-8 inside a line is replaced and reported for that line")
    func invalidUTF8() throws {
        var bytes = Array(#"{"id": "x", "title": "Caf"#.utf8)
        bytes.append(0xE9)
        bytes += Array("\", \"body\": \"ok\"}\n".utf8)
        let result = DocumentLoader().load(bytes: bytes, relativePath: "u.ndjson")
        #expect(result.documents.first?.title == "Caf\u{FFFD}")
        #expect(result.problems.map(\.reason) == [.invalidUTF8(replacements: 1)])
        #expect(result.problems.first?.line == 1)
    }

    @Test("A large file is parsed in parallel chunks with correct order and line numbers")
    func largeParallel() throws {
        var text = ""
        let n = 40_000
        for i in 1...n {
            if i == 31_337 {
                text += "{broken\n"
            } else {
                text += #"{"title": "Doc \#(i)", "body": "Some body text for document number \#(i), long enough to make the file big. Some body text for document number \#(i)."}"# + "\n"
            }
        }
        #expect(text.utf8.count > JSONLParser.parallelThreshold)
        let result = DocumentLoader().load(text: text, relativePath: "big.jsonl")
        #expect(result.documents.count == n - 1)
        #expect(result.documents.first?.id == "big.jsonl#1")
        #expect(result.documents.last?.id == "big.jsonl#\(n)")
        #expect(result.documents[31_336].id == "big.jsonl#31338")
        #expect(result.documents[31_336].title == "Doc 31338")
        #expect(result.problems.map(\.line) == [31_337])
    }
}
