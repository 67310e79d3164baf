import EvidexDocuments
@testable import EvidexIndex
import Foundation
import Testing

/// A merge copies a store block compressed when every document in it is live and its records
/// need no rewriting; every stored document must read back as it was either way.
@Suite("Merges copy store blocks")
struct StoreBlockCopyTests {
    /// Three segments: documents read back from source files (reference records) in the first
    /// two, copies in the third; then deletions in the second.
    @Test("stored documents survive a merge; unchanged blocks are copied compressed")
    func blocksCopied() throws {
        let dir = TemporaryDirectory()
        let sources = TemporaryDirectory()
        var all: [Document] = []
        for s in 0..<3 {
            let w = try IndexWriter(directory: dir.path, options: IndexWriterOptions(threads: 1))
            let worker = try w.makeWorker()
            for i in 0..<40 {
                let name = "s\(s)-\(i).txt"
                let text = "Trust \(s) warns of delays \(i)\n\nThe trust said handover delays reached \(i * 7) hours in week \(i).\n"
                let path = sources.path + "/" + name
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                let loaded = DocumentLoader().load(SourceFile(url: URL(fileURLWithPath: path), relativePath: name))
                let doc = try #require(loaded.documents.first)
                // segments 0 and 1 keep references to their files, segment 2 copies
                try worker.add(doc, path: name, sourceFile: s < 2 ? path : nil)
                all.append(doc)
            }
            try worker.finish()
            _ = try w.commit()
        }
        let w = try IndexWriter(directory: dir.path, options: IndexWriterOptions(threads: 1))
        let deleted = Set(stride(from: 3, to: 40, by: 9).map { "s1-\($0).txt" })
        for id in deleted { #expect(w.delete(id: id)) }
        _ = try w.commit()

        let before = try IndexSnapshot(directory: dir.path)
        #expect(before.segments.count == 3)
        var expected: [String: Document] = [:]
        for d in all where !deleted.contains(d.id) { expected[d.id] = try before.document(id: d.id) }
        #expect(expected.count == all.count - deleted.count)
        var inputBlocks: [[[UInt8]]] = []
        for seg in before.segments {
            var blocks: [[UInt8]] = []
            try seg.reader.forEachStoreBlock { blocks.append(Array($0.compressed)) }
            inputBlocks.append(blocks)
        }
        // Merged in snapshot order: the first input is the one whose file ordinals are kept.
        let path = dir.path + "/merged.evx"
        try SegmentMerger.merge(before.segments, to: path)
        let reader = try SegmentReader(path: path, name: "merged.evx")
        try reader.verify()
        #expect(reader.docCount == all.count - deleted.count)
        for doc in 0..<UInt32(reader.docCount) {
            let id = reader.id(of: doc)
            #expect(!deleted.contains(id))
            #expect(try reader.document(doc) == expected[id])
        }
        var merged: Set<[UInt8]> = []
        try reader.forEachStoreBlock { merged.insert(Array($0.compressed)) }
        // The first segment's blocks (its file ordinals are kept) and the copies' blocks are
        // copied as they are; the second segment's have deletions or remapped file ordinals.
        #expect(inputBlocks[0].allSatisfy { merged.contains($0) })
        #expect(inputBlocks[2].allSatisfy { merged.contains($0) })
        #expect(!inputBlocks[1].contains { merged.contains($0) })
    }
}
