import Evidex
import FuzzSupport
import Foundation

/// Parses every input as a query (strict and lenient) and runs it on a small index: the
/// parser, the preparer, scoring, snippets and quote search must answer or throw, never trap.
nonisolated(unsafe) var searcher: Searcher?

func makeSearcher() -> Searcher {
    if let searcher { return searcher }
    let dir = NSTemporaryDirectory() + "evidex-fuzz-query-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    let writer = try! IndexWriter(directory: dir)
    let worker = try! writer.makeWorker()
    let texts = [
        ("a1", "Nurses warn of burnout", "‘It is a bitter irony,’ said Ms Bailey of The King’s Fund. Staff burnout rose 17% in 2021."),
        ("a2", "Pay deal agreed", "The Department of Health and Social Care (DHSC) agreed £1,200 for N.H.S. staff on 2021-06-08."),
        ("a3", "Inquiry hears evidence", "Q12 Chair: What happened? Professor Hopkins said: “The wards were full.” café naïve"),
    ]
    for (id, title, body) in texts {
        let doc = Document(id: id, kind: .news, title: title, date: Day(year: 2021, month: 6, day: 8), source: "HSJ",
                           paragraphs: [Paragraph(text: body)])
        try! worker.add(doc, annotations: TextAnnotator().annotate(StoredAnnotations.text(of: doc).text))
    }
    try! worker.finish()
    _ = try! writer.commit()
    let s = try! Searcher(snapshot: IndexSnapshot(directory: dir))
    searcher = s
    return s
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let s = makeSearcher()
    _ = try? s.search(text, options: SearchOptions(limit: 5, explain: size % 2 == 0))
    _ = try? QueryParser(defaultOperator: .and).parse(text)
    _ = try? QueryParser(syntax: .lenient).parse(text)
    _ = try? QueryParser(syntax: .plainWords).parse(text)
    _ = try? s.quotes(text, options: QuoteSearchOptions(limit: 3))
    return 0
}

@_cdecl("FuzzQuery_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
