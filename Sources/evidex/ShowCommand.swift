import ArgumentParser
import Evidex
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a stored document.")

    @OptionGroup var indexOptions: IndexOptions
    @Argument(help: "Document id (as search prints it).") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let doc: Document?
        do { doc = try openSnapshot(indexOptions).document(id: id) } catch { throw fail(String(describing: error)) }
        guard let doc else { throw fail("no document with id \(id); `evidex search` prints ids", code: ExitStatus.notFound) }
        if json {
            JSONOutput.print(doc, pretty: true)
            return
        }
        print(Terminal.bold(doc.title))
        let meta = [doc.author.map { "By \($0)" }, doc.date?.description, doc.source, doc.kind.rawValue, doc.url].compactMap { $0 }
        print(Terminal.dim(doc.id + "  " + meta.joined(separator: " · ")))
        for (k, v) in doc.metadata.sorted(by: { $0.key < $1.key }) { print(Terminal.dim("\(k): \(v)")) }
        var lastSection: Int?
        for p in doc.paragraphs {
            if let s = p.section, s != lastSection, s < doc.headings.count {
                print("\n" + Terminal.bold(doc.headings[s]))
                lastSection = s
            }
            print("")
            print((p.speaker.map { Terminal.bold($0) + ": " } ?? "") + p.text)
        }
    }
}
