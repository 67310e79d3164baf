import Foundation
@testable import EvidexQuotes

/// Locates the shared data folder by walking up from this package looking for a folder named
/// `shared` that holds `data/<name>`; tests that need it are skipped when it is absent.
enum OrganisationTestSupport {
    static func sharedData(_ name: String) -> URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/data/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static let linker = OrganisationLinker(gazetteer: .builtIn)

    /// (surface, canonical name) pairs, in text order.
    static func links(_ text: String, _ linker: OrganisationLinker = linker) -> [(String, String)] {
        linker.link(text).map { ($0.surface, $0.name) }
    }

    static func names(_ text: String, _ linker: OrganisationLinker = linker) -> [String] {
        linker.link(text).map(\.name)
    }
}
