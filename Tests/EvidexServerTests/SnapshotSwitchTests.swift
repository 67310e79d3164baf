import Evidex
@testable import EvidexServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("Switching to a new commit without a restart")
struct SnapshotSwitchTests {
    final class ScratchDirectory: Sendable {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-serve-\(UUID().uuidString)").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func buildCorpusIndex(_ dir: String) throws {
        _ = try CorpusIndexer.run(paths: [ServerFixture.corpus], indexDirectory: dir, options: IndexingOptions(threads: 2))
    }

    static func addDocument(_ dir: String) throws {
        let writer = try IndexWriter(directory: dir)
        let worker = try writer.makeWorker()
        try worker.add(Document(id: "zymurgy-2024.txt", kind: .news, title: "Zymurgy classes for NHS staff",
                                paragraphs: [Paragraph(text: "Trusts now offer zymurgy to tired staff.")]))
        try worker.finish()
        try writer.commit()
    }

    @Test("A commit by another writer is served by the next request, with its generation")
    func picksUpCommit() async throws {
        let dir = ScratchDirectory()
        try Self.buildCorpusIndex(dir.path)
        var limits = ServerLimits()
        limits.refreshInterval = .zero
        try await ServerFixture.withServer(index: dir.path, limits: limits) { client in
            let before = try await client.get("/api/search?q=zymurgy")
            #expect(try before.decode(SearchResult.self).total == 0)
            let g1 = try #require(before.headers[ServerHeaders.generation].flatMap { UInt64($0) })

            try Self.addDocument(dir.path)

            let after = try await client.get("/api/search?q=zymurgy")
            let result = try after.decode(SearchResult.self)
            #expect(result.total == 1)
            #expect(result.hits.first?.id == "zymurgy-2024.txt")
            let g2 = try #require(after.headers[ServerHeaders.generation].flatMap { UInt64($0) })
            #expect(g2 > g1)
            #expect(try await client.get("/api/documents/zymurgy-2024.txt").status == .ok)
            let health = try await client.get("/healthz").decode(HealthStatusBody.self)
            #expect(health.generation == g2)
        }
    }

    struct HealthStatusBody: Decodable {
        let generation: UInt64
        let documents: Int
    }

    @Test("A request holding the old commit still reads it after a rebuild deleted its files")
    func oldSnapshotOutlivesCommit() throws {
        let dir = ScratchDirectory()
        try Self.buildCorpusIndex(dir.path)
        let provider = try SnapshotProvider(directory: dir.path, refreshInterval: .zero, logger: ServerFixture.quietLogger)
        let old = provider.current()
        func inodes() -> [Int?] {
            old.snapshot.manifest.segments.map {
                (try? FileManager.default.attributesOfItem(atPath: dir.path + "/" + $0.fileName))?[.systemFileNumber] as? Int
            }
        }
        let before = inodes()

        _ = try CorpusIndexer.run(paths: [ServerFixture.corpus], indexDirectory: dir.path,
                                  options: IndexingOptions(threads: 2, rebuild: true))
        let new = provider.current()
        #expect(new !== old)
        // A rebuild starts the index afresh (generation 1 again): the old segment files are
        // gone, whether or not new ones took their names.
        #expect(new.stamp != old.stamp)
        #expect(zip(before, inodes()).allSatisfy { $0 != $1 })

        let searcher = try Searcher(snapshot: old.snapshot, organisations: old.organisations)
        let r = try searcher.search("\"bitter irony\"")
        #expect(r.hits.first?.id == ServerFixture.seedID)
        #expect(try old.snapshot.document(id: ServerFixture.seedID)?.title.isEmpty == false)
    }

    @Test("A commit that cannot be opened leaves the previous one serving")
    func damagedCommitKeepsOld() throws {
        let dir = ScratchDirectory()
        try Self.buildCorpusIndex(dir.path)
        let provider = try SnapshotProvider(directory: dir.path, refreshInterval: .zero, logger: ServerFixture.quietLogger)
        let old = provider.current()
        let manifest = dir.path + "/" + Manifest.fileName
        let good = try Data(contentsOf: URL(fileURLWithPath: manifest))
        // A new file (new inode) with a broken checksum, as a half-copied index might have.
        try FileManager.default.removeItem(atPath: manifest)
        try Data("{\"not\": \"a manifest\"}".utf8).write(to: URL(fileURLWithPath: manifest))
        #expect(provider.current() === old)
        #expect(provider.current() === old)

        try FileManager.default.removeItem(atPath: manifest)
        try good.write(to: URL(fileURLWithPath: manifest))
        // The same commit again: its stamp differs (new inode) but it is the same generation.
        let again = provider.current()
        #expect(again.generation == old.generation)
    }
}
