import Testing
@testable import EvidexDocuments

@Suite("Front matter and Markdown")
struct MarkdownTests {
    @Test("Front matter fields, extra keys as metadata, Markdown body as plain text")
    func frontMatter() throws {
        let text = """
        ---
        id: hsj-2024-001
        title: "Waiting lists: what the new figures show"
        date: 2024-03-14
        source: Health Service Journal
        url: https://example.org/waiting-lists
        kind: news
        author: Sam Jones
        tags: [waiting lists, elective care]
        region: London   # a comment
        ---

        The **waiting list** for _planned_ care fell for the first time in [six months](https://example.org/a "title"),
        according to `NHS England` data.

        ## What changed

        - Fewer patients waited over 65 weeks
        - Diagnostic waits ![chart](c.png) improved

        > ‘This is progress,’ said a spokesperson.

        Read more at <https://example.org/more>. Variables such as snake_case_name stay.

        ### Next steps
        ***

        Trusts will publish plans in April.
        """
        let result = DocumentLoader().load(text: text, relativePath: "notes/waiting.md")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.id == "hsj-2024-001")
        #expect(doc.title == "Waiting lists: what the new figures show")
        #expect(doc.date == Day(year: 2024, month: 3, day: 14))
        #expect(doc.source == "Health Service Journal")
        #expect(doc.url == "https://example.org/waiting-lists")
        #expect(doc.kind == .news)
        #expect(doc.author == "Sam Jones")
        #expect(doc.metadata == ["tags": "waiting lists, elective care", "region": "London"])
        #expect(doc.headings == ["What changed", "Next steps"])
        #expect(doc.paragraphs.map(\.text) == [
            "The waiting list for planned care fell for the first time in six months, according to NHS England data.",
            "Fewer patients waited over 65 weeks",
            "Diagnostic waits chart improved",
            "‘This is progress,’ said a spokesperson.",
            "Read more at https://example.org/more. Variables such as snake_case_name stay.",
            "Trusts will publish plans in April.",
        ])
        #expect(doc.paragraphs.map(\.section) == [nil, 0, 0, 0, 0, 1])
    }

    @Test("A leading # heading is the title when front matter has none; kind evidence from front matter")
    func headingTitle() throws {
        let text = "---\nkind: evidence\ndate: 5 May 2022\nsummary: short\n---\n# Oral evidence notes\n\nFirst point.\n\n# Second part\n\nMore.\n"
        let doc = try #require(DocumentLoader().load(text: text, relativePath: "n.markdown").single)
        #expect(doc.title == "Oral evidence notes")
        #expect(doc.kind == .evidence)
        #expect(doc.date == Day(year: 2022, month: 5, day: 5))
        #expect(doc.headings == ["Second part"])
        #expect(doc.metadata["summary"] == "short")
        #expect(doc.id == "n.markdown")
    }

    @Test("A .txt file with front matter; unknown kind and bad date are warnings")
    func textWithFrontMatter() throws {
        let text = "---\ntitle: Board papers\nkind: minutes\ndate: sometime in May\n---\nThe board met on *Tuesday*.\n\nIt approved the plan.\n"
        let result = DocumentLoader().load(text: text, relativePath: "board.txt")
        let doc = try #require(result.single)
        #expect(doc.title == "Board papers")
        #expect(doc.kind == .other)
        #expect(doc.date == nil)
        #expect(doc.paragraphs.count == 2)
        #expect(result.problems.map(\.reason) == [.unknownKind("minutes"), .unreadableDate("sometime in May")])
        #expect(result.problems.allSatisfy { $0.severity == .warning && $0.description.contains("board.txt") })
    }

    @Test("Unclosed front matter is read as body text, with a warning")
    func unclosed() throws {
        let result = DocumentLoader().load(text: "---\ntitle: x\n\nBody text here.\n", relativePath: "u.md")
        #expect(result.problems.map(\.reason) == [.unclosedFrontMatter])
        #expect(result.documents.count == 1)
    }
}
