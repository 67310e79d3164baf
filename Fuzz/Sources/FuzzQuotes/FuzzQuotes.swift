import Evidex
import FuzzSupport

/// Quote extraction, attribution, speaker names and organisation linking on arbitrary text;
/// every range returned must lie inside the text.
let annotator = TextAnnotator()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let n = text.unicodeScalars.count
    let a = annotator.annotate(text)
    for q in a.quotes {
        precondition(q.range.lowerBound >= 0 && q.range.upperBound <= n, "quote outside the text")
        if let m = q.speaker?.mention { precondition(m.upperBound <= n, "speaker mention outside the text") }
        if let c = q.cue { precondition(c.upperBound <= n, "cue outside the text") }
    }
    for m in a.organisations { precondition(m.range.upperBound <= n, "mention outside the text") }
    return 0
}

@_cdecl("FuzzQuotes_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
