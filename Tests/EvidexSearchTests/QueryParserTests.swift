import Testing
@testable import EvidexSearch

// MARK: - Helpers

private let parser = QueryParser()

private func parse(_ text: String, _ op: BooleanOperator = .or) throws -> Query {
    try QueryParser(defaultOperator: op).parse(text)
}

private func parseError(_ text: String) -> QueryParseError? {
    do {
        _ = try parser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func term(_ text: String, _ field: QueryField? = nil, boost: Double = 1) -> Query {
    .term(text, field: field, boost: boost)
}

private func phrase(_ words: [String], _ field: QueryField? = nil, slop: Int = 0, boost: Double = 1) -> Query {
    .phrase(words, field: field, slop: slop, boost: boost)
}

private func bool(must: [Query] = [], should: [Query] = [], mustNot: [Query] = [], boost: Double = 1) -> Query {
    .boolean(must: must, should: should, mustNot: mustNot, boost: boost)
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> DateBound {
    DateBound(year: y, month: m, day: d)
}

private func dates(_ from: DateBound?, _ to: DateBound?) -> Query {
    .dateRange(from: from, to: to)
}

// MARK: - Terms

@Suite struct TermTests {
    @Test func singleTerm() throws {
        #expect(try parse("burnout") == term("burnout"))
        #expect(try parse("  burnout \t") == term("burnout"))
    }

    @Test func defaultOperatorIsOr() throws {
        #expect(try parse("burnout nurses") == bool(should: [term("burnout"), term("nurses")]))
    }

    @Test func defaultOperatorAnd() throws {
        #expect(try parse("burnout nurses", .and) == bool(must: [term("burnout"), term("nurses")]))
    }

    @Test(arguments: [
        "U.S.", "£1,200", "2021-06-08", "covid-19", "AT&T", "10:30", "foo:bar", "http://example.com/~user",
        "café", "東京", "staff’s", "e-mail@example.org", "C#", "x^y", "a&&b", "a||b", "wow!", "50%",
        "and", "or", "not", "And", "ANDROID", "NOTE", "[x", "{y", "re:", "Note:",
    ])
    func singleTokenTerms(_ text: String) throws {
        #expect(try parse(text) == term(text))
    }

    @Test func unicodeTermsInContext() throws {
        #expect(try parse("café 東京 staff’s") == bool(should: [term("café"), term("東京"), term("staff’s")]))
        #expect(try parse("title:東京") == term("東京", .title))
        #expect(try parse("\"café crème\"") == phrase(["café", "crème"]))
    }

    @Test func anyUnicodeWhitespaceSeparates() throws {
        let ab = bool(should: [term("a"), term("b")])
        #expect(try parse("a\u{00A0}b") == ab)
        #expect(try parse("a\nb") == ab)
        #expect(try parse("a\r\n\tb") == ab)
        #expect(try parse("a\u{3000}b") == ab)
    }

    @Test func combiningMarksStayInTerms() throws {
        #expect(try parse("cafe\u{301}") == term("cafe\u{301}"))
        #expect(try parse("\u{301}x") == term("\u{301}x"))
        #expect(try parse("e\u{301}~") == .fuzzy("e\u{301}", field: nil, maxEdits: 0, boost: 1))
    }

    @Test func hyphenInsideWordIsNotNegation() throws {
        #expect(try parse("covid-19 vaccine") == bool(should: [term("covid-19"), term("vaccine")]))
        #expect(try parse("long-covid -symptoms") == bool(should: [term("long-covid")], mustNot: [term("symptoms")]))
    }

    @Test func lowerCaseOperatorsAreTerms() throws {
        #expect(try parse("salt and pepper") == bool(should: [term("salt"), term("and"), term("pepper")]))
        #expect(try parse("to be or not") == bool(should: [term("to"), term("be"), term("or"), term("not")]))
    }

    @Test func quotesAndParenthesesSplitTerms() throws {
        #expect(try parse("a(b)") == bool(should: [term("a"), term("b")]))
        #expect(try parse("a\"b c\"") == bool(should: [term("a"), phrase(["b", "c"])]))
    }
}

// MARK: - Boolean operators

@Suite struct BooleanTests {
    @Test func andOperators() throws {
        let expected = bool(must: [term("a"), term("b")])
        #expect(try parse("a AND b") == expected)
        #expect(try parse("a && b") == expected)
        #expect(try parse("a &&b") == expected)
        #expect(try parse("a AND b", .and) == expected)
        #expect(try parse("a AND b AND c") == bool(must: [term("a"), term("b"), term("c")]))
    }

    @Test func orOperators() throws {
        let expected = bool(should: [term("a"), term("b")])
        #expect(try parse("a OR b") == expected)
        #expect(try parse("a || b") == expected)
        #expect(try parse("a OR b", .and) == expected)
    }

    @Test func notOperators() throws {
        let expected = bool(mustNot: [term("a")])
        #expect(try parse("NOT a") == expected)
        #expect(try parse("!a") == expected)
        #expect(try parse("! a") == expected)
        #expect(try parse("-a") == expected)
        #expect(try parse("NOT(a)") == expected)
        #expect(try parse("-a -b") == bool(mustNot: [term("a"), term("b")]))
        #expect(try parse("NOT a", .and) == expected)
    }

    @Test func requiredAndProhibited() throws {
        #expect(try parse("a b +c -d") == bool(must: [term("c")], should: [term("a"), term("b")], mustNot: [term("d")]))
        #expect(try parse("+a") == term("a"))
        #expect(try parse("+a +b") == bool(must: [term("a"), term("b")]))
        #expect(try parse("a b +c -d", .and) == bool(must: [term("a"), term("b"), term("c")], mustNot: [term("d")]))
    }

    @Test func precedenceAndOverOr() throws {
        let ab = bool(must: [term("a"), term("b")])
        #expect(try parse("a AND b OR c") == bool(should: [ab, term("c")]))
        #expect(try parse("(a AND b) OR c") == bool(should: [ab, term("c")]))
        #expect(try parse("a OR b AND c") == bool(should: [term("a"), bool(must: [term("b"), term("c")])]))
        #expect(try parse("a || b && c") == bool(should: [term("a"), bool(must: [term("b"), term("c")])]))
        #expect(try parse("a AND (b OR c)") == bool(must: [term("a"), bool(should: [term("b"), term("c")])]))
    }

    @Test func implicitOrIsLowestWithDefaultOr() throws {
        #expect(try parse("a b AND c") == bool(should: [term("a"), bool(must: [term("b"), term("c")])]))
    }

    @Test func implicitAndBindsLikeAndWithDefaultAnd() throws {
        #expect(try parse("a b OR c", .and) == bool(should: [bool(must: [term("a"), term("b")]), term("c")]))
        #expect(try parse("a OR b c", .and) == bool(should: [term("a"), bool(must: [term("b"), term("c")])]))
    }

    @Test func notBindsTighterThanAnd() throws {
        #expect(try parse("NOT a AND b") == bool(must: [term("b")], mustNot: [term("a")]))
        #expect(try parse("a AND NOT b") == bool(must: [term("a")], mustNot: [term("b")]))
        #expect(try parse("a AND NOT b OR c") == bool(should: [bool(must: [term("a")], mustNot: [term("b")]), term("c")]))
        #expect(try parse("a NOT b") == bool(should: [term("a")], mustNot: [term("b")]))
        #expect(try parse("a OR NOT b") == bool(should: [term("a")], mustNot: [term("b")]))
        #expect(try parse("NOT (a OR b)") == bool(mustNot: [bool(should: [term("a"), term("b")])]))
    }

    @Test func doubleNegationNests() throws {
        let notA = bool(mustNot: [term("a")])
        #expect(try parse("NOT NOT a") == bool(mustNot: [notA]))
        #expect(try parse("--a") == bool(mustNot: [notA]))
        #expect(try parse("x AND (NOT a)") == bool(must: [term("x"), notA]))
    }

    @Test func lonePlusAndMinusAreIgnored() throws {
        #expect(try parse("news - politics") == bool(should: [term("news"), term("politics")]))
        #expect(try parse("a + b") == bool(should: [term("a"), term("b")]))
        #expect(try parse("a AND - b") == bool(must: [term("a"), term("b")]))
    }

    @Test func operatorWordsNeedExactSpelling() throws {
        #expect(try parse("a ANDb") == bool(should: [term("a"), term("ANDb")]))
        #expect(try parse("a \\AND b") == bool(should: [term("a"), term("AND"), term("b")]))
        #expect(try parse("\\NOT") == term("NOT"))
    }
}

// MARK: - Groups

@Suite struct GroupTests {
    @Test func groupingAndSimplification() throws {
        #expect(try parse("(a)") == term("a"))
        #expect(try parse("((a))") == term("a"))
        #expect(try parse("(+a)") == term("a"))
        #expect(try parse("(a b) c") == bool(should: [bool(should: [term("a"), term("b")]), term("c")]))
        #expect(try parse("(a OR b) AND c") == bool(must: [bool(should: [term("a"), term("b")]), term("c")]))
        #expect(try parse("-(a b)") == bool(mustNot: [bool(should: [term("a"), term("b")])]))
        #expect(try parse("+(a b) c") == bool(must: [bool(should: [term("a"), term("b")])], should: [term("c")]))
    }

    @Test func groupBoosts() throws {
        #expect(try parse("(a b)^2") == bool(should: [term("a"), term("b")], boost: 2))
        #expect(try parse("(a)^2") == term("a", boost: 2))
        #expect(try parse("(a^2)^3") == term("a", boost: 6))
        #expect(try parse("((a b)^2)^3") == bool(should: [term("a"), term("b")], boost: 6))
        #expect(try parse("(date:2021)^2") == bool(must: [dates(day(2021, 1, 1), day(2021, 12, 31))], boost: 2))
    }

    @Test func groupInheritsDefaultOperator() throws {
        #expect(try parse("x AND (a b)", .and) == bool(must: [term("x"), bool(must: [term("a"), term("b")])]))
    }
}

// MARK: - Phrases

@Suite struct PhraseTests {
    @Test func phrases() throws {
        #expect(try parse("\"bitter irony\"") == phrase(["bitter", "irony"]))
        #expect(try parse("\"  bitter\t irony \"") == phrase(["bitter", "irony"]))
        #expect(try parse("\"burnout\"") == phrase(["burnout"]))
        #expect(try parse("“bitter irony”") == phrase(["bitter", "irony"]))
        #expect(try parse("\"AND OR NOT (x) title:y\"") == phrase(["AND", "OR", "NOT", "(x)", "title:y"]))
    }

    @Test func proximityAndBoost() throws {
        #expect(try parse("\"bitter irony\"~5") == phrase(["bitter", "irony"], slop: 5))
        #expect(try parse("\"bitter irony\"^1.5") == phrase(["bitter", "irony"], boost: 1.5))
        #expect(try parse("\"bitter irony\"~5^2") == phrase(["bitter", "irony"], slop: 5, boost: 2))
        #expect(try parse("\"bitter irony\"^2~5") == phrase(["bitter", "irony"], slop: 5, boost: 2))
        #expect(try parse("\"a b\"~3 c") == bool(should: [phrase(["a", "b"], slop: 3), term("c")]))
        #expect(try parse("(\"a b\"~3)") == phrase(["a", "b"], slop: 3))
    }

    @Test func escapesInsidePhrases() throws {
        #expect(try parse(#""say \"hi\" now""#) == phrase(["say", "\"hi\"", "now"]))
        #expect(try parse(#""back\\slash""#) == phrase(["back\\slash"]))
    }

    @Test func phraseModifiers() throws {
        #expect(try parse("+\"a b\" -\"c d\"") == bool(must: [phrase(["a", "b"])], mustNot: [phrase(["c", "d"])]))
        #expect(try parse("NOT \"a b\"") == bool(mustNot: [phrase(["a", "b"])]))
    }
}

// MARK: - Fields

@Suite struct FieldTests {
    @Test(arguments: QueryField.allCases)
    func everyField(_ field: QueryField) throws {
        #expect(try parse("\(field.rawValue):x") == term("x", field))
    }

    @Test func aliasesAndCase() throws {
        #expect(try parse("by:smith") == term("smith", .author))
        #expect(try parse("who:hallett") == term("hallett", .speaker))
        #expect(try parse("text:burnout") == term("burnout", .body))
        #expect(try parse("Title:burnout") == term("burnout", .title))
        #expect(try parse("SPEAKER:x") == term("x", .speaker))
    }

    @Test func fieldValues() throws {
        #expect(try parse("title:\"bitter irony\"~2") == phrase(["bitter", "irony"], .title, slop: 2))
        #expect(try parse("title:bur*") == .prefix("bur", field: .title, boost: 1))
        #expect(try parse("title:nurse~1^2") == .fuzzy("nurse", field: .title, maxEdits: 1, boost: 2))
        #expect(try parse("title:x^3") == term("x", .title, boost: 3))
        #expect(try parse("title:AND") == term("AND", .title))
        #expect(try parse("title:-x") == term("-x", .title))
        #expect(try parse("title:author:x") == term("author:x", .title))
        #expect(try parse("source:http://bbc.co.uk") == term("http://bbc.co.uk", .source))
    }

    @Test func fieldGroups() throws {
        #expect(try parse("title:(a OR b)") == bool(should: [term("a", .title), term("b", .title)]))
        #expect(try parse("title:(a \"b c\" dd*)") == bool(should: [term("a", .title), phrase(["b", "c"], .title), .prefix("dd", field: .title, boost: 1)]))
        #expect(try parse("title:(a author:b)") == bool(should: [term("a", .title), term("b", .author)]))
        #expect(try parse("title:(a (b -c))^2") == bool(should: [term("a", .title), bool(should: [term("b", .title)], mustNot: [term("c", .title)])], boost: 2))
        #expect(try parse("-title:(a b)") == bool(mustNot: [bool(should: [term("a", .title), term("b", .title)])]))
    }

    @Test func unknownFieldsArePlainTerms() throws {
        #expect(try parse("foo:bar baz") == bool(should: [term("foo:bar"), term("baz")]))
        #expect(try parse("meeting at 10:30") == bool(should: [term("meeting"), term("at"), term("10:30")]))
        #expect(try parse("https://example.com/a?b=c") == term("https://example.com/a?b=c"))
        #expect(try parse("title\\:x") == term("title:x"))
    }
}

// MARK: - Dates

@Suite struct DateTests {
    @Test func partialDatesExpand() throws {
        #expect(try parse("date:2021") == dates(day(2021, 1, 1), day(2021, 12, 31)))
        #expect(try parse("date:2021-06") == dates(day(2021, 6, 1), day(2021, 6, 30)))
        #expect(try parse("date:2020-02") == dates(day(2020, 2, 1), day(2020, 2, 29)))
        #expect(try parse("date:2021-02") == dates(day(2021, 2, 1), day(2021, 2, 28)))
        #expect(try parse("date:1900-02") == dates(day(1900, 2, 1), day(1900, 2, 28)))
        #expect(try parse("date:2000-02") == dates(day(2000, 2, 1), day(2000, 2, 29)))
        #expect(try parse("date:2021-06-08") == dates(day(2021, 6, 8), day(2021, 6, 8)))
        #expect(try parse("date:2021-6-8") == dates(day(2021, 6, 8), day(2021, 6, 8)))
        #expect(try parse("DATE:2021-12") == dates(day(2021, 12, 1), day(2021, 12, 31)))
    }

    @Test func ranges() throws {
        #expect(try parse("date:[2021-01-01 TO 2021-06-30]") == dates(day(2021, 1, 1), day(2021, 6, 30)))
        #expect(try parse("date:{2021-01-01 TO 2021-06-30}") == dates(day(2021, 1, 2), day(2021, 6, 29)))
        #expect(try parse("date:[2021-01-01 TO 2021-07-01}") == dates(day(2021, 1, 1), day(2021, 6, 30)))
        #expect(try parse("date:{2020-12-31 TO 2021-06-30]") == dates(day(2021, 1, 1), day(2021, 6, 30)))
        #expect(try parse("date:[2021-01-01 TO *]") == dates(day(2021, 1, 1), nil))
        #expect(try parse("date:[* TO 2021-06-30]") == dates(nil, day(2021, 6, 30)))
        #expect(try parse("date:[* TO *]") == dates(nil, nil))
        #expect(try parse("date:[2020 TO 2021-06]") == dates(day(2020, 1, 1), day(2021, 6, 30)))
        #expect(try parse("date:{2020 TO 2022}") == dates(day(2021, 1, 1), day(2021, 12, 31)))
        #expect(try parse("date:[ 2021-01-01   to 2021-01-01 ]") == dates(day(2021, 1, 1), day(2021, 1, 1)))
        #expect(try parse("date:{2021-02-28 TO *}") == dates(day(2021, 3, 1), nil))
        #expect(try parse("date:{2020-02-28 TO *}") == dates(day(2020, 2, 29), nil))
    }

    @Test func comparisons() throws {
        #expect(try parse("date:>=2021-01-01") == dates(day(2021, 1, 1), nil))
        #expect(try parse("date:>2021-01-01") == dates(day(2021, 1, 2), nil))
        #expect(try parse("date:>2021") == dates(day(2022, 1, 1), nil))
        #expect(try parse("date:<2022") == dates(nil, day(2021, 12, 31)))
        #expect(try parse("date:<2021-03-01") == dates(nil, day(2021, 2, 28)))
        #expect(try parse("date:<=2021-06") == dates(nil, day(2021, 6, 30)))
        #expect(try parse("date:>=2021-06") == dates(day(2021, 6, 1), nil))
    }

    @Test func datesCombineWithOtherClauses() throws {
        #expect(try parse("burnout AND date:2021") == bool(must: [term("burnout"), dates(day(2021, 1, 1), day(2021, 12, 31))]))
        #expect(try parse("burnout -date:2021-06") == bool(should: [term("burnout")], mustNot: [dates(day(2021, 6, 1), day(2021, 6, 30))]))
        #expect(try parse("date:(2020 OR 2022)") == bool(should: [dates(day(2020, 1, 1), day(2020, 12, 31)), dates(day(2022, 1, 1), day(2022, 12, 31))]))
        #expect(try parse("date:(2021 -2021-06)") == bool(should: [dates(day(2021, 1, 1), day(2021, 12, 31))], mustNot: [dates(day(2021, 6, 1), day(2021, 6, 30))]))
        #expect(try parse("date:[2021 TO 2022] x") == bool(should: [dates(day(2021, 1, 1), day(2022, 12, 31)), term("x")]))
        #expect(try parse("(date:[2021 TO 2022])") == dates(day(2021, 1, 1), day(2022, 12, 31)))
    }

    @Test(arguments: [
        ("date:2021-02-30", "2021-02 has 28 days"),
        ("date:2020-02-30", "2020-02 has 29 days"),
        ("date:2021-04-31", "2021-04 has 30 days"),
        ("date:2021-13", "months run from 01 to 12"),
        ("date:2021-00-01", "months run from 01 to 12"),
        ("date:0000", "years run"),
        ("date:21", "expected a date like"),
        ("date:june", "expected a date like"),
        ("date:2021-06-08-01", "expected a date like"),
        ("date:2021--01", "expected a date like"),
        ("date:2021-001", "expected a date like"),
        ("date:[2021 TO]", "should look like"),
        ("date:[2021 2022]", "should look like"),
        ("date:[2021 TO 2022", "unclosed date range"),
        ("date:[2022 TO 2021]", "is empty"),
        ("date:{2021-01-01 TO 2021-01-02}", "is empty"),
        ("date:\"2021\"", "not a phrase"),
        ("date:2021^2", "expected a date like"),
        ("date:[2021 TO 2022]^2", "unexpected text after the date range"),
        ("date:>9999", "no dates after"),
        ("date:<0001", "no dates before"),
        ("date:>=", "expected a date like"),
        ("date:*", "expected a date like"),
    ])
    func dateErrors(_ query: String, _ expected: String) throws {
        let error = try #require(parseError(query))
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.column >= 1 && error.column <= query.count + 1)
    }

    @Test func dateErrorColumns() throws {
        #expect(parseError("x date:2021-02-30")?.column == 8)
        #expect(parseError("date:[2021-01-01 TO 2021-02-30]")?.column == 21)
        #expect(parseError("date:>=2021-02-30")?.column == 8)
    }

    @Test func dateBoundOrdinals() {
        #expect(day(1970, 1, 1).ordinal == 0)
        #expect(day(2021, 6, 8).ordinal == 18786)
        #expect(DateBound(ordinal: 18786) == day(2021, 6, 8))
        #expect(DateBound(ordinal: -1) == day(1969, 12, 31))
        #expect(day(2021, 6, 8).description == "2021-06-08")
        #expect(day(2021, 1, 31) < day(2021, 2, 1))
        #expect(!day(2021, 2, 29).isValid)
        #expect(day(2024, 2, 29).isValid)
    }
}

// MARK: - Prefix, fuzzy, match-all, boosts

@Suite struct ModifierTests {
    @Test func prefixes() throws {
        #expect(try parse("bur*") == .prefix("bur", field: nil, boost: 1))
        #expect(try parse("bu*") == .prefix("bu", field: nil, boost: 1))
        #expect(try parse("bur*^2") == .prefix("bur", field: nil, boost: 2))
        #expect(try parse("東京*") == .prefix("東京", field: nil, boost: 1))
        #expect(try parse("-bur*") == bool(mustNot: [.prefix("bur", field: nil, boost: 1)]))
        #expect(try parse("a\\*") == term("a*"))
        #expect(try parse("f*ck") == term("f*ck"))
    }

    @Test func prefixNeedsTwoCharacters() throws {
        let error = try #require(parseError("x a*"))
        #expect(error.column == 3)
        #expect(error.message.contains("at least 2 characters"))
        #expect(parseError("title:*") != nil)
        #expect(parseError("é*") != nil)
    }

    @Test func matchAll() throws {
        #expect(try parse("*") == .matchAll)
        #expect(try parse("*:*") == .matchAll)
        #expect(try parse("* -draft") == bool(should: [.matchAll], mustNot: [term("draft")]))
        #expect(try parse("*^2") == bool(must: [.matchAll], boost: 2))
        #expect(try parse("\\*") == term("*"))
    }

    @Test func fuzzyAutoEdits() throws {
        #expect(try parse("ab~") == .fuzzy("ab", field: nil, maxEdits: 0, boost: 1))
        #expect(try parse("abc~") == .fuzzy("abc", field: nil, maxEdits: 1, boost: 1))
        #expect(try parse("nurse~") == .fuzzy("nurse", field: nil, maxEdits: 1, boost: 1))
        #expect(try parse("burnout~") == .fuzzy("burnout", field: nil, maxEdits: 2, boost: 1))
        #expect(try parse("café~") == .fuzzy("café", field: nil, maxEdits: 1, boost: 1))
    }

    @Test func fuzzyExplicitEdits() throws {
        #expect(try parse("burnout~1") == .fuzzy("burnout", field: nil, maxEdits: 1, boost: 1))
        #expect(try parse("ab~2") == .fuzzy("ab", field: nil, maxEdits: 2, boost: 1))
        #expect(try parse("ab~0") == .fuzzy("ab", field: nil, maxEdits: 0, boost: 1))
        #expect(try parse("burnout~1^3") == .fuzzy("burnout", field: nil, maxEdits: 1, boost: 3))
        #expect(try parse("burnout^3~1") == .fuzzy("burnout", field: nil, maxEdits: 1, boost: 3))
        let error = try #require(parseError("burnout~3"))
        #expect(error.column == 8)
        #expect(error.message.contains("at most 2"))
        #expect(parseError("a~99999999999999999999999") != nil)
        #expect(parseError("abc*~") != nil)
    }

    @Test func tildeAndCaretThatAreNotModifiersStayInTheTerm() throws {
        #expect(try parse("~user") == term("~user"))
        #expect(try parse("a~b") == term("a~b"))
        #expect(try parse("x^y") == term("x^y"))
        #expect(try parse("a^") == term("a^"))
        #expect(try parse("^2") == term("^2"))
        #expect(try parse("a^-1") == term("a^-1"))
        #expect(try parse("a\\~") == term("a~"))
        #expect(try parse("a\\^2") == term("a^2"))
    }

    @Test func boosts() throws {
        #expect(try parse("burnout^2") == term("burnout", boost: 2))
        #expect(try parse("burnout^1.5") == term("burnout", boost: 1.5))
        #expect(try parse("burnout^.5") == term("burnout", boost: 0.5))
        #expect(try parse("burnout^0") == term("burnout", boost: 0))
        #expect(try parse("burnout^1") == term("burnout"))
        #expect(try parse("\"a b\"^1.5") == phrase(["a", "b"], boost: 1.5))
        #expect(try parse("a^2 b") == bool(should: [term("a", boost: 2), term("b")]))
    }
}

// MARK: - Escapes

@Suite struct EscapeTests {
    @Test func escapes() throws {
        #expect(try parse("\\(a\\)") == term("(a)"))
        #expect(try parse("a\\ b") == term("a b"))
        #expect(try parse("\\-a") == term("-a"))
        #expect(try parse("\\+a") == term("+a"))
        #expect(try parse("\\!a") == term("!a"))
        #expect(try parse("\\\"quoted\\\"") == term("\"quoted\""))
        #expect(try parse("back\\\\slash") == term("back\\slash"))
        #expect(try parse("\\&&x") == term("&&x"))
        #expect(try parse("\\*:\\*") == term("*:*"))
    }

    @Test func trailingBackslashIsAnError() throws {
        let error = try #require(parseError("abc\\"))
        #expect(error.column == 4)
        #expect(error.message.contains("trailing \\"))
    }
}

// MARK: - Errors

@Suite struct ErrorTests {
    @Test func unclosedQuote() throws {
        let error = try #require(parseError("nurse \"bitter irony"))
        #expect(error.column == 7)
        #expect(error.message == "unclosed quote at column 7: add a closing \" or escape it with \\\"")
        #expect(error.description == error.message)
        #expect(parseError("\"a \\\"")?.column == 1)
        #expect(parseError("title:\"a b")?.column == 7)
    }

    @Test func unbalancedParentheses() throws {
        let open = try #require(parseError("x (a OR b"))
        #expect(open.column == 3)
        #expect(open.message.contains("unclosed ("))
        let inner = try #require(parseError("((a) b"))
        #expect(inner.column == 1)
        let close = try #require(parseError("a OR b) c"))
        #expect(close.column == 7)
        #expect(close.message.contains("unmatched )"))
        #expect(parseError("a \\) b") == nil)
    }

    @Test(arguments: ["", "   ", "\t\n", "-", "+ -"])
    func emptyQuery(_ text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.column == 1)
        #expect(error.message.contains("empty query"))
    }

    @Test(arguments: [
        ("()", 1, "empty parentheses"),
        ("a ( )", 3, "empty parentheses"),
        ("\"\"", 1, "empty phrase"),
        ("a \"  \"", 3, "empty phrase"),
        ("AND a", 1, "needs a term before"),
        ("OR", 1, "needs a term before"),
        ("a AND", 3, "needs a term after"),
        ("a ||", 3, "needs a term after"),
        ("a AND OR b", 7, "follows AND"),
        ("(a AND) b", 4, "needs a term after"),
        ("NOT", 1, "needs a term after"),
        ("a !", 3, "needs a term after"),
        ("NOT AND a", 1, "needs a term after"),
        ("title:", 1, "needs a value"),
        ("x by: smith", 3, "needs a value"),
        ("(title:)", 2, "needs a value"),
        ("\"a b\"~", 6, "needs a whole number"),
        ("\"a b\"~x", 6, "needs a whole number"),
        ("\"a b\"^", 6, "needs a number"),
        ("\"a b\"^x", 6, "needs a number"),
        ("\"a b\"~1~2", 8, "second ~"),
        ("(a b)^", 6, "needs a number"),
        ("(a b)~2", 6, "cannot follow a group"),
    ])
    func syntaxErrors(_ query: String, _ column: Int, _ fragment: String) throws {
        let error = try #require(parseError(query))
        #expect(error.column == column, "\(error.message)")
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.message.contains("column \(column)"), "\(error.message)")
    }

    @Test func tooDeeplyNested() throws {
        let deep = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
        #expect(parseError(deep)?.message.contains("nested too deeply") == true)
        let negations = String(repeating: "-", count: 500) + "a"
        #expect(parseError(negations)?.message.contains("nested too deeply") == true)
        let ok = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(try parse(ok) == term("a"))
    }

    @Test func columnsCountCharacters() throws {
        // "café " is five characters (é may be one or two scalars), so the quote is column 6.
        #expect(parseError("café \"x")?.column == 6)
        #expect(parseError("cafe\u{301} \"x")?.column == 6)
        #expect(parseError("東京 (x")?.column == 4)
    }
}

// MARK: - Canonical description

@Suite struct DescriptionTests {
    @Test(arguments: [
        ("burnout", "burnout"),
        ("a b +c -d", "a b +c -d"),
        ("a AND b", "+a +b"),
        ("a OR b AND c", "a (+b +c)"),
        ("NOT a", "-a"),
        ("by:smith", "author:smith"),
        ("who:\"Lady Hallett\"~2^3", "speaker:\"Lady Hallett\"~2^3"),
        ("bur*^1.5", "bur*^1.5"),
        ("burnout~", "burnout~2"),
        ("date:2021-06", "date:[2021-06-01 TO 2021-06-30]"),
        ("date:>2021", "date:[2022-01-01 TO *]"),
        ("(a b)^2", "(a b)^2"),
        ("*", "*"),
        ("\\AND", "\\AND"),
        ("\\-x", "\\-x"),
        ("title\\:x", "title\\:x"),
        ("foo:bar", "foo:bar"),
        ("10:30", "10:30"),
        ("a\\ b", "a\\ b"),
        ("x^y", "x\\^y"),
        ("(date:2021)^2", "(+date:[2021-01-01 TO 2021-12-31])^2"),
    ])
    func canonicalText(_ query: String, _ expected: String) throws {
        #expect(try parse(query).description == expected)
    }

    static let roundTripQueries = [
        "burnout", "burnout nurses", "a b +c -d", "a AND b OR c", "a OR b AND c", "NOT a", "-a -b",
        "NOT NOT a", "a AND NOT b OR c", "(a OR b) AND (c OR -d)", "+(a b) -(c d) e",
        "\"bitter irony\"", "\"bitter irony\"~5^2", "“smart quotes”", "\"say \\\"hi\\\"\"",
        "title:x", "by:smith who:hallett text:burnout", "title:(a OR b) author:\"c d\"",
        "title:(a (b -c))^2", "title:bur*", "title:nurse~1^2", "source:http://bbc.co.uk",
        "date:2021", "date:2020-02", "date:2021-06-08", "date:[2021-01-01 TO 2021-06-30]",
        "date:{2021-01-01 TO *}", "date:[* TO 2021-06-30}", "date:>=2021-01-01", "date:<2022",
        "date:(2020 OR 2022)", "(date:2021)^2", "*", "*:*", "*^2", "* -draft",
        "bur*", "ab~", "burnout~", "burnout~1", "a^2", "a^1.5", "\"a b\"^0.25", "(a b)^2", "((a b)^2)^1.1",
        "U.S. £1,200 2021-06-08 covid-19", "café 東京 staff’s", "foo:bar 10:30 http://example.com/~user",
        "\\(a\\) a\\ b \\AND \\-x \\+y \\!z", "title\\:x date\\:2021 by\\:x", "back\\\\slash \\\"q\\\"",
        "a\\* a\\~ a\\^2 x^y ~user a^", "a &&x", "a && b || c", "\\&&x \\||y", "salt and pepper",
        "title:AND title:-x title:author:x", "-title:(a b) +date:2021 kind:news",
        "a b OR c AND NOT d -e +f (g h)^3", "[x {y <z >w", "\u{301}x cafe\u{301} \"e\u{301}t\u{301}e\u{301}\"",
        "x\\\u{301} \\\u{301}y", "👩‍👩‍👧 \"🇬🇧 x\"",
    ]

    @Test(arguments: roundTripQueries)
    func roundTrip(_ query: String) throws {
        let parsed = try parse(query)
        let reparsed = try parse(parsed.description)
        #expect(reparsed == parsed, "\(query) → \(parsed.description)")
        // The canonical text is a fixed point.
        #expect(reparsed.description == parsed.description)
    }
}

// MARK: - Fuzz

/// SplitMix64: deterministic, so a failure reproduces.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct FuzzTests {
    static let pieces = [
        "a", "b", "burnout", "café", "東京", "covid-19", "AND", "OR", "NOT", "and", "&&", "||", "&", "|", "!",
        "+", "-", "(", ")", "\"", "“", "”", "\\", "~", "~1", "~3", "^", "^2", "^1.5", "*", "*:*", ":", "title:",
        "by:", "foo:", "date:", "2021", "2021-06", "2021-02-30", "[", "]", "{", "}", "TO", ">=", "<", " ", " ",
        " ", "  ", "\t", "10:30", "ab*", "x~", "\"a b\"", "\"a b\"~2", "é", "\u{301}",
    ]

    @Test func randomQueriesNeverCrash() throws {
        var rng = SplitMix64(state: 0x5EED)
        let parser = QueryParser()
        let andParser = QueryParser(defaultOperator: .and)
        var parsed = 0
        for _ in 0..<2000 {
            let count = Int.random(in: 1...14, using: &rng)
            var text = ""
            for _ in 0..<count {
                text += FuzzTests.pieces.randomElement(using: &rng)!
            }
            do {
                let query = try parser.parse(text)
                parsed += 1
                // Whatever parses prints canonically and reads back to the same query.
                let again = try parser.parse(query.description)
                #expect(again == query, "\(text) → \(query.description)")
            } catch {
                #expect(error.column >= 1 && error.column <= text.count + 1, "\(text): \(error)")
                #expect(!error.message.isEmpty)
            }
            _ = try? andParser.parse(text)
        }
        // The generator is not so hostile that nothing parses.
        #expect(parsed > 200)
    }
}

// MARK: - Lenient and plain-word syntax (pasted questions)

@Suite struct LenientSyntaxTests {
    let lenient = QueryParser(syntax: .lenient)
    let plain = QueryParser(syntax: .plainWords)

    @Test("well-formed syntax keeps its meaning")
    func wellFormed() throws {
        #expect(try lenient.parse("+a +b") == bool(must: [term("a"), term("b")]))
        #expect(try lenient.parse("\"bitter irony\" title:pay") == bool(should: [phrase(["bitter", "irony"]), term("pay", .title)]))
        #expect(try lenient.parse("a b") == bool(should: [term("a"), term("b")]))
    }

    @Test("malformed queries read as their words instead of failing")
    func malformed() throws {
        for text in ["what is \"information retrieval?", "effects (of smoking", "nurses)", "pay AND", "OR staff",
                     "cost ^ benefit", "a~9", "x* b*", "NOT", "date:soon", "trailing \\"] {
            #expect(throws: Never.self, "\(text)") { _ = try lenient.parse(text) }
        }
        #expect(try lenient.parse("what is \"information retrieval?")
                == bool(should: [term("what"), term("is"), term("information"), term("retrieval?")]))
        #expect(try lenient.parse("effects (of smoking") == bool(should: [term("effects"), term("of"), term("smoking")]))
        #expect(try lenient.parse("pay AND") == bool(should: [term("pay"), term("AND")]))
    }

    @Test("unknown field: prefixes and empty known fields are words")
    func fieldPrefixes() throws {
        #expect(try lenient.parse("question:what causes it") == bool(should: [term("question"), term(":what"), term("causes"), term("it")]))
        #expect(try lenient.parse("Title: burnout") == bool(should: [term("Title"), term(":"), term("burnout")]))
        #expect(try lenient.parse("title:burnout") == term("burnout", .title))
        #expect(try lenient.parse("meet at 10:30") == bool(should: [term("meet"), term("at"), term("10:30")]))
        // Strict mode is unchanged: a field with nothing after it is an error.
        #expect(throws: QueryParseError.self) { try QueryParser().parse("Title: burnout") }
    }

    @Test("plain words: syntax characters separate words, nothing is an operator")
    func plainWords() throws {
        #expect(try plain.parse("+a -b \"c d\" title:e (f OR g)^2 h*")
                == bool(should: ["a", "b", "c", "d", "title", "e", "f", "OR", "g", "2", "h"].map { term($0) }))
        #expect(try plain.parse("covid-19 10:30") == bool(should: [term("covid-19"), term("10:30")]))
        #expect(try QueryParser(defaultOperator: .and, syntax: .plainWords).parse("a b") == bool(must: [term("a"), term("b")]))
        #expect(try plain.parse("word") == term("word"))
        #expect(throws: QueryParseError.self) { try plain.parse(" \" ( ) ") }
        #expect(throws: QueryParseError.self) { try lenient.parse("   ") }
    }
}
