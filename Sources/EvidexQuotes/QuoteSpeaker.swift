/// Who a quote is attributed to. `mention` is the span (code points) of the words the cue
/// attaches to — a name, a pronoun or a noun phrase such as "the report" — while `name` is the
/// canonical form (a pronoun resolved, "Ms Bailey" expanded to the full name seen earlier).
public struct QuoteSpeaker: Sendable, Codable, Equatable {
    public var name: String
    public var mention: Range<Int>?
    public var role: String?
    public var organisation: String?

    public init(name: String, mention: Range<Int>? = nil, role: String? = nil, organisation: String? = nil) {
        self.name = name
        self.mention = mention
        self.role = role
        self.organisation = organisation
    }
}
