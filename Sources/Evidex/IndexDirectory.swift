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
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        // Take the writer lock so a running writer is never pulled out from under.
        let writer = try IndexWriter(directory: directory)
        for n in names where n.hasPrefix("seg-") || n.hasPrefix(Manifest.fileName) {
            try? FileManager.default.removeItem(atPath: directory + "/" + n)
        }
        _ = writer
    }
}

extension IndexDirectory {
    static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
