import Evidex
import Foundation
import Testing

@Suite("Quotes and organisations in the shipped corpus")
struct CorpusQuoteTests {
    static func searcher() throws -> (ScratchIndex, Searcher) {
        let idx = ScratchIndex()
        let corpus = SharedData.repositoryRoot.appendingPathComponent("corpus").path
        let report = try CorpusIndexer.run(paths: [corpus], indexDirectory: idx.path, options: IndexingOptions(threads: 2))
        #expect(report.failures.isEmpty, "\(report.failures)")
        return (idx, try Searcher(snapshot: try IndexSnapshot(directory: idx.path)))
    }

    @Test("quotes \"bitter irony\" finds Suzie Bailey of The King's Fund, in its sentence")
    func bitterIrony() throws {
        let (_, s) = try Self.searcher()
        let r = try s.quotes("bitter irony")
        #expect(r.total == 1)
        let q = try #require(r.quotes.first)
        #expect(q.speaker?.name == "Suzie Bailey")
        #expect(q.speaker?.organisation == "The King's Fund")
        #expect(q.speaker?.role?.hasPrefix("director of leadership and organisational development") == true)
        #expect(q.document.id == "ics-discrimination-2021-06-08.txt")
        #expect(q.document.date == "2021-06-08")
        #expect(q.sentence.hasSuffix("she said."))
        let cut = String(String.UnicodeScalarView(Array(q.sentence.unicodeScalars)[q.highlight[0]..<q.highlight[1]]))
        #expect(cut == q.text)
        // Punctuation and straight or curly marks do not matter to an exact lookup.
        #expect(try s.quotes("\"It is a bitter irony that so many health and care staff\"").total == 1)
        #expect(try s.quotes("“bitter irony, that so many”").total == 1)
        #expect(try s.quotes("\"bitter irony that many\"").total == 0)
    }

    @Test("transcript turns are found by their words, in quote search and by quote:, though only the body indexes them")
    func turnsThroughTheBody() throws {
        let (_, s) = try Self.searcher()
        let r = try s.quotes("deliberate safe")
        let turn = try #require(r.quotes.first)
        #expect(r.total == 1)
        #expect(turn.kind == "turn")
        #expect(turn.speaker?.name == "Dr Penhaligon")
        #expect(turn.document.id == "evidence/inquiry-sample-hearing-2024-11-14.rst")
        #expect(try s.quotes("\"looking at a rota with those gaps\"").total == 1)
        // Words of the same transcript that are not in one turn together match no quote.
        #expect(try s.quotes("deliberate Okafor").total == 0)
        // Quotes of news and turns of evidence together ("rota": a reported phrase, a quoted
        // clause and two committee witnesses' turns among them).
        let rota = try s.quotes("rota", options: QuoteSearchOptions(limit: 20))
        #expect(Set(rota.quotes.map(\.kind)) == ["partial", "full", "turn"])
        // quote: in document search: turns of evidence and quotes of news alike
        #expect(try s.search("quote:autumn").hits.map(\.id) == ["evidence/inquiry-sample-hearing-2024-11-14.rst"])
        #expect(try s.search("quote:\"bitter irony\"").hits.map(\.id) == ["ics-discrimination-2021-06-08.txt"])
        // a news body word outside its quotes is not a quote word
        #expect(try s.search("body:burnout").hits.count > s.search("quote:burnout").hits.count)
    }

    @Test("quotes --org \"King's Fund\" finds its people in news and in evidence; --speaker narrows to one")
    func byOrganisationAndSpeaker() throws {
        let (_, s) = try Self.searcher()
        for org in ["King's Fund", "Kings Fund", "The King’s Fund"] {
            let r = try s.quotes("", options: QuoteSearchOptions(limit: 100, org: org))
            let speakers = Set(r.quotes.compactMap { $0.speaker?.name })
            // Suzie Bailey in the seed article; Professor Okereke, "Senior Fellow, The King's
            // Fund" in the committee's witness list, for his transcript turns.
            #expect(speakers == ["Suzie Bailey", "Professor Okereke"], "org \(org): \(speakers)")
            #expect(r.quotes.allSatisfy { $0.speaker?.organisation == "The King's Fund" })
        }
        let okereke = try s.quotes("", options: QuoteSearchOptions(speaker: "Okereke"))
        #expect(okereke.quotes.first?.kind == "turn")
        #expect(okereke.quotes.first?.speaker?.role == "Senior Fellow")
        let bySpeaker = try s.quotes("staff", options: QuoteSearchOptions(speaker: "Ms Bailey"))
        #expect(bySpeaker.total >= 2)
        #expect(try s.quotes("", options: QuoteSearchOptions(speaker: "Bailey", to: Day(iso: "2020-12-31"))).total == 0)
        // The chair of a committee session speaks for the committee.
        let chair = try s.quotes("", options: QuoteSearchOptions(speaker: "Chair", org: "Health and Social Care Committee"))
        #expect(chair.total >= 1)
        // The committee's report speaks too.
        let committee = try s.quotes("recommend", options: QuoteSearchOptions(org: "Health and Social Care Committee"))
        #expect(committee.quotes.first?.speaker?.name == "Health and Social Care Committee report")
    }

    @Test("orgs HEE resolves to Health Education England; org:DHSC matches by any alias")
    func organisations() throws {
        let (_, s) = try Self.searcher()
        let hee = try #require(try s.organisation("HEE"))
        #expect(hee.name == "Health Education England")
        #expect(hee.acronyms.contains("HEE"))
        #expect(hee.successor == "NHS England")
        #expect(hee.mentions > 0)
        let kf = try #require(try s.organisation("Kings Fund"))
        #expect(kf.name == "The King's Fund")
        #expect(kf.speakers.contains { $0.name == "Suzie Bailey" && $0.role?.hasPrefix("director of leadership") == true })
        #expect(!kf.latestQuotes.isEmpty)
        #expect(try s.organisation("Ministry of Magic") == nil)

        let dhsc = try s.search("org:DHSC")
        #expect(dhsc.hits.contains { $0.id == "ics-discrimination-2021-06-08.txt" })
        #expect(try s.search("org:\"Department of Health and Social Care\"").total == dhsc.total)
        let facet = try #require(try s.search("burnout").facets?.organisation)
        #expect(facet.contains { $0.value == "The King's Fund" })
        let listed = s.organisationSummaries()
        #expect(listed.contains { $0.name == "The King's Fund" && $0.quotes >= 3 })
    }

    @Test("extract's offsets are code points into the file as read")
    func extractOffsets() throws {
        let seed = SharedData.repositoryRoot.appendingPathComponent("corpus/ics-discrimination-2021-06-08.txt")
        let loader = DocumentLoader()
        let file = try #require(try loader.discover(paths: [seed]).files.first)
        let text = try #require(loader.readText(file).text)
        let docs = loader.load(text: text, relativePath: file.relativePath).documents
        let a = DocumentAnnotator().annotate(fileText: text, documents: docs)
        let scalars = Array(text.unicodeScalars)
        #expect(!a.attributedQuotes.isEmpty)
        for q in a.quotes {
            #expect(String(String.UnicodeScalarView(scalars[q.range])) == q.text)
            if let m = q.speaker?.mention { #expect(m.upperBound <= scalars.count) }
        }
        for m in a.organisations { #expect(String(String.UnicodeScalarView(scalars[m.range])) == m.surface) }
    }
}

@Suite("Pipelined JSONL indexing")
struct PipelinedIndexingTests {
    @Test("one indexing thread (reading and annotating on a spare core) gives the same index as every core")
    func sameIndex() throws {
        let corpus = SharedData.repositoryRoot.appendingPathComponent("corpus").path
        let one = ScratchIndex()
        let all = ScratchIndex()
        let r1 = try CorpusIndexer.run(paths: [corpus], indexDirectory: one.path, options: IndexingOptions(threads: 1))
        let r2 = try CorpusIndexer.run(paths: [corpus], indexDirectory: all.path, options: IndexingOptions(threads: 4))
        #expect(r1.documents == r2.documents)
        #expect(r1.failures.isEmpty && r2.failures.isEmpty)
        let s1 = try Searcher(snapshot: try IndexSnapshot(directory: one.path))
        let s2 = try Searcher(snapshot: try IndexSnapshot(directory: all.path))
        for q in ["burnout", "\"bitter irony\"", "org:DHSC", "speaker:bailey", "workforce plan"] {
            #expect(Set(try s1.search(q, options: SearchOptions(limit: 50)).hits.map(\.id))
                    == Set(try s2.search(q, options: SearchOptions(limit: 50)).hits.map(\.id)), "query \(q)")
        }
        #expect(try s1.quotes("").total == (try s2.quotes("").total))
    }
}
