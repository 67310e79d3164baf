import Evidex
import FuzzSupport
import Foundation

/// A damaged segment, deletes file or MANIFEST must give an error, never a crash. The first
/// byte picks the file; the rest is its content. Segments are read through every structure
/// (dictionary, postings, positions, stored documents) without the checksum, which would
/// otherwise stop nearly every input at the door.
let dir = NSTemporaryDirectory() + "evidex-fuzz-segment-\(getpid())"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let content = Data(bytes: data + 1, count: size - 1)
    if data[0] % 4 == 0 {
        // As a MANIFEST (the segment it names is whatever the last input left).
        try? content.write(to: URL(fileURLWithPath: dir + "/MANIFEST"))
        _ = try? IndexSnapshot(directory: dir, verify: true)
        return 0
    }
    let path = dir + "/seg-000001.evx"
    try? content.write(to: URL(fileURLWithPath: path))
    guard let reader = try? SegmentReader(path: path, name: "seg-000001.evx") else { return 0 }
    var seen = 0
    reader.forEachTerm(withPrefix: TermKey(raw: [])) { _, info in
        guard seen < 200 else { return }
        seen += 1
        let c = reader.postings(info)
        var docs = 0
        var positions: [UInt32] = []
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
    _ = try? reader.verify()
    return 0
}

@_cdecl("FuzzSegment_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
