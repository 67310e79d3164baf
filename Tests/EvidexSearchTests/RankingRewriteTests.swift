import EvidexDocuments
import EvidexIndex
@testable import EvidexSearch
import Foundation
import Testing

/// The rewrites of plain-word queries (EVALUATION.md): function words, spaced acronyms,
/// proximity and pseudo-relevance feedback.
@Suite("Plain-word query rewrites")
struct RankingRewriteTests {
    @Test("function words match but score nothing; the match set is unchanged")
    func stopWords() throws {
        let idx = try TestIndex([
            doc("d1", "", "the the the the cat"),
            doc("d2", "", "a cat and a dog"),
            doc("d3", "", "the end"),
        ])
        let s = try idx.searcher()
        let r = try s.search("the cat", options: SearchOptions(limit: 10))
        #expect(r.total == 3)
        let cat = try s.search("cat", options: SearchOptions(limit: 10))
        let scores = Dictionary(uniqueKeysWithValues: r.hits.map { ($0.id, $0.score) })
        for h in cat.hits { #expect(abs(scores[h.id]! - h.score) < 1e-9) }
        #expect(scores["d3"] == 0)
        // Off: "the" scores, so d1 (four of them) passes d2.
        var off = RankingSettings()
        off.queryStopWords = false
        let plain = try Searcher(snapshot: idx.snapshot, settings: off).search("the cat")
        #expect(plain.hits.first?.id == "d1")
        #expect(plain.hits.first.map { $0.score > scores["d1"]! } == true)
        // Only function words: nothing to drop, they rank as usual.
        #expect(try s.search("the a").hits.first?.score ?? 0 > 0)
    }

    @Test("spaced single letters rank as the acronym the index knows")
    func acronyms() throws {
        let idx = try TestIndex([
            doc("us", "", "u.s policy on trade"),
            doc("letters", "", "the u boat and the s bend policy"),
            doc("other", "", "trade talks"),
        ])
        let r = try idx.searcher().search("u s policy", options: SearchOptions(limit: 10))
        #expect(r.hits.map(\.id).first == "us")
        #expect(r.total == 2)
    }

    @Test("neighbouring words of a question score as a phrase too")
    func proximity() throws {
        let idx = try TestIndex([
            doc("apart", "", "alpha x x x beta x x x gamma x x x delta"),
            doc("together", "", "alpha beta gamma delta x x x x x x x x x"),
        ])
        let s = try idx.searcher()
        let r = try s.search("alpha beta gamma delta")
        #expect(r.hits.map(\.id) == ["together", "apart"])
        #expect(r.hits[0].score > r.hits[1].score)
        // Three words are a keyword search: no proximity, so the two tie.
        let three = try s.search("alpha beta gamma")
        #expect(abs(three.hits[0].score - three.hits[1].score) < 1e-9)
    }

    @Test("RM3 feedback adds the best documents' words; off by default")
    func expansion() throws {
        var docs = [doc("a1", "", "apple banana pie"), doc("a2", "", "apple banana bread"), doc("b", "", "banana split")]
        for i in 0..<6 { docs.append(doc("f\(i)", "", "filler text number \(i)")) }
        let idx = try TestIndex(docs)
        #expect(Set(try idx.searcher().search("apple").hits.map(\.id)) == ["a1", "a2"])
        var settings = RankingSettings()
        settings.expansion = ExpansionSettings(feedbackDocuments: 2, feedbackTerms: 2)
        let s = try Searcher(snapshot: idx.snapshot, settings: settings)
        let r = try s.search("apple")
        #expect(Set(r.hits.map(\.id)) == ["a1", "a2", "b"])
        #expect(r.hits.last?.id == "b")
        // A phrase or a field means the words were chosen: no feedback.
        #expect(Set(try s.search("body:apple").hits.map(\.id)) == ["a1", "a2"])
    }
}
