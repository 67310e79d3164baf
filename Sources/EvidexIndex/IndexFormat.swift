import CEvidexZlib

/// Constants of the on-disk format (index/FORMAT.md). Bump `version` on any change.
public enum IndexFormat {
    public static let version: UInt32 = 8
    /// "EVXS" at the start of a segment file.
    static let segmentMagic: UInt32 = 0x5358_5645
    /// "EVXD" at the start of a deletes file.
    static let deletesMagic: UInt32 = 0x4458_5645
    /// "EVX1" closes every file, after the version and the CRC-32 of all bytes before the CRC.
    static let footerMagic: UInt32 = 0x3158_5645
    static let footerSize = 12

    /// Appends the common footer: version, CRC-32 of everything before the CRC field, magic.
    static func appendFooter(to out: inout ByteBuffer) {
        out.appendLE(version)
        let crc = out.bytes.withUnsafeBufferPointer { evx_crc32(0, $0.baseAddress, $0.count) }
        out.appendLE(crc)
        out.appendLE(footerMagic)
    }

    /// Checks the footer's magic and version (cheap; done at open).
    static func checkFooter(_ data: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        guard data.count >= footerSize else { throw .corrupt("\(file) is truncated") }
        let end = data.count
        let magic = UInt32(littleEndian: data.loadUnaligned(fromByteOffset: end - 4, as: UInt32.self))
        guard magic == footerMagic else { throw .corrupt("\(file) has no valid footer (truncated or not an Evidex file)") }
        let v = UInt32(littleEndian: data.loadUnaligned(fromByteOffset: end - 12, as: UInt32.self))
        guard v == version else { throw .unsupportedVersion(file: file, found: v, supported: version) }
    }

    /// Recomputes the CRC-32 (done by `evidex verify`, not at open, so opening stays O(1)).
    static func verifyChecksum(_ data: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        try checkFooter(data, file: file)
        let end = data.count
        let stored = UInt32(littleEndian: data.loadUnaligned(fromByteOffset: end - 8, as: UInt32.self))
        let crc = evx_crc32(0, data.baseAddress!.assumingMemoryBound(to: UInt8.self), end - 8)
        guard crc == stored else { throw .checksumMismatch(file: file) }
    }
}

/// Section ids of a segment file's directory.
enum SegmentSection: UInt32, CaseIterable {
    case stats = 1
    case termBlockKeys = 2
    case termBlockOffsets = 3
    case termBlocks = 4
    case postings = 5
    case positions = 6
    case fieldLengths = 7
    case dates = 8
    case kinds = 9
    case sourceOrdinals = 10
    case sourceStrings = 11
    case storeIndex = 12
    case storeData = 13
    case idKeys = 14
    case idDocs = 16
    case pathOrdinals = 17
    case pathStrings = 18
    case idOrdinals = 19
    case pathStamps = 20
    case sourceFiles = 21
}
