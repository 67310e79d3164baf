import Testing
@testable import EvidexQuotes

@Suite("Quotation marks")
struct QuoteMarkTests {
    @Test(arguments: [
        ("Headline\n\n“We will win,” she said.", "We will win,"),
        ("Headline\n\n‘We will win,’ she said.", "We will win,"),
        ("Headline\n\n\"We will win,\" she said.", "We will win,"),
        ("Headline\n\n'We will win,' she said.", "We will win,"),
        ("Headline\n\n«We will win», she said.", "We will win"),
        ("Headline\n\n„We will win“, she said.", "We will win"),
    ])
    func everyMarkStyleGivesTheWordsBetweenTheMarks(text: String, expected: String) throws {
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.text == expected)
        #expect(q.speaker?.name == "she")
        #expect(TestSupport.slice(text, q.range) == expected)
    }

    @Test func apostrophesDoNotCloseBritishQuotes() throws {
        let text = "Head\n\n‘The staff’s view is that it’s the ’90s again, rock ’n’ roll and all, at the Kings’ Fund offices,’ said Ann Lee."
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.text == "The staff’s view is that it’s the ’90s again, rock ’n’ roll and all, at the Kings’ Fund offices,")
        #expect(q.speaker?.name == "Ann Lee")
    }

    @Test func straightApostrophesInsideStraightQuotes() throws {
        let text = "Head\n\n'It's the '90s all over again,' said Tom Smith."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.text == "It's the '90s all over again,")
        #expect(q.speaker?.name == "Tom Smith")
    }

    @Test func nestedQuoteIsOneQuoteWithANestedRange() throws {
        let text = "Head\n\n“He told me ‘no way’ and left,” said Jo Brand."
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.text == "He told me ‘no way’ and left,")
        #expect(q.nested.map { TestSupport.slice(text, $0) } == ["no way"])
    }

    @Test func britishNestedDoubleMarks() throws {
        let text = "Head\n\n‘He told me “no way” and left,’ said Jo Brand."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.text == "He told me “no way” and left,")
        #expect(q.nested.count == 1)
    }

    @Test func offsetsCountCodePointsAndKeepCarriageReturns() throws {
        let text = "Head 👍\r\n\r\nÉmile Zola 🎉 wrote: “J’accuse ✊ the lot.”\r\n"
        let q = try #require(TestSupport.quotes(text).first)
        let scalars = Array(text.unicodeScalars)
        #expect(scalars[q.range.lowerBound - 1] == "“")
        #expect(scalars[q.range.upperBound] == "”")
        #expect(q.text == "J’accuse ✊ the lot.")
        #expect(q.speaker?.name == "Émile Zola")
    }

    @Test func multiParagraphQuoteContinues() throws {
        let text = """
        Head

        ‘The first part of what I said,’ said Mary Jones. ‘It goes on here without a closing mark.

        ‘And it ends here.’

        Something else happened later.
        """
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 3)
        for q in qs { #expect(q.speaker?.name == "Mary Jones") }
        #expect(qs[1].text == "It goes on here without a closing mark.")
        #expect(qs[2].text == "And it ends here.")
    }

    @Test func headlineQuoteWithItsSpeaker() throws {
        let text = "Pat Caddell: Voters Are Worried; It’s ‘in Their Heads.’\n\nBody text here."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.text == "in Their Heads.")
        #expect(q.speaker?.name == "Pat Caddell")
    }

    @Test func titlesAndNicknamesAreNotQuotations() {
        let text = "Head\n\nSanders told MSNBC's “Morning Joe” that Rep. Robert C. “Bobby” Scott was right."
        let qs = TestSupport.quotes(text)
        #expect(qs.allSatisfy { $0.kind == .scare && $0.speaker == nil })
    }
}

@Suite("Quote prefilter")
struct QuotePrefilterTests {
    @Test("texts that cannot hold a quotation skip extraction; any opening mark keeps it")
    func prefilter() {
        func may(_ s: String) -> Bool { TextAnnotator.mayHoldQuotes(Array(s.unicodeScalars)) }
        #expect(!may("The staff’s pay rose. It’s the trusts' plan, and the trust's."))
        #expect(may("rock ’n’ roll"))  // an elision after a space may open a quote: extract to be sure
        #expect(!may("No marks at all here."))
        #expect(may("She said ‘duty’ matters"))
        #expect(may("He said 'no' twice"))
        #expect(may("“Yes,” she said"))
        #expect(may("\"Yes\""))
        #expect(may("‘Bitter irony’"))
        #expect(may("(‘aside’)"))
        #expect(may("« Oui »"))
        #expect(may("„Ja“"))
        // Marks on either side of the eight-scalar blocks the scan skips whole.
        let letters = String(repeating: "abcdefgh", count: 3)
        for p in 0..<20 {
            let head = String(letters.prefix(p))
            #expect(may(head + " 'quoted' x"), "space then ' at \(p)")
            #expect(!may(head + "x's" + letters), "' after a letter at \(p)")
            #expect(may(head + "\u{201C}" + letters), "“ at \(p)")
        }
        // The same answers as a plain scan, on random texts of the characters that matter.
        func reference(_ s: [Unicode.Scalar]) -> Bool {
            var previous: Unicode.Scalar = " "
            for c in s {
                switch c.value {
                case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x300C, 0x300E: return true
                case 0x27, 0x2018, 0x2019, 0x201A, 0x201B:
                    if [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x28, 0x5B, 0x7B, 0x2014, 0x2013].contains(previous.value) { return true }
                default: break
                }
                previous = c
            }
            return false
        }
        let alphabet = Array("aZ9 .,\n(['’—-".unicodeScalars) + [Unicode.Scalar(0x2019)!, Unicode.Scalar(0xA0)!]
        var seed: UInt64 = 42
        for _ in 0..<2000 {
            var text: [Unicode.Scalar] = []
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 58)
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                // mostly letters and spaces, now and then a mark or a bracket
                let r = Int(seed >> 33) % 100
                text.append(r < 80 ? alphabet[r % 4] : alphabet[r % alphabet.count])
            }
            #expect(TextAnnotator.mayHoldQuotes(text) == reference(text), "\(String(String.UnicodeScalarView(text)))")
        }
        // Whatever the prefilter decides, the annotator finds the same quotes as the extractor.
        let a = TextAnnotator()
        for t in ["The staff’s pay rose.", "‘It is a bitter irony,’ she said.", "Mr Smith said: \"We will.\""] {
            #expect(a.annotate(t).quotes == QuoteExtractor(organisations: OrganisationLinker()).extract(from: t))
        }
    }
}
