import Foundation
import Testing
@testable import EvidexQuotes

@Suite("Speaker attribution")
struct AttributionTests {
    /// Subjects that sit away from their verb: behind a prepositional or participle phrase,
    /// after a lead phrase over several commas, or in the main clause of a participle.
    @Test(arguments: [
        ("Head\n\nMs Ellis at the time said the plan was ‘unworkable’.", "Ellis", "Ms Ellis"),
        ("Head\n\nFacing criticism from both parties, Mr Grant released a statement on Saturday, insisting that the report was ‘wholly wrong’.",
         "Grant", "Mr Grant"),
        ("Head\n\nAt a meeting in Leeds, West Yorkshire, on Monday, Dr Patel tried to explain her view, saying the service was ‘at breaking point’.",
         "Patel", "Dr Patel"),
        ("Head\n\nThe council released a statement on Monday, at one point calling the plan ‘a betrayal’.", "The council", "The council"),
        ("Head\n\nThe union has always claimed the rota was ‘unsafe’.", "The union", "The union"),
        ("Head\n\nDr Okafor however said he would welcome a ‘principled settlement’.", "Okafor", "Dr Okafor"),
        ("Head\n\nMr Grant said he expected that voters will say ‘no’ to the plan.", "Grant", "Mr Grant"),
        ("Head\n\nThe Scottish senator emailed supporters saying: ‘The struggle continues.’", "The Scottish senator", "The Scottish senator"),
        // an inverted name right before the quote is the quoted clause's subject
        ("Head\n\nJohn Reade, a former adviser who backed the plan, said the minister ‘understood the risk’.", "Reade", "John Reade"),
        ("Head\n\nA former minister -- Jane Moss, who lost her seat in 2019 -- said the board ‘offered nothing new’.",
         "A former minister", "A former minister"),
        // a prepositional phrase opening the sentence; a relative clause or participle phrase
        // between subject and verb; a time phrase between them
        ("Head\n\nOf the plan, Levine, who has advised the board, said, ‘It is scary.’", "Levine", "Levine"),
        ("Head\n\nA senior official who spoke anonymously to discuss the talks said, ‘There are discussions.’",
         "A senior official", "A senior official"),
        ("Head\n\nAnother source speaking to the BBC said, ‘The review is under way.’", "Another source", "Another source"),
        ("Head\n\nA letter from the college obtained by the Guardian warns that ‘further cuts will be ignored’.",
         "the college", "the college"),
        ("Head\n\nMs Ellis during a Sunday visit thanked the staff ‘for their support’.", "Ellis", "Ms Ellis"),
        // verbs joined by "and" share the reporting verb's subject, not the reported clause's
        ("Head\n\nDr Lazar said he welcomed the review and added, ‘I will cooperate.’", "Lazar", "Dr Lazar"),
        // a participle after a name and an adverb; after a clause joined by "and"
        ("Head\n\nBoth have used strong language, with Ms Ellis recently promising to ‘end the waste’.", "Ellis", "Ms Ellis"),
        ("Head\n\nMr Grant made the hospital a priority, but the effort stalled, and he has fought the board since, calling it ‘a disgrace’.",
         "Grant", "he"),
        // a role noun inside an inverted name; a name alone between commas; a dateline
        ("Head\n\nIn other words, explained BBC presenter Jane Cole: ‘What does that have to do with it?’", "Jane Cole", "BBC presenter Jane Cole"),
        ("Head\n\nAfter winning the vote in the council, Cllr Mary Lowe (Lab), said, ‘We are ready.’", "Mary Lowe", "Cllr Mary Lowe"),
        ("Head\n\nLondon (PA) – Health Secretary Tom Reed has criticised the plan, saying that ‘reckless comments’ do harm.",
         "Tom Reed", "Health Secretary Tom Reed"),
        // a reporting verb after "cannot" is no utterance; a cue after the quote is
        ("Head\n\nThe board cannot say that ‘nothing was missed’, Dr Lazar added.", "Lazar", "Dr Lazar"),
        // a possessive, an adjective and a plural is a noun, not a verb
        ("Head\n\nMs Ellis called the plan ‘a blowhard’s charter’ and said his anti-union remarks were ‘propaganda’.", "Ellis", "Ms Ellis"),
        // a participle after a noun compound: the main clause's subject
        ("Head\n\nMs Ellis, the chair, repeated claims that the board recites the same talking points, calling it a ‘broken record’.",
         "Ellis", "Ms Ellis"),
    ])
    func subjectsAwayFromTheirVerb(text: String, name: String, mention: String) throws {
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.speaker?.name.hasSuffix(name) == true, "speaker \(q.speaker?.name ?? "none")")
        #expect(TestSupport.slice(text, q.speaker?.mention) == mention)
    }

    @Test func aSentenceAdverbBeforeAColonIsNoSpeaker() throws {
        // "Ever since …" opens the sentence; the colon hands the quote to its subject, Ms Ellis
        let text = "Head\n\nEver since she backed the plan, Ms Ellis has urged staff with one message: ‘Do not give up.’"
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.speaker?.name != "Ever", "speaker \(q.speaker?.name ?? "none")")
        let likewise = "Head\n\nLikewise, a paper from the institute had this to say: ‘Families would gain.’"
        #expect(TestSupport.quotes(likewise).first?.speaker?.name != "Likewise")
    }

    @Test func trailingPronounResolvesToTheLatestNamedSpeaker() throws {
        let text = "Head\n\nJane Smith, chief executive of Acme Trust, spoke on Monday.\n\n‘We are ready,’ she said."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.speaker?.name == "Jane Smith")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "she")
        #expect(TestSupport.slice(text, q.cue) == "said")
    }

    @Test func invertedCueWithTitleAndSurname() throws {
        let text = "Head\n\nSuzie Bailey, director of policy at The King’s Fund, said the plan was late.\n\n‘It is late,’ said Ms Bailey."
        let q = try #require(TestSupport.quote("It is late", in: TestSupport.quotes(text)))
        #expect(q.speaker?.name == "Suzie Bailey")
        #expect(TestSupport.slice(text, q.speaker?.mention) == "Ms Bailey")
        #expect(q.speaker?.organisation == "The King’s Fund")
        #expect(q.speaker?.role == "director of policy at The King’s Fund")
    }

    @Test func colonIntroducesTheQuote() throws {
        let text = "Head\n\nBailey said: ‘The service is stretched.’"
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.kind == .full)
        #expect(q.speaker?.name == "Bailey")
        #expect(TestSupport.slice(text, q.cue) == "said")
    }

    @Test func partialQuoteInReportedSpeech() throws {
        let text = "Head\n\nTom Harris said the report was a ‘stark depiction’ of the service."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.kind == .partial)
        #expect(q.speaker?.name == "Tom Harris")
    }

    @Test func continuationParagraphInheritsTheSpeaker() throws {
        let text = "Head\n\n“We will not stop,” said Ana Ruiz.\n\n“The work goes on.”"
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 2)
        #expect(qs[1].speaker?.name == "Ana Ruiz")
        #expect(qs[1].cue == nil)
        #expect(qs[1].speaker?.mention == qs[0].speaker?.mention)
    }

    @Test func secondQuoteInTheParagraphKeepsTheSpeaker() throws {
        let text = "Head\n\n“First,” said Lee Chan. “Second.”"
        let qs = TestSupport.quotes(text)
        #expect(qs.map { $0.speaker?.name } == ["Lee Chan", "Lee Chan"])
    }

    @Test func pronounsFollowGender() throws {
        let text = "Head\n\nMs Jane Doe and Mr John Roe met.\n\n“Yes,” she said.\n\n“No,” he said."
        let qs = TestSupport.quotes(text)
        #expect(qs.map { $0.speaker?.name } == ["Jane Doe", "John Roe"])
    }

    @Test func nonPersonSpeakers() throws {
        let text = """
        Head

        The Health and Social Care Committee published its findings.

        “Staff are exhausted,” the report said.

        It added that pay should rise by a “significant margin” this year.
        """
        let qs = TestSupport.quotes(text)
        let first = try #require(TestSupport.quote("Staff are exhausted", in: qs))
        #expect(first.speaker?.name == "Health and Social Care Committee report")
        #expect(first.speaker?.organisation == "Health and Social Care Committee")
        #expect(TestSupport.slice(text, first.speaker?.mention) == "the report")
        let second = try #require(TestSupport.quote("significant margin", in: qs))
        #expect(second.kind == .partial)
        #expect(second.speaker?.name == "Health and Social Care Committee report")
        #expect(TestSupport.slice(text, second.speaker?.mention) == "It")
    }

    @Test func accordingTo() throws {
        let text = "Head\n\nAccording to Dr Amir Khan, the wards are “full to bursting” every night."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.speaker?.name == "Amir Khan")
        #expect(TestSupport.slice(text, q.cue) == "According to")
    }

    @Test(arguments: ["told reporters", "warned", "explained", "argued", "noted", "wrote", "insisted", "asked", "tweeted", "added"])
    func commonCues(verb: String) throws {
        let text = "Head\n\nMaria Lopez \(verb): “This cannot go on.”"
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.speaker?.name == "Maria Lopez")
        #expect(TestSupport.slice(text, q.cue) == String(verb.split(separator: " ")[0]))
    }

    @Test func calledForIsACue() throws {
        let text = "Head\n\nThe union called for “an urgent review” of rotas."
        let q = try #require(TestSupport.quotes(text).first)
        #expect(q.kind == .partial)
        #expect(TestSupport.slice(text, q.cue) == "called for")
        #expect(q.speaker != nil)
    }

    @Test func scareQuotesHaveNoSpeaker() throws {
        let text = "Head\n\nThe so-called “reform” has left the sector in “limbo” for years."
        let qs = TestSupport.quotes(text)
        #expect(qs.count == 2)
        for q in qs {
            #expect(q.kind == .scare)
            #expect(q.speaker == nil)
            #expect(q.cue == nil)
        }
    }

    @Test func resolverGivesTheCanonicalOrganisation() throws {
        let resolver = FixedOrganisations(names: ["The King's Fund": "King's Fund"])
        let text = "Head\n\n“It is bleak,” said Sam Reed, chief economist at The King’s Fund."
        let q = try #require(TestSupport.quotes(text, organisations: resolver).first)
        #expect(q.speaker?.name == "Sam Reed")
        #expect(q.speaker?.role == "chief economist at The King’s Fund")
        #expect(q.speaker?.organisation == "King's Fund")
    }

    @Test func quotesAreCodable() throws {
        let q = try #require(TestSupport.quotes("Head\n\n“Fine,” said Al Green.").first)
        let data = try JSONEncoder().encode(q)
        #expect(try JSONDecoder().decode(Quote.self, from: data) == q)
    }

    /// A demonstrative, a question's modal or a place in a document says nobody (counsel
    /// reading a document aloud at a hearing); a surname that is also a modal still does.
    @Test func namelessSubjects() {
        let annotator = TextAnnotator()
        for text in [
            "Head\n\nParagraph 35 says: \"We learned a great deal about supplies.\"",
            "Head\n\nThis says: \"All organisations were asked to review their plans.\"",
        ] {
            let quotes = annotator.annotate(text).quotes
            #expect(!quotes.isEmpty, "\(text)")
            #expect(quotes.allSatisfy { $0.speaker == nil }, "\(text): \(quotes.map { $0.speaker?.name })")
        }
        // "I" is the one reading (in a transcript, the turn's speaker), never "Can I"
        let question = annotator.annotate("Head\n\nCan I read you this: \"The stockpile was not replenished in time.\"").quotes
        #expect(question.count == 1 && question.allSatisfy { $0.speaker == nil || $0.speaker?.name == "I" },
                "\(question.map { $0.speaker?.name })")
        let named = annotator.annotate("""
            Head

            George Will, the columnist, was scathing. Will wrote that the party was "in disarray".
            """).quotes.compactMap { $0.speaker?.name }
        #expect(named.contains { $0.hasSuffix("Will") }, "\(named)")
    }
}
