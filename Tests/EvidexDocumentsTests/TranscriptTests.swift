import Testing
@testable import EvidexDocuments

@Suite("Evidence transcripts")
struct TranscriptTests {
    @Test("A real UK Covid-19 Inquiry module 3 hearing",
          .enabled(if: TestData.has("data/uk-covid19-inquiry-transcripts/module-3/2024-09-10.rst"), TestData.missing("data/uk-covid19-inquiry-transcripts/module-3/2024-09-10.rst")))
    func inquiryFile() throws {
        let url = try #require(TestData.file("data/uk-covid19-inquiry-transcripts/module-3/2024-09-10.rst"))
        let result = DocumentLoader().load(SourceFile(url: url, relativePath: "module-3/2024-09-10.rst"))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.kind == .evidence)
        #expect(doc.id == "module-3/2024-09-10.rst")
        #expect(doc.title == "UK Covid-19 Inquiry hearing, 10 September 2024")
        #expect(doc.date == Day(year: 2024, month: 9, day: 10))
        #expect(doc.source == "UK Covid-19 Inquiry")
        #expect(doc.metadata["module"] == "3")
        let turns = doc.paragraphs.filter { $0.speaker != nil }
        #expect(turns.count > 100)
        #expect(doc.speakers.contains("Lady Hallett"))
        #expect(doc.speakers.contains("Mr John Sullivan"))
        #expect(doc.headings.contains("Mr John Sullivan"))
        #expect(doc.headings.contains("Questions From Lead Counsel to the Inquiry for Module 3"))
        for p in doc.paragraphs {
            #expect(!p.text.contains("**"), "\(p.text)")
            #expect(!p.text.hasPrefix("("), "stage note kept: \(p.text)")
            #expect(!p.text.contains("(sworn)"), "\(p.text)")
        }
    }

    @Test("Inquiry reStructuredText: turns, continuations, witness headings, dropped notes")
    func inquiryInline() throws {
        let rst = """
        27 September 2023
        =================

        *(10.28 am)*

        **Lady Hallett**: Good morning. Ms Carey.

        Professor Susan Hopkins
        -----------------------

        *PROFESSOR SUSAN HOPKINS (affirmed).*

        Questions From Lead Counsel to the Inquiry for Module 3
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        **Ms Carey**: Professor, could you give us your full name?

        **Professor Susan Hopkins**: Susan Hopkins. I was the chief medical adviser at UKHSA.

        Before that I worked on *healthcare-associated* infection at PHE, see INQ000238826\\_180.

        *(A short break)*

        *(11.35 am)*

        **Ms Carey**: Thank you.
        """
        let result = DocumentLoader().load(text: rst, relativePath: "inquiry/module-3/2023-09-27.rst")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.title == "UK Covid-19 Inquiry hearing, 27 September 2023")
        #expect(doc.date == Day(year: 2023, month: 9, day: 27))
        #expect(doc.metadata["module"] == "3")
        #expect(doc.headings == ["Professor Susan Hopkins", "Questions From Lead Counsel to the Inquiry for Module 3"])
        #expect(doc.paragraphs == [
            Paragraph(text: "Good morning. Ms Carey.", speaker: "Lady Hallett", section: nil),
            Paragraph(text: "Professor, could you give us your full name?", speaker: "Ms Carey", section: 1),
            Paragraph(text: "Susan Hopkins. I was the chief medical adviser at UKHSA.", speaker: "Professor Susan Hopkins", section: 1),
            Paragraph(text: "Before that I worked on healthcare-associated infection at PHE, see INQ000238826_180.", speaker: "Professor Susan Hopkins", section: 1),
            Paragraph(text: "Thank you.", speaker: "Ms Carey", section: 1),
        ])
        #expect(doc.speakers == ["Lady Hallett", "Ms Carey", "Professor Susan Hopkins"])
    }

    static let oral = """
    Health and Social Care Committee
    Oral evidence: Workforce burnout and resilience in the NHS and social care, HC 320
    Tuesday 4 May 2021

    Ordered by the House of Commons to be published on 4 May 2021.

    Members present: Jeremy Hunt (Chair); Paul Bristow; Rosie Cooper; Dr Luke Evans.

    Questions 1 - 3

    Witnesses
    I: Dr Jane Smith, Chief Executive, Example NHS Trust; Professor Lee, University of Example.

    Examination of witnesses

    Witnesses: Dr Jane Smith and Professor Lee.

    Q1 Chair: Good morning. Thank you for joining us. Dr Smith, how bad is burnout in your trust?

    Dr Jane Smith: It is the worst I have seen.
    Our sickness absence is at 7%.

    Yes: that is the figure we report to the board every month.

    Q2 Rosie Cooper: Professor Lee, do you agree?

    Professor Lee: I do. The data shows it clearly.

    Q3 Chair: Thank you both.
    """

    @Test("Parliamentary oral evidence: header, turns without Q numbers, continuations")
    func oralEvidence() throws {
        let result = DocumentLoader().load(text: Self.oral, relativePath: "hsc/2021-05-04.txt")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.kind == .evidence)
        #expect(doc.source == "Health and Social Care Committee")
        #expect(doc.title == "Oral evidence: Workforce burnout and resilience in the NHS and social care")
        #expect(doc.date == Day(year: 2021, month: 5, day: 4))
        #expect(doc.metadata["hc"] == "HC 320")
        #expect(doc.metadata["members"] == "Jeremy Hunt (Chair); Paul Bristow; Rosie Cooper; Dr Luke Evans.")
        #expect(doc.speakers == ["Chair", "Dr Jane Smith", "Rosie Cooper", "Professor Lee"])
        #expect(doc.paragraphs.map(\.speaker) == ["Chair", "Dr Jane Smith", "Dr Jane Smith", "Rosie Cooper", "Professor Lee", "Chair"])
        #expect(doc.paragraphs[1].text == "It is the worst I have seen. Our sickness absence is at 7%.")
        #expect(doc.paragraphs[2].text == "Yes: that is the figure we report to the board every month.")
        #expect(doc.paragraphs[0].text.hasPrefix("Good morning."))
        #expect(!doc.body.contains("Q1 ") && !doc.body.contains("Q2"))
    }

    @Test("Turn lines without blank lines between them, no header")
    func oralCompact() throws {
        let text = "Q12 Chair: Welcome.\nQ13 Dr Luke Evans: What changed?\nSir Simon Stevens: Funding.\nIt rose by 3%.\nQ14 Chair: Thanks.\n"
        let doc = try #require(DocumentLoader().load(text: text, relativePath: "t.txt").single)
        #expect(doc.kind == .evidence)
        #expect(doc.paragraphs.map(\.speaker) == ["Chair", "Dr Luke Evans", "Sir Simon Stevens", "Chair"])
        #expect(doc.paragraphs[2].text == "Funding. It rose by 3%.")
    }

    @Test("Hansard-style text: a name line, then the speech")
    func hansardStyle() throws {
        let text = """
        Rachael Maskell
        It is indeed chilling to see those pictures. Could the Government be clearer?

        Nigel Adams
        The hon. Lady will have to be patient, I am afraid.

        We want a positive and mature relationship.

        Rachael Maskell
        That is not good enough.
        """
        let doc = try #require(DocumentLoader().load(text: text, relativePath: "2020-12-16_debate.txt").single)
        #expect(doc.kind == .evidence)
        #expect(doc.date == Day(year: 2020, month: 12, day: 16))
        #expect(doc.paragraphs.map(\.speaker) == ["Rachael Maskell", "Nigel Adams", "Nigel Adams", "Rachael Maskell"])
        #expect(doc.paragraphs[2].text == "We want a positive and mature relationship.")
    }

    @Test("Inline markup and white space are handled on bytes, multi-byte text included")
    func inlineOnBytes() {
        // white space of every kind collapses, invisibles go, other text is kept byte for byte
        #expect(TextTools.clean("  Caf\u{E9}\u{A0}\u{A0}na\u{00AD}ive\t\u{2003}r\u{E9}sum\u{E9} \u{200B}\u{1F600} ") == "Caf\u{E9} naive r\u{E9}sum\u{E9} \u{1F600}")
        #expect(TextTools.clean("\u{FEFF}\u{3000}x\u{2028}y\u{205F}") == "x y")
        #expect(TextTools.clean("already clean — ‘quoted’") == "already clean — ‘quoted’")
        #expect(TextTools.clean(" \u{A0} ") == "")
        // emphasis marks go, a lone star stays, escapes and literals keep their text
        #expect(InquiryTranscriptParser.inline(" It was **very** *clear* to the   Département ") == "It was very clear to the Département")
        #expect(InquiryTranscriptParser.inline("a * b and 2\\*3 \\é") == "a * b and 2*3 é")
        #expect(InquiryTranscriptParser.inline("see `the guidance <https://example.org/x>`_ and ``code_name``") == "see the guidance and code_name")
        #expect(InquiryTranscriptParser.inline("snake_case_word ‘naïve’") == "snake_case_word ‘naïve’")
        #expect(InquiryTranscriptParser.inline("unclosed `tick here") == "unclosed `tick here")
    }

}
