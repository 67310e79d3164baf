import Testing
@testable import EvidexDocuments

@Suite("Dates")
struct DayParserTests {
    @Test("Written date formats", arguments: [
        "8 June 2021", "8th June 2021", "Tuesday 8 June 2021", "Tuesday, 8 June 2021", "June 8, 2021",
        "June 8th, 2021", "Jun 8 2021", "8 Jun 2021", "2021-06-08", "2021-06-08T10:28:00+01:00",
        "2021-06-08 10:28", "08/06/2021", "8/6/2021", "08.06.2021", "8 June 2021, 10:28 am",
        "8 June 2021 10.28am", "Published: 8 June 2021", "Updated 8 June 2021 at 3pm", "Tue 8 Jun 2021 10:28 BST",
        "2021/06/08", "8 June, 2021", "Tuesday 8th June 2021 10.28 a.m.",
    ])
    func formats(_ text: String) {
        #expect(DayParser.parse(text) == Day(year: 2021, month: 6, day: 8), "\(text)")
    }

    @Test("Not dates", arguments: [
        "The recommendation was made today (8 June)", "June 2021", "8 June", "32 June 2021",
        "29 February 2021", "Other recommendations", "By Jess Hacker", "10:28", "", "Q12 Chair: 8 June 2021",
    ])
    func notDates(_ text: String) {
        #expect(DayParser.parse(text) == nil, "\(text)")
    }

    @Test("UK order: day first; leap day; two-digit years")
    func order() {
        #expect(DayParser.parse("03/04/2020") == Day(year: 2020, month: 4, day: 3))
        #expect(DayParser.parse("29 February 2024") == Day(year: 2024, month: 2, day: 29))
        #expect(DayParser.parse("3/4/20") == Day(year: 2020, month: 4, day: 3))
        #expect(Day(parsing: "27 September 2023")?.description == "2023-09-27")
        #expect(DayParser.parse("September 27th 2023") == Day(year: 2023, month: 9, day: 27))
    }
}
