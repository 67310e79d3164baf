import Testing
@testable import EvidexQuotes

@Suite("Speaker names apart from their titles")
struct SpeakerNameNormalizerTests {
    @Test("titles and affiliations in front of a name become the role or the organisation")
    func titlesAndAffiliations() {
        let text = """
            Budget row deepens

            "We will not change course," said New Home Secretary Charles Clarke.
            "It is a matter of trust," Tory MP Boris Johnson said. "We are clear," he added.
            "Markets are calm," said Deutsche Bank's Simon Champion.
            """
        let quotes = TextAnnotator().annotate(text).quotes.filter { $0.speaker != nil }
        let speakers = quotes.map { $0.speaker! }
        #expect(speakers.contains { $0.name == "Charles Clarke" && $0.role == "New Home Secretary" })
        #expect(speakers.filter { $0.name == "Boris Johnson" }.count == 2, "\(speakers)")
        #expect(speakers.contains { $0.name == "Boris Johnson" && $0.role == "Tory MP" })
        #expect(speakers.contains { $0.name == "Simon Champion" && $0.organisation == "Deutsche Bank" })
        // A day, a lead word or a headline's preposition is no part of a name; an honorific
        // goes with the name, not the role.
        let more = TextAnnotator().annotate("""
            Row over tariffs

            But on Wednesday Prime Minister Yulia Petrenko said the plan was "a mistake".
            As Politico reported, "the talks have stalled".
            "It is a blow," said CBI director-general Sir Digby Bones.
            """).quotes.compactMap(\.speaker)
        #expect(more.contains { $0.name == "Yulia Petrenko" && $0.role == "Prime Minister" }, "\(more)")
        #expect(more.contains { $0.name == "Politico" }, "\(more)")
        #expect(more.contains { $0.name == "Digby Bones" && $0.role == "CBI director-general" }, "\(more)")
        // A plain full name is left as it is.
        let plain = TextAnnotator().annotate("Head\n\n\"Yes,\" said Mary Ann Evans.").quotes
        #expect(plain.first?.speaker?.name == "Mary Ann Evans")
    }

    @Test("an article is no part of a role, and a clause's own words before a name are no role")
    func articlesAndClauseWords() {
        let news = TextAnnotator().annotate("""
            Trust fined

            "We accept the ruling," said the lawyer Jane Rowntree.
            "It was avoidable," said the Observer's Philip Amory.
            """).quotes.compactMap(\.speaker)
        #expect(news.contains { $0.name == "Jane Rowntree" && $0.role == "lawyer" }, "\(news)")
        #expect(news.contains { $0.name == "Philip Amory" && $0.organisation == "the Observer" && $0.role == nil }, "\(news)")
        // Read aloud at a hearing (module 7, 22 May 2025): "see" is what counsel does, not Chris
        // Whitty's role.
        let hearing = TextAnnotator().annotate("""
            Then if we follow that through, we can then see Chris Whitty saying:

            "Not reliable is correct. It can pick up some asymptomatic cases. But not advised."
            """).quotes.compactMap(\.speaker)
        #expect(hearing.contains { $0.name == "Chris Whitty" }, "\(hearing)")
        #expect(hearing.allSatisfy { $0.role == nil }, "\(hearing)")
    }
}
