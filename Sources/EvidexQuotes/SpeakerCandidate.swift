/// A speaker noun phrase found next to a cue, before names are canonicalised.
struct SpeakerCandidate: Sendable, Equatable {
    /// Words of the noun phrase as written ("Ms Bailey", "he", "the report").
    var phrase: String
    var mention: Range<Int>
    var role: String?
    var cue: Range<Int>?
    var isPronoun: Bool
    /// Lowercased words of the phrase, for title and head-noun tests.
    var words: [String]
    /// Capitalised words of the phrase with titles dropped ("Suzie Bailey").
    var nameWords: [String]
    /// Where the phrase sits; orders resolution so pronouns see earlier names first.
    var position: Int { mention.lowerBound }
}
