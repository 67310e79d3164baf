import Evidex
import FuzzSupport

/// Feeds every input to one document parser, picked by its first byte, then reads the
/// documents back out as the index would (annotation text, quotes and organisations).
let names = ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.rst", "fuzz.jsonl", "fuzz.txt.gz", "fuzz.jsonl.gz", "fuzz.markdown"]
let loader = DocumentLoader(maxFileBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let result = loader.load(bytes: bytes, relativePath: name)
    for doc in result.documents.prefix(8) {
        _ = StoredAnnotations.text(of: doc)
        _ = doc.body
    }
    for p in result.problems { _ = p.description }
    return 0
}

@_cdecl("FuzzDocuments_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
