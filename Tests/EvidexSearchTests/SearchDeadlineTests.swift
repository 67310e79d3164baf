import EvidexDocuments
@testable import EvidexSearch
import Testing

@Suite("Search deadlines")
struct SearchDeadlineTests {
    static func corpus(_ n: Int) -> [Document] {
        (0..<n).map { i in doc("d\(i)", "Report \(i)", "Staff said the ward was short of nurses, \(i) said ‘we are tired’.") }
    }

    @Test("A deadline already past stops a search and a quote search with timeLimit")
    func pastDeadline() throws {
        let idx = try TestIndex(Self.corpus(50), segments: 2)
        let s = try idx.searcher()
        var options = SearchOptions()
        options.deadline = .now - .seconds(1)
        #expect(throws: SearchError.self) { try s.search("staff", options: options) }
        do {
            _ = try s.search("staff", options: options)
        } catch {
            guard case .timeLimit = error else { Issue.record("\(error)"); return }
        }
        var quoteOptions = QuoteSearchOptions()
        quoteOptions.deadline = .now - .seconds(1)
        do {
            _ = try s.quotes("tired", options: quoteOptions)
            Issue.record("the quote search ran past its deadline")
        } catch {
            guard case .timeLimit = error else { Issue.record("\(error)"); return }
        }
    }

    @Test("A deadline in the future changes nothing")
    func futureDeadline() throws {
        let idx = try TestIndex(Self.corpus(SearchDeadline.interval + 100))
        let s = try idx.searcher()
        var options = SearchOptions(limit: 5)
        let plain = try s.search("nurses", options: options)
        options.deadline = .now + .seconds(600)
        let timed = try s.search("nurses", options: options)
        #expect(timed.total == SearchDeadline.interval + 100)
        #expect(timed.hits.map(\.id) == plain.hits.map(\.id))
        #expect(timed.facets == plain.facets)
    }

    @Test("The clock is read once every interval matches, not per match")
    func countdown() throws {
        var d = SearchDeadline(.now - .seconds(1))
        for _ in 1..<SearchDeadline.interval { try d.tick() }
        #expect(throws: SearchError.self) { try d.tick() }
        var none = SearchDeadline(nil)
        for _ in 0..<(2 * SearchDeadline.interval) { try none.tick() }
        try none.check()
    }
}
