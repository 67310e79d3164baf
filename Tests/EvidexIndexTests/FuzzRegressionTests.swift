@testable import EvidexIndex
import Foundation
import Testing

/// Inputs on which `Fuzz/FuzzSegment` once crashed (first byte: 0 mod 4 a MANIFEST, else a
/// segment file), read the way the fuzzer reads them: each must now give an error or data,
/// never a trap or a read outside the file.
@Suite("Fuzzer crashers, segment readers")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-segment-crashes")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("every crasher reads without crashing", arguments: inputs)
    func crasher(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        #expect(!data.isEmpty)
        let dir = TemporaryDirectory()
        let content = data.dropFirst()
        if data[data.startIndex] % 4 == 0 {
            try Data(content).write(to: URL(fileURLWithPath: dir.path + "/MANIFEST"))
            _ = try? IndexSnapshot(directory: dir.path, verify: true)
            return
        }
        let path = dir.path + "/seg-000001.evx"
        try Data(content).write(to: URL(fileURLWithPath: path))
        guard let reader = try? SegmentReader(path: path, name: "seg-000001.evx") else { return }
        var terms = 0
        reader.forEachTerm(withPrefix: TermKey(raw: [])) { _, info in
            terms += 1
            let c = reader.postings(info)
            var positions: [UInt32] = []
            var docs = 0
            while c.doc != PostingsCursor.exhausted && docs < 1000 {
                positions.removeAll(keepingCapacity: true)
                c.positions(into: &positions)
                c.next()
                docs += 1
            }
        }
        for d in 0..<min(reader.docCount, 50) {
            _ = try? reader.annotatedDocument(UInt32(d))
            _ = reader.id(of: UInt32(d))
            _ = reader.path(UInt32(d))
        }
        // A damaged file never passes verification.
        #expect(throws: IndexError.self) { try reader.verify() }
    }

    @Test("the crashers are present")
    func present() {
        #expect(Self.inputs.count >= 2)
    }
}
