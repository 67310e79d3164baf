import EvidexQuotes

/// The organisation gazetteer of a searcher, made on first use: building it (the built-in
/// records' name variants and patterns) costs about a millisecond, which a one-shot
/// `evidex search` without `org:` clauses or an organisation filter need not pay.
final class GazetteerSource {
    private let make: () -> OrganisationGazetteer
    private(set) lazy var value: OrganisationGazetteer = make()

    init(_ make: @escaping () -> OrganisationGazetteer) {
        self.make = make
    }
}
