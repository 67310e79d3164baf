import Evidex
import Foundation
import Testing

@Suite("README embedding example")
struct EmbeddingExampleTests {
    @Test("the README's ten lines index a document and find it")
    func readmeExample() throws {
        let scratch = ScratchIndex()
        // The README example, with its folder moved to a temporary one.
        let dir = scratch.path
        let writer = try IndexWriter(directory: dir)
        let worker = try writer.makeWorker()
        try worker.add(Document(id: "a1", kind: .news, title: "Nurses warn of burnout",
                                paragraphs: [Paragraph(text: "Staff said burnout was widespread.")]))
        try worker.finish()
        try writer.commit()
        let result = try Searcher(snapshot: IndexSnapshot(directory: dir)).search("burnout", options: SearchOptions(limit: 5))
        for hit in result.hits { print(hit.id, hit.score, hit.snippets.first?.text ?? "") }

        #expect(result.hits.map(\.id) == ["a1"])
        #expect(result.hits[0].snippets.first?.highlights == [[11, 18]])  // "burnout" in "Staff said burnout…"
    }
}
