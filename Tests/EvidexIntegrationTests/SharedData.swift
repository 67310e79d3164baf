import Foundation

/// Locates the repository and the `../shared` data folder next to it. Tests that need shared
/// data are skipped with a message when it is absent (it is never copied into the repo).
enum SharedData {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let root: URL? = {
        let candidate = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: candidate.appendingPathComponent("data").path) ? candidate : nil
    }()

    static func data(_ name: String) -> URL? {
        guard let r = root?.appendingPathComponent("data").appendingPathComponent(name),
              FileManager.default.fileExists(atPath: r.path) else { return nil }
        return r
    }

    static let missingMessage = "../shared/data is absent next to the repository: skipping tests on shared corpora"
}

final class ScratchIndex {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-it-\(UUID().uuidString)").path
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
