import EvidexText
import Testing
@testable import EvidexSearch

/// Which quotations a query describes. Word and phrase queries are matched on the analyzer's
/// term ids, prefixes and typos on strings: both must read a quote the same way.
@Suite struct QuoteMatcherTests {
    static let turns = [
        "I think the lessons learned from Exercise Cygnus were not acted upon.",
        "We learnt a lesson: the stockpile of gowns ran out within weeks.",
        "The “balanced basket of indicators” we suggest is not a target.",
        "Ministers were told, in February 2020, that care homes would be at risk.",
        "Schools closed on 20 March; the decision was taken by the Cabinet.",
    ]

    static func matching(_ query: String) throws -> [Int] {
        let analyzer = try Analyzer()
        let matcher = QuoteMatcher(query: try QueryParser(defaultOperator: .and).parse(query), analyzer: analyzer)
        return turns.indices.filter { matcher.matches(turns[$0]) }
    }

    @Test func wordsMatchByStem() throws {
        #expect(try Self.matching("lessons") == [0, 1])
        #expect(try Self.matching("learned lesson") == [0])
        // Snowball leaves "learnt" as it is, so only "learned" shares the stem of "learn"
        #expect(try Self.matching("learn lesson") == [0])
        #expect(try Self.matching("home") == [3])
    }

    @Test func phrasesAndOperators() throws {
        #expect(try Self.matching("\"lessons learned\"") == [0])
        #expect(try Self.matching("\"balanced basket\"") == [2])
        #expect(try Self.matching("\"basket balanced\"") == [])
        #expect(try Self.matching("lesson NOT cygnus") == [1])
        #expect(try Self.matching("gowns OR schools") == [1, 4])
        #expect(try Self.matching("(cabinet OR ministers) february") == [3])
    }

    @Test func prefixesAndTyposStillMatch() throws {
        #expect(try Self.matching("less*") == [0, 1])
        #expect(try Self.matching("stockpil~1") == [1])
        #expect(try Self.matching("cab* schools") == [4])
    }
}
