/// One place in a text that names an organisation.
public struct OrganisationMention: Sendable, Codable, Equatable {
    /// Unicode code-point offsets into the text as given, so callers in any language can slice it.
    public var range: Range<Int>
    /// The text as written ("Kings Fund", "DHSC").
    public var surface: String
    /// Gazetteer id, or a "local:"/"pattern:" id for bodies known only from this document.
    public var organisationID: String
    /// Official full name of the organisation.
    public var name: String

    public init(range: Range<Int>, surface: String, organisationID: String, name: String) {
        self.range = range
        self.surface = surface
        self.organisationID = organisationID
        self.name = name
    }
}
