/// Turns a phrase from a speaker's role ("of the King's Fund") into a canonical organisation
/// name, so that speakers' organisations come out in one spelling across documents. The quote
/// extractor depends only on this, not on how the gazetteer is built.
public protocol OrganisationResolving: Sendable {
    /// The canonical organisation name for a phrase such as "The King's Fund" or "the
    /// Department of Health", or nil.
    func canonicalOrganisation(for phrase: String) -> String?
}
