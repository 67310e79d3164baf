import Foundation
import Testing
@testable import EvidexText

// MARK: Helpers

private func makeAnalyzer() throws -> Analyzer { try Analyzer() }

/// The original surface text of a token, from its UTF-8 range.
private func surface(_ text: String, _ range: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[range], as: UTF8.self)
}

private func exacts(_ a: Analyzer, _ text: String) -> [String] { a.tokens(text).map(\.exact) }
private func stems(_ a: Analyzer, _ text: String) -> [String] { a.tokens(text).map(\.stem) }
private func surfaces(_ a: Analyzer, _ text: String) -> [String] {
    a.tokens(text).map { surface(text, $0.utf8Range) }
}

/// Structural invariants every analysis must satisfy.
private func checkInvariants(_ a: Analyzer, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let toks = a.tokens(text)
    let bytes = Array(text.utf8)
    var previousEnd = 0
    for (i, t) in toks.enumerated() {
        #expect(t.position == i, sourceLocation: sourceLocation)
        #expect(t.utf8Range.lowerBound >= previousEnd, "overlapping or unordered ranges", sourceLocation: sourceLocation)
        #expect(t.utf8Range.upperBound <= bytes.count, sourceLocation: sourceLocation)
        #expect(!t.utf8Range.isEmpty, sourceLocation: sourceLocation)
        // Ranges fall on scalar boundaries: decoding is lossless.
        let slice = Array(bytes[t.utf8Range])
        #expect(Array(String(decoding: slice, as: UTF8.self).utf8) == slice, sourceLocation: sourceLocation)
        // The exact form is the fold of the surface text.
        #expect(a.fold(surface(text, t.utf8Range)) == t.exact, sourceLocation: sourceLocation)
        #expect(!t.exact.isEmpty && t.exact.utf8.count <= Analyzer.maxTermBytes, sourceLocation: sourceLocation)
        for zw: Unicode.Scalar in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "\u{2060}"] {
            #expect(!t.exact.unicodeScalars.contains(zw), sourceLocation: sourceLocation)
            #expect(!t.stem.unicodeScalars.contains(zw), sourceLocation: sourceLocation)
        }
        previousEnd = t.utf8Range.upperBound
    }
}

// MARK: Folding

@Suite("Folding") struct FoldingTests {
    @Test func combiningMarksAndPrecomposedAreTheSameTerm() throws {
        let a = try makeAnalyzer()
        let text = "café cafe\u{301} cafe Café CAFÉ CAFE\u{301}"
        let toks = a.tokens(text)
        #expect(toks.count == 6)
        #expect(toks.allSatisfy { $0.exact == "cafe" })
        #expect(Set(toks.map(\.stem)).count == 1)
        // Offsets cover the combining mark.
        #expect(surface(text, toks[1].utf8Range) == "cafe\u{301}")
        #expect(toks[1].utf8Range == 6..<12)
        #expect(surface(text, toks[5].utf8Range) == "CAFE\u{301}")
        checkInvariants(a, text)
    }

    @Test func accentFolding() throws {
        let a = try makeAnalyzer()
        #expect(exacts(a, "naïve Zürich façade Ångström crème brûlée") ==
                ["naive", "zurich", "facade", "angstrom", "creme", "brulee"])
        #expect(exacts(a, "Straße") == ["strasse"]) // NFKC_Casefold
        #expect(exacts(a, "Ἀθῆναι Москва́ Ёлка") == ["αθηναι", "москва", "елка"])
        #expect(a.fold("Zürich’s") == "zurich's")
        #expect(a.fold("ﬁnance") == "finance") // NFKC: ligature
        #expect(a.fold("Ｗｉｄｅ") == "wide")  // NFKC: fullwidth
    }

    @Test func marksKeptWhereEssential() throws {
        let a = try makeAnalyzer()
        // Devanagari virama / vowel signs and Arabic harakat are not stripped.
        let hindi = "हिन्दी"
        #expect(exacts(a, hindi) == [hindi])
        let arabic = "مَرْحَبًا"
        #expect(exacts(a, arabic) == [arabic])
    }
}

// MARK: Scripts

@Suite("Scripts") struct ScriptTests {
    @Test func hebrewRightToLeft() throws {
        let a = try makeAnalyzer()
        let text = "Hello שלום עולם, world"
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) == ["hello", "שלום", "עולם", "world"])
        #expect(toks.map { surface(text, $0.utf8Range) } == ["Hello", "שלום", "עולם", "world"])
        #expect(toks[1].utf8Range == 6..<14) // 4 Hebrew letters × 2 bytes
        #expect(toks[1].stem == toks[1].exact)
        checkInvariants(a, text)
    }

    @Test func arabicRightToLeft() throws {
        let a = try makeAnalyzer()
        let text = "قال مرحبا بالعالم 2021"
        let toks = a.tokens(text)
        #expect(toks.map { surface(text, $0.utf8Range) } == ["قال", "مرحبا", "بالعالم", "2021"])
        #expect(toks[0].utf8Range == 0..<6)
        #expect(toks.allSatisfy { $0.stem == $0.exact })
        checkInvariants(a, text)
    }

    @Test func chineseDictionarySegmentation() throws {
        let a = try makeAnalyzer()
        let text = "我爱北京天安门。"
        let toks = a.tokens(text)
        #expect(toks.count >= 3)
        // Tokens tile the sentence (the full stop is punctuation).
        #expect(toks.map { surface(text, $0.utf8Range) }.joined() == "我爱北京天安门")
        #expect(toks.contains { $0.exact == "北京" })
        #expect(toks.allSatisfy { $0.stem == $0.exact })
        checkInvariants(a, text)
    }

    @Test func japaneseDictionarySegmentation() throws {
        let a = try makeAnalyzer()
        let text = "Go to 東京に行きます。OK"
        let toks = a.tokens(text)
        let s = toks.map { surface(text, $0.utf8Range) }
        #expect(s.first == "Go" && s.last == "OK")
        #expect(s.contains("東京"))
        #expect(toks.count >= 6) // go, to, several Japanese tokens, ok
        #expect(s.dropFirst(2).dropLast().joined() == "東京に行きます")
        checkInvariants(a, text)
    }

    @Test func emojiAreSkipped() throws {
        let a = try makeAnalyzer()
        let text = "I ❤️ Swift🎉 and 👨‍👩‍👧 family 🇬🇧 1️⃣ 👍🏽 ok"
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) == ["i", "swift", "and", "family", "ok"])
        #expect(toks.map { surface(text, $0.utf8Range) } == ["I", "Swift", "and", "family", "ok"])
        let family = text.utf8.count - " ok".utf8.count
        #expect(toks.last!.utf8Range == (family + 1)..<(family + 3))
        checkInvariants(a, text)
    }

    @Test func zeroWidthCharacters() throws {
        let a = try makeAnalyzer()
        // ZWSP / ZWJ / ZWNJ / soft hyphen / word joiner inside a word: one token, never in the term.
        for (text, term) in [("foo\u{200B}bar", "foobar"), ("co\u{00AD}operate", "cooperate"),
                             ("wo\u{200D}rd", "word"), ("sh\u{200C}ip", "ship"), ("in\u{2060}side", "inside")] {
            let toks = a.tokens(text)
            #expect(toks.map(\.exact) == [term], "\(text.debugDescription)")
            #expect(toks.first?.utf8Range == 0..<text.utf8.count)
        }
        // At word edges they are outside the token's range.
        let text = "\u{FEFF}Hello\u{200B} world\u{200B}"
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) == ["hello", "world"])
        #expect(toks.map { surface(text, $0.utf8Range) } == ["Hello", "world"])
        #expect(toks[0].utf8Range == 3..<8)
        checkInvariants(a, text)
        #expect(a.tokens("\u{200B}\u{200D}\u{FEFF}").isEmpty)
    }
}

// MARK: English rules

@Suite("English") struct EnglishTests {
    @Test func curlyApostrophes() throws {
        let a = try makeAnalyzer()
        let text = "The staff’s view: it’s Zürich’s it‘s rock′n roll isnʼt don't"
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) ==
                ["the", "staff's", "view", "it's", "zurich's", "it's", "rock'n", "roll", "isn't", "don't"])
        #expect(surface(text, toks[1].utf8Range) == "staff’s")
        #expect(surface(text, toks[4].utf8Range) == "Zürich’s")
        #expect(toks[1].stem == "staff")
        #expect(toks[4].stem == "zurich")
        // Quotes around words are not part of them.
        #expect(exacts(a, "‘Bitter irony’") == ["bitter", "irony"])
        #expect(exacts(a, "the workers’ rights") == ["the", "workers", "rights"])
        checkInvariants(a, text)
    }

    @Test func acronymsStayWhole() throws {
        let a = try makeAnalyzer()
        let text = "The U.S. and the N.H.S. agreed."
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) == ["the", "u.s", "and", "the", "n.h.s", "agreed"])
        #expect(surface(text, toks[1].utf8Range) == "U.S")
        #expect(toks[1].stem == "u.s")
        #expect(toks[4].stem == "n.h.s")
        #expect(toks[5].stem == "agre")
        checkInvariants(a, text)
    }

    @Test func numbersAndAmounts() throws {
        let a = try makeAnalyzer()
        let text = "1.61 times, 17% of £1,200 or 1,200 on 2021-06-08 and 08/06/2021, $3.5bn, Covid-19, €40."
        let toks = a.tokens(text)
        #expect(toks.map(\.exact) == ["1.61", "times", "17%", "of", "£1,200", "or", "1,200", "on",
                                      "2021-06-08", "and", "08/06/2021", "$3.5bn", "covid", "19", "€40"])
        #expect(toks.map(\.stem) == ["1.61", "time", "17%", "of", "£1200", "or", "1200", "on",
                                     "2021-06-08", "and", "08/06/2021", "$3.5bn", "covid", "19", "€40"])
        #expect(surface(text, toks[4].utf8Range) == "£1,200")
        #expect(surface(text, toks[8].utf8Range) == "2021-06-08")
        checkInvariants(a, text)
        // Spaces break the joins; hyphens between words do not join.
        #expect(exacts(a, "2021 - 06") == ["2021", "06"])
        #expect(exacts(a, "well-known") == ["well", "known"])
        #expect(exacts(a, "£ 5") == ["5"])
    }

    @Test func stemming() throws {
        let a = try makeAnalyzer()
        #expect(stems(a, "running ponies caresses relational Committees hopefully") ==
                ["run", "poni", "caress", "relat", "committe", "hope"])
        #expect(a.stem("running") == "run")
        #expect(a.stem("£1,200") == "£1200")
        #expect(a.stem("u.s") == "u.s")
        #expect(a.stem("шкафы") == "шкафы") // non-Latin: unchanged
        #expect(a.stem("covid19") == "covid19")
        #expect(a.fold("  Café ") == "  cafe ")
    }
}

// MARK: API behaviour

@Suite("API") struct APITests {
    @Test func vocabularyInterning() throws {
        let a = try makeAnalyzer()
        var occs: [TermOccurrence] = []
        a.forEachOccurrence(in: "Running running RUNNING runs") { occs.append($0) }
        #expect(occs.count == 4)
        #expect(occs[0].exact == occs[1].exact && occs[1].exact == occs[2].exact)
        #expect(occs[3].exact != occs[0].exact)
        #expect(Set(occs.map(\.stem)).count == 1)
        #expect(a.vocabulary.string(occs[0].exact) == "running")
        #expect(a.vocabulary.string(occs[0].stem) == "run")
        #expect(a.vocabulary.id(of: "running") == occs[0].exact)
        #expect(a.vocabulary.id(of: "run") == occs[0].stem)
        #expect(a.vocabulary.id(of: "Running") == nil)
        #expect(Array(a.vocabulary.bytes(occs[3].exact)) == Array("runs".utf8))
        let before = a.vocabulary.count
        #expect(before == 3) // running, run, runs
        a.forEachOccurrence(in: "run running") { _ in }
        #expect(a.vocabulary.count == before) // "run" exact shares the stem's id
        // Ids are dense and round-trip.
        for id in 0..<UInt32(a.vocabulary.count) {
            #expect(a.vocabulary.id(of: a.vocabulary.string(id)) == id)
        }
        // Ids survive growth (byte storage never moves).
        let p = a.vocabulary.bytes(occs[0].exact).baseAddress
        for i in 0..<50_000 { _ = a.vocabulary.intern("term\(i)") }
        #expect(a.vocabulary.bytes(occs[0].exact).baseAddress == p)
        #expect(a.vocabulary.string(occs[0].exact) == "running")
    }

    @Test func tokensAndForEachOccurrenceAgree() throws {
        let a = try makeAnalyzer()
        let text = "The NHS’s £1,200 café 東京 שלום U.S. 17% running 😀 naïve"
        let toks = a.tokens(text)
        var occs: [TermOccurrence] = []
        a.forEachOccurrence(in: text) { occs.append($0) }
        #expect(toks.count == occs.count)
        #expect(toks.count == 10)
        for (t, o) in zip(toks, occs) {
            #expect(t.exact == a.vocabulary.string(o.exact))
            #expect(t.stem == a.vocabulary.string(o.stem))
            #expect(t.utf8Range == Int(o.start)..<Int(o.end))
        }
        checkInvariants(a, text)
    }

    @Test func emptyAndWhitespaceOnly() throws {
        let a = try makeAnalyzer()
        #expect(a.tokens("").isEmpty)
        #expect(a.tokens("   \n\t  \r\n ").isEmpty)
        #expect(a.tokens(" , . ; — … “ ” ").isEmpty)
        var calls = 0
        a.forEachOccurrence(in: "") { _ in calls += 1 }
        a.forEachOccurrence(in: " \n ") { _ in calls += 1 }
        #expect(calls == 0)
        #expect(a.fold("") == "")
    }

    @Test func overlongTokensAreOmitted() throws {
        let a = try makeAnalyzer()
        let long = String(repeating: "a", count: 65)
        let max = String(repeating: "b", count: 64)
        let toks = a.tokens("one \(long) two \(max) three")
        #expect(toks.map(\.exact) == ["one", "two", max, "three"])
        #expect(toks.map(\.position) == [0, 1, 2, 3])
    }

    @Test func longTextAcrossChunks() throws {
        let a = try makeAnalyzer()
        // > 256 KiB so the C segmenter works in several chunks.
        var text = ""
        let words = ["alpha", "Beta’s", "£1,200", "2021-06-08", "café", "東京"]
        for i in 0..<40_000 { text += words[i % words.count] + (i % 7 == 0 ? "\n" : " ") }
        #expect(text.utf8.count > 300_000)
        let toks = a.tokens(text)
        #expect(toks.count == 40_000)
        for (i, t) in toks.enumerated() where i % 997 == 0 || i > 39_990 {
            #expect(surface(text, t.utf8Range) == words[i % words.count])
        }
        #expect(toks.last!.utf8Range.upperBound == text.utf8.count - 1)
    }

    @Test func analyzersAreIndependent() async throws {
        // One analyzer per task.
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { try Analyzer().tokens("Running ponies in Zürich").map(\.stem) }
            }
            var all: [[String]] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == ["run", "poni", "in", "zurich"] })
    }
}

// MARK: Seed article

/// /work/shared, reached as ../shared from the repository root (three levels above this file).
private let seedArticle: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/seeds/ics-discrimination-2021-06-08.txt").standardizedFileURL
private let seedAvailable = FileManager.default.fileExists(atPath: seedArticle.path)

@Suite("Seed article") struct SeedArticleTests {
    @Test(.enabled(if: seedAvailable, "seed article ../shared/seeds/ics-discrimination-2021-06-08.txt not found next to the repo"))
    func bitterIronyParagraph() throws {
        let a = try makeAnalyzer()
        let text = try String(contentsOf: seedArticle, encoding: .utf8)
        checkInvariants(a, text)

        let heading = "‘Bitter irony’"
        #expect(text.contains(heading))
        #expect(exacts(a, heading) == ["bitter", "irony"])

        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("‘It is a bitter irony") }) else {
            Issue.record("paragraph not found in seed article")
            return
        }
        let para = String(line)
        let toks = a.tokens(para)
        #expect(Array(toks.prefix(5).map(\.exact)) == ["it", "is", "a", "bitter", "irony"])
        #expect(surface(para, toks[0].utf8Range) == "It")
        #expect(toks[0].utf8Range == 3..<5) // after the 3-byte ‘
        #expect(toks.map(\.exact).suffix(3) == ["work", "she", "said"])
        #expect(toks.first { $0.exact == "staff" }?.stem == "staff")

        // Whole article: apostrophes, numbers and acronyms.
        let all = a.tokens(text)
        let ex = Set(all.map(\.exact))
        #expect(ex.contains("committee's"))
        #expect(ex.contains("king's"))
        #expect(ex.contains("1.61"))
        #expect(ex.contains("17%"))
        #expect(ex.contains("covid"))
        #expect(ex.contains("nhs"))
        #expect(!ex.contains { $0.contains("’") || $0.contains("‘") })
        let kings = all.first { $0.exact == "king's" }!
        #expect(surface(text, kings.utf8Range) == "King’s")
        #expect(kings.stem == "king")
    }
}
