import EvidexDocuments
import EvidexIndex
import EvidexSearch
import Foundation

final class TestIndex {
    let path: String
    let snapshot: IndexSnapshot

    init(_ docs: [Document], segments: Int = 1) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-search-\(UUID().uuidString)").path
        let w = try IndexWriter(directory: path, options: IndexWriterOptions(threads: 1))
        // Spread documents over several segments when asked, to test cross-segment ranking.
        let per = max(1, (docs.count + segments - 1) / segments)
        var i = 0
        while i < docs.count {
            let worker = try w.makeWorker()
            for d in docs[i..<min(i + per, docs.count)] { try worker.add(d) }
            try worker.finish()
            i += per
        }
        try w.commit()
        snapshot = try IndexSnapshot(directory: path)
    }

    func searcher() throws -> Searcher { try Searcher(snapshot: snapshot) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func doc(_ id: String, _ title: String, _ body: String..., date: String? = nil, source: String? = nil, kind: DocumentKind = .news) -> Document {
    Document(id: id, kind: kind, title: title, date: date.flatMap { Day(iso: $0) }, source: source,
             paragraphs: body.map { Paragraph(text: $0) })
}
