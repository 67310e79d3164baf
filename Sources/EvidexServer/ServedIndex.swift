import Evidex

/// One commit of the index as the server answers from it: the snapshot and the organisations
/// stored beside it. Immutable; a request keeps the one it started with to the end, while
/// later requests may get a newer one.
public final class ServedIndex: Sendable {
    public let snapshot: IndexSnapshot
    public let organisations: OrganisationGazetteer
    /// The MANIFEST this was opened from, to notice the next commit.
    let stamp: ManifestStamp?

    public var generation: UInt64 { snapshot.manifest.generation }

    init(directory: String) throws(IndexError) {
        // The stamp is taken first: if a commit lands between the two, the stamp is the old
        // one and the next check opens the index again rather than missing the commit.
        stamp = ManifestStamp(path: directory + "/" + Manifest.fileName)
        snapshot = try IndexSnapshot(directory: directory)
        organisations = try OrganisationStore.gazetteer(in: directory)
    }
}
