import EvidexDocuments
import Foundation

/// A fresh temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func makeDocument(_ id: String, title: String, body: [String], date: String? = nil, source: String? = nil,
                  kind: DocumentKind = .news, speaker: String? = nil) -> Document {
    Document(id: id, kind: kind, title: title, date: date.flatMap { Day(iso: $0) }, source: source,
             paragraphs: body.map { Paragraph(text: $0, speaker: speaker) })
}
