import Testing
@testable import EvidexQuotes

@Suite("Seed article: ICSs should have ‘duty’ to report progress on addressing discrimination",
       .enabled(if: SeedArticle.text != nil,
                "skipped: \(SeedArticle.relativePath) not found beside any ancestor folder of the package"))
struct SeedArticleTests {
    let text = SeedArticle.text ?? ""
    var quotes: [Quote] { TestSupport.quotes(text) }

    @Test func bitterIronyIsSuzieBaileyOfTheKingsFund() throws {
        let q = try #require(TestSupport.quote("It is a bitter irony", in: quotes))
        #expect(q.kind == .full)
        let sp = try #require(q.speaker)
        #expect(sp.name == "Suzie Bailey")
        #expect(sp.organisation == "The King’s Fund")
        #expect(sp.role == "director of leadership and organisational development at The King’s Fund")
        #expect(TestSupport.slice(text, sp.mention) == "she")
        #expect(TestSupport.slice(text, q.cue) == "said")
        #expect(q.text.hasSuffix("because of their work,"))
    }

    @Test func followingParagraphContinuesHerQuote() throws {
        let q = try #require(TestSupport.quote("It is particularly shocking", in: quotes))
        #expect(q.kind == .full)
        #expect(q.speaker?.name == "Suzie Bailey")
        #expect(q.text.hasSuffix("this systemic discrimination."))
    }

    @Test func starkDepictionIsHerPartialQuote() throws {
        let q = try #require(TestSupport.quote("stark depiction", in: quotes))
        #expect(q.kind == .partial)
        #expect(q.speaker?.name == "Suzie Bailey")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "Suzie Bailey")
    }

    @Test func laterQuotesUseHerFullName() throws {
        for prefix in ["physically and emotionally drained", "for many years", "Despite this"] {
            let q = try #require(TestSupport.quote(prefix, in: quotes))
            #expect(q.speaker?.name == "Suzie Bailey", "\(prefix)")
            #expect(q.speaker?.organisation == "The King’s Fund", "\(prefix)")
        }
        let q = try #require(TestSupport.quote("physically", in: quotes))
        #expect(TestSupport.slice(text, q.speaker?.mention) == "Ms Bailey")
    }

    @Test func recommendationIsTheCommitteeReportWithItsNestedQuote() throws {
        let q = try #require(TestSupport.quote("We therefore recommend", in: quotes))
        #expect(q.kind == .full)
        #expect(q.speaker?.name == "Health and Social Care Committee report")
        #expect(q.speaker?.organisation == "Health and Social Care Committee")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "the report")
        #expect(q.text.hasSuffix("targets that include timings,"))
        #expect(q.nested.count == 1)
        #expect(TestSupport.slice(text, q.nested.first) == "balanced basket of indicators")
        #expect(!quotes.contains { $0.text.hasPrefix("balanced basket") })
    }

    @Test func clearerGuidanceIsTheAdvisoryGroupReport() throws {
        let q = try #require(TestSupport.quote("clearer guidance and expectations", in: quotes))
        #expect(q.kind == .partial)
        #expect(q.speaker?.name == "BAME Communities Advisory Group report")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "It")
        #expect(TestSupport.slice(text, q.cue) == "called for")
    }

    @Test func advisoryGroupReportCalledForEqualStatus() throws {
        let q = try #require(TestSupport.quote("working in the NHS and social care", in: quotes))
        #expect(q.speaker?.name == "BAME Communities Advisory Group report")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "The advisory group’s report")
    }

    @Test func dutyAndBusinessAsUsualAreScareQuotes() throws {
        let duties = quotes.filter { $0.text == "duty" }
        #expect(duties.count == 3)   // two headline lines and the first paragraph
        for q in duties {
            #expect(q.kind == .scare)
            #expect(q.speaker == nil)
        }
        let bau = try #require(TestSupport.quote("business as usual", in: quotes))
        #expect(bau.kind == .scare)
        #expect(bau.speaker == nil)
    }

    @Test func offsetsAreCodePointsExcludingMarks() {
        let scalars = Array(text.unicodeScalars)
        for q in quotes {
            #expect(String(String.UnicodeScalarView(scalars[q.range])) == q.text)
            #expect(scalars[q.range.lowerBound - 1] == "\u{2018}")
        }
    }

    @Test func committeeStatementsAreAttributedToTheCommittee() throws {
        let q = try #require(TestSupport.quote("an important step", in: quotes))
        #expect(q.speaker?.name == "Health and Social Care Committee")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "The Committee")
    }
}
