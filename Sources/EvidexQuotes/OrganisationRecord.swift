/// One organisation as a fact: its official name and every other way texts refer to it.
/// Records are plain values so that gazetteers built from different sources can be merged.
public struct OrganisationRecord: Sendable, Codable, Hashable {
    /// Stable slug ("dhsc"); links and successor pointers use it, so it must never change.
    public var id: String
    /// Official full name; this is what a linked mention is named by.
    public var name: String
    /// Matched case-sensitively, because acronyms collide with ordinary words ("NICE", "SAGE").
    public var acronyms: [String]
    /// Other names, matched case-insensitively (up to capitalisation checks) with article handling.
    public var aliases: [String]
    /// "government department", "royal college", "ICB", ...
    public var kind: String?
    /// Names the body had before a rename; still the same organisation, so they link to it.
    public var formerNames: [String]
    /// Id of the body that took over this one (HEE → NHS England); mentions still link here.
    public var successor: String?

    public init(
        id: String, name: String, acronyms: [String] = [], aliases: [String] = [],
        kind: String? = nil, formerNames: [String] = [], successor: String? = nil
    ) {
        self.id = id
        self.name = name
        self.acronyms = acronyms
        self.aliases = aliases
        self.kind = kind
        self.formerNames = formerNames
        self.successor = successor
    }
}
