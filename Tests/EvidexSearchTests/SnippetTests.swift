import EvidexDocuments
import EvidexIndex
@testable import EvidexSearch
import Testing

@Suite("Snippets")
struct SnippetTests {
    @Test("a phrase is highlighted as one span, with code-point offsets")
    func phraseSpan() throws {
        let idx = try TestIndex([
            doc("seed", "Discrimination", "Intro paragraph.", "‘It is a bitter irony that so many staff’s colleagues are ill,’ she said."),
        ])
        let r = try idx.searcher().search("\"bitter irony\"")
        let s = try #require(r.hits.first?.snippets.first)
        #expect(s.highlights.count == 1)
        let scalars = Array(s.text.unicodeScalars)
        let h = s.highlights[0]
        var marked = ""
        marked.unicodeScalars.append(contentsOf: scalars[h[0]..<h[1]])
        #expect(marked == "bitter irony")
        // The curly quote before "It" is one code point, so offsets count it once.
        #expect(h[0] == 9)
    }

    @Test("bare words highlight every inflection; long paragraphs are cut around the match")
    func stemsAndWindow() throws {
        let long = String(repeating: "Filler words about nothing in particular. ", count: 20) + "Nurses were burnt out and the burnout continued." + String(repeating: " More filler text here.", count: 20)
        let idx = try TestIndex([doc("x", "T", long)])
        let r = try idx.searcher().search("burnout nurse")
        let s = try #require(r.hits.first?.snippets.first)
        #expect(s.text.hasPrefix("…"))
        #expect(s.text.hasSuffix("…"))
        #expect(s.text.unicodeScalars.count <= SnippetBuilder.window + 2 + 10)
        let scalars = Array(s.text.unicodeScalars)
        let words = s.highlights.map { h -> String in
            var w = ""
            w.unicodeScalars.append(contentsOf: scalars[h[0]..<h[1]])
            return w
        }
        #expect(words == ["Nurses", "burnout"])
    }
}
