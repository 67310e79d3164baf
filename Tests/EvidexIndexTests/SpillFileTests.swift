import Foundation
import Testing
import CEvidexZlib
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

        // The segment writer's path: the spilled part copied file to file after a prefix, its
        // CRC combined with the prefix's, then the tail; bytes and CRC as if read back.
        let out = dir + "/copy"
        let fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let prefix: [UInt8] = Array("segment".utf8)
        _ = prefix.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        #expect(try stream.copySpilled(to: fd, path: out))
        try stream.withTail { raw in _ = write(fd, raw.baseAddress!, raw.count) }
        close(fd)
        let copied = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(copied == prefix + expected)
        let prefixCRC = prefix.withUnsafeBufferPointer { evx_crc32(0, $0.baseAddress!, $0.count) }
        let combined = evx_crc32_combine(prefixCRC, stream.spilledCRC, UInt64(stream.spilled))
        let whole = copied.withUnsafeBufferPointer { evx_crc32(0, $0.baseAddress!, prefix.count + stream.spilled) }
        #expect(combined == whole)
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
