import EvidexIndex
import Foundation

/// Operations on an index folder as a whole.
public enum IndexDirectory {
    /// Whether a committed index exists there.
    public static func exists(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + Manifest.fileName)
    }

    /// Removes the index files of a folder (keeping FORMAT.md and anything not ours).
    public static func clear(_ directory: String) throws(IndexError) {
        try IndexWriter.destroyIndex(at: directory)
    }
}
