import Foundation
import Testing
@testable import EvidexDocuments

/// Locates the project's shared data folder: walking up from this file, the first ancestor
/// with a `shared/data` folder (for /work/main/Tests/EvidexDocumentsTests/X.swift: /work/shared).
enum TestData {
    static let shared: URL? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" && !dir.path.isEmpty {
            let candidate = dir.appendingPathComponent("shared")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate.appendingPathComponent("data").path, isDirectory: &isDir), isDir.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// Why a test that reads the shared folder was skipped.
    static func missing(_ what: String) -> Comment {
        Comment(rawValue: "skipped: needs \(what) in the shared data folder (a `shared/data` folder beside an ancestor of \(#filePath)); not found")
    }

    static func file(_ relative: String) -> URL? {
        guard let shared else { return nil }
        let url = shared.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func has(_ relative: String) -> Bool { file(relative) != nil }
}

/// A temporary folder removed when the test ends.
final class TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> URL {
        let u = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }

    func source(_ relative: String) -> SourceFile {
        SourceFile(url: url.appendingPathComponent(relative), relativePath: relative)
    }
}

extension LoadResult {
    /// The only document, or nil.
    var single: Document? { documents.count == 1 ? documents[0] : nil }
}
