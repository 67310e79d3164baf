import ArgumentParser
import Evidex
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show how text is split into tokens and terms (the same analysis as indexing).")

    @Argument(help: "Text to analyse.") var text: String
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var position: Int
        var text: String
        var exact: String
        var stem: String
        var start: Int
        var end: Int
    }

    func run() throws {
        let analyzer: Analyzer
        do { analyzer = try Analyzer() } catch { throw fail(error.description) }
        let bytes = Array(text.utf8)
        let rows = analyzer.tokens(text).map {
            Row(position: $0.position, text: String(decoding: bytes[$0.utf8Range], as: UTF8.self),
                exact: $0.exact, stem: $0.stem, start: $0.utf8Range.lowerBound, end: $0.utf8Range.upperBound)
        }
        if json {
            JSONOutput.print(rows)
            return
        }
        print(Terminal.dim("pos  bytes      surface → exact / stem"))
        for r in rows {
            let pos = String(r.position).padding(toLength: 4, withPad: " ", startingAt: 0)
            let span = "\(r.start)-\(r.end)".padding(toLength: 10, withPad: " ", startingAt: 0)
            print("\(pos) \(span) \(r.text) → \(r.exact) / \(r.stem)")
        }
    }
}
