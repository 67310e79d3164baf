/// Finds quotations with their speakers and organisation mentions in a text, with one
/// gazetteer for both, so that a speaker's organisation and the organisation mentions of the
/// same text are named alike.
public struct TextAnnotator: Sendable {
    public let gazetteer: OrganisationGazetteer
    private let extractor: QuoteExtractor
    private let linker: OrganisationLinker

    public init(gazetteer: OrganisationGazetteer = .builtIn) {
        self.gazetteer = gazetteer
        linker = OrganisationLinker(gazetteer: gazetteer)
        extractor = QuoteExtractor(organisations: linker)
    }

    /// `text`: a headline line, a blank line, then paragraphs separated by newlines (the
    /// shape of a news file); other text works too, with no headline.
    public func annotate(_ text: String) -> TextAnnotations {
        TextAnnotations(quotes: extractor.extract(from: text), organisations: linker.link(text))
    }
}
