import Foundation
import Testing
@testable import EvidexDocuments

@Suite("News text")
struct NewsTextTests {
    @Test("The seed article: title, byline, date, headings, boilerplate dropped",
          .enabled(if: TestData.has("seeds/ics-discrimination-2021-06-08.txt"), TestData.missing("seeds/ics-discrimination-2021-06-08.txt")))
    func seed() throws {
        let url = try #require(TestData.file("seeds/ics-discrimination-2021-06-08.txt"))
        let result = DocumentLoader().load(SourceFile(url: url, relativePath: "ics-discrimination-2021-06-08.txt"))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.id == "ics-discrimination-2021-06-08.txt")
        #expect(doc.kind == .news)
        #expect(doc.title == "ICSs should have ‘duty’ to report progress on addressing discrimination")
        #expect(doc.author == "Jess Hacker")
        #expect(doc.date == Day(year: 2021, month: 6, day: 8))
        #expect(doc.headings == ["Discrimination a factor in burnout", "Other recommendations", "‘Bitter irony’"])
        for p in doc.paragraphs {
            for junk in ["intended for health professionals", "Want news like this", "Related articles", "By Jess Hacker"] {
                #expect(!p.text.contains(junk), "boilerplate in: \(p.text)")
            }
            #expect(p.text != doc.title)
            #expect(!doc.headings.contains(p.text))
        }
        let first = try #require(doc.paragraphs.first)
        #expect(first.text.hasPrefix("Integrated care systems (ICSs) should have a ‘duty’"))
        #expect(first.section == nil)
        let last = try #require(doc.paragraphs.last)
        #expect(last.text.hasPrefix("‘Despite this"))
        #expect(last.section == 2)
        // Paragraphs under each heading point at it.
        let bailey = try #require(doc.paragraphs.first { $0.text.hasPrefix("Suzie Bailey") })
        #expect(bailey.section == 2)
        let wellbeing = try #require(doc.paragraphs.first { $0.text.hasPrefix("The Committee also recommended") })
        #expect(wellbeing.section == 1)
        #expect(doc.paragraphs.count == 19)
    }

    @Test("A news text with a weekday date, a combined byline and a related-stories tail")
    func inlineNews() throws {
        let text = """
        Skip to main content

        NHS trusts told to cut agency spending by a fifth

        By Anna Smith, Tuesday 8 June 2021, 10:28 am

        NHS England has told trusts to cut their spending on agency staff by 20% this year, according to a letter seen by this publication.

        The letter, sent on Monday, said the savings would go towards permanent posts.

        What the letter says

        Trusts must report their agency spending every month, and those over their cap will need approval from regional teams.

        ‘We need stability,’ one chief executive said.

        Related stories

        Another story that should not be loaded

        """
        let doc = try #require(DocumentLoader().load(text: text, relativePath: "agency.txt").single)
        #expect(doc.kind == .news)
        #expect(doc.title == "NHS trusts told to cut agency spending by a fifth")
        #expect(doc.author == "Anna Smith")
        #expect(doc.date == Day(year: 2021, month: 6, day: 8))
        #expect(doc.headings == ["What the letter says"])
        #expect(doc.paragraphs.map(\.section) == [nil, nil, 0, 0])
        #expect(doc.paragraphs.last?.text == "‘We need stability,’ one chief executive said.")
        #expect(!doc.body.contains("Another story"))
        #expect(!doc.body.contains("Skip to main content"))
    }

    @Test("A BBC News file: headline then paragraphs, kind other",
          .enabled(if: TestData.has("data/bbc-news-2225/bbc/business/001.txt"), TestData.missing("data/bbc-news-2225")))
    func bbc() throws {
        let dir = try #require(TestData.file("data/bbc-news-2225/bbc/business"))
        let url = dir.appendingPathComponent("001.txt")
        let raw = try String(contentsOf: url, encoding: .utf8)
        let headline = String(raw.split(separator: "\n", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
        let result = DocumentLoader().load(SourceFile(url: url, relativePath: "business/001.txt"))
        let doc = try #require(result.single)
        #expect(doc.title == headline)
        #expect(doc.kind == .other)
        #expect(doc.paragraphs.count >= 3)
        #expect(!doc.paragraphs.contains { $0.text == headline })
        #expect(doc.paragraphs.allSatisfy { !$0.text.isEmpty && !$0.text.contains("\n") })
    }

    @Test("Plain text that is no recognised kind: first line is the title")
    func plain() throws {
        let text = "Hospital waiting lists grow\n\nThe waiting list rose again in March.\nIt now stands at 7.5 million.\n\nMore data is due next month.\n"
        let doc = try #require(DocumentLoader().load(text: text, relativePath: "x/plain.txt").single)
        #expect(doc.kind == .other)
        #expect(doc.title == "Hospital waiting lists grow")
        #expect(doc.paragraphs.map(\.text) == ["The waiting list rose again in March. It now stands at 7.5 million.", "More data is due next month."])
        #expect(doc.id == "x/plain.txt")
    }
}
