import Foundation
import Testing
@testable import EvidexIndex

@Suite("Spill files")
struct SpillFileTests {
    @Test("bytes spilled to disk and kept in memory read back in order, and leave no file behind")
    func roundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evidex-spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stream = SpillFile(directory: dir, threshold: 1000)
        var expected: [UInt8] = []
        var x: UInt32 = 1
        for round in 0..<50 {
            for _ in 0..<(97 * (round % 7 + 1)) {
                x = x &* 1_664_525 &+ 1_013_904_223
                let b = UInt8(truncatingIfNeeded: x >> 24)
                stream.tail.append(b)
                expected.append(b)
            }
            stream.spillIfLarge()
            #expect(stream.count == expected.count)
        }
        #expect(stream.spilled > 0, "the stream should have spilled past its threshold")
        #expect(stream.tail.count < 1000 + 97 * 7)
        var read: [UInt8] = []
        try stream.forEachChunk { raw in read.append(contentsOf: raw) }
        #expect(read == expected)
        // The temporary file is unlinked at once: the folder stays empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("without a folder nothing spills")
    func inMemory() throws {
        let stream = SpillFile(directory: nil, threshold: 10)
        for i in 0..<100 { stream.tail.append(UInt8(i)) }
        stream.spillIfLarge()
        #expect(stream.spilled == 0)
        var read: [UInt8] = []
        try stream.forEachChunk { raw in read.append(contentsOf: raw) }
        #expect(read == (0..<100).map { UInt8($0) })
    }
}
