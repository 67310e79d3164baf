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

    @Test("RM3 feedback words rank the query's matches; they never add matches")
    func expansion() throws {
        var docs = [doc("a1", "", "apple apple banana"), doc("a2", "", "apple apple banana"), doc("c", "", "apple cider vinegar"),
                    doc("b", "", "banana split")]
        for i in 0..<6 { docs.append(doc("f\(i)", "", "filler text number \(i)")) }
        let idx = try TestIndex(docs)
        let plain = try idx.searcher().search("apple")
        #expect(Set(plain.hits.map(\.id)) == ["a1", "a2", "c"])
        var settings = RankingSettings()
        settings.expansion = ExpansionSettings(feedbackDocuments: 2, feedbackTerms: 2, minimumScoreRatio: 0, minimumWords: 1)
        let s = try Searcher(snapshot: idx.snapshot, settings: settings)
        let r = try s.search("apple")
        // "banana" (in both feedback documents) now ranks a1 and a2 further above c, but "b",
        // which has banana and no apple, still does not match.
        #expect(Set(r.hits.map(\.id)) == ["a1", "a2", "c"])
        #expect(r.total == 3)
        func ratio(_ x: SearchResult) -> Double {
            let sc = Dictionary(uniqueKeysWithValues: x.hits.map { ($0.id, $0.score) })
            return sc["a1"]! / sc["c"]!
        }
        #expect(ratio(r) > ratio(plain) * 1.02)
        // A phrase or a field means the words were chosen: no feedback.
        let fielded = try s.search("body:apple")
        let fieldedPlain = try idx.searcher().search("body:apple")
        #expect(fielded.hits.map(\.score) == fieldedPlain.hits.map(\.score))
    }

    @Test("by default, only confident questions are expanded")
    func gatedExpansion() throws {
        // One document has all seven words, eleven only "alpha": the best score is far above
        // the tenth, so the first pass is confident and "epsilon", from the best document,
        // lifts "eps" above the fillers it tied with.
        var docs = [doc("top", "", "alpha beta gamma delta zeta theta kappa epsilon"),
                    doc("eps", "", "alpha epsilon words shown twice")]
        for i in 0..<10 { docs.append(doc("f\(i)", "", "alpha filler\(i) words shown twice")) }
        let idx = try TestIndex(docs)
        var off = RankingSettings()
        off.expansion = nil
        let plain = try Searcher(snapshot: idx.snapshot, settings: off)
        let s = try idx.searcher()
        let q = "alpha beta gamma delta zeta theta kappa"
        let on = try s.search(q, options: SearchOptions(limit: 20))
        let without = try plain.search(q, options: SearchOptions(limit: 20))
        #expect(on.total == without.total)
        let sOn = Dictionary(uniqueKeysWithValues: on.hits.map { ($0.id, $0.score) })
        let sOff = Dictionary(uniqueKeysWithValues: without.hits.map { ($0.id, $0.score) })
        #expect(abs(sOff["eps"]! - sOff["f0"]!) < 1e-9)
        #expect(on.hits.map(\.id).prefix(2) == ["top", "eps"])
        #expect(sOn["eps"]! > sOn["f0"]! + 1e-6)
        // Flat first pass (every match has only "alpha"): no feedback, the scores are the plain ones.
        let flat = try s.search("alpha words shown twice", options: SearchOptions(limit: 20))
        let flatOff = try plain.search("alpha words shown twice", options: SearchOptions(limit: 20))
        #expect(flat.hits.map(\.score) == flatOff.hits.map(\.score))
        // Six words are a keyword search or a headline: never expanded.
        let six = try s.search("alpha beta gamma delta zeta theta", options: SearchOptions(limit: 20))
        let sixOff = try plain.search("alpha beta gamma delta zeta theta", options: SearchOptions(limit: 20))
        #expect(six.hits.map(\.score) == sixOff.hits.map(\.score))
    }
}
