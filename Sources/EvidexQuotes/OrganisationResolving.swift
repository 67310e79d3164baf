/// Lets the quote extractor turn a speaker-role phrase ("of the King's Fund") into a canonical
/// organisation name without depending on how the gazetteer is built. Declared here with the
/// exact signature the quote extractor uses, so either copy of the module compiles alone.
public protocol OrganisationResolving: Sendable {
    func canonicalOrganisation(for phrase: String) -> String?
}
