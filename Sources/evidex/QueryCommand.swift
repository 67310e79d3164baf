import ArgumentParser
import Evidex
import Foundation

/// The batch protocol of ../shared/bench: one query per stdin line, one flushed JSON line per
/// query with up to EVIDEX_DEPTH (or BENCH_DEPTH, default 10) ids best first. Lines are read
/// leniently (`QuerySyntax.lenient`).
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer queries from stdin, one JSON line each (for scripts and benchmarks).")

    @OptionGroup var indexOptions: IndexOptions
    @Option(help: "Hits per query (default: $EVIDEX_DEPTH, $BENCH_DEPTH or 10).") var depth: Int?
    @Flag(help: "Add the exact number of matches to each answer (a second pass over the matches, included in took_us).")
    var count = false

    struct Answer {
        var ids: [String]
        var count: Int?
        var took_us: Double
        var error: String?

        /// Written by hand: JSONEncoder costs more than a rare-term query.
        func jsonLine() -> String {
            var out = "{\"ids\":["
            for (i, id) in ids.enumerated() {
                if i > 0 { out += "," }
                JSONString.append(id, to: &out)
            }
            out += "]"
            if let count { out += ",\"count\":\(count)" }
            out += ",\"took_us\":\(Int(took_us))"
            if let error {
                out += ",\"error\":"
                JSONString.append(error, to: &out)
            }
            out += "}\n"
            return out
        }
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let k = depth ?? Int(env["EVIDEX_DEPTH"] ?? env["BENCH_DEPTH"] ?? "") ?? 10
        let searcher: Searcher
        // Lenient: harness and script queries are pasted text, and one stray quote should
        // not cost a query its answer (well-formed syntax, `+a +b` and `"a b"`, still counts).
        do {
            searcher = try Searcher(snapshot: try IndexSnapshot(directory: indexOptions.directory),
                                    parser: QueryParser(syntax: .lenient))
        } catch {
            throw fail(String(describing: error))
        }
        while let line = readLine(strippingNewline: true) {
            let start = ContinuousClock.now
            var answer: Answer
            // A line is blank when every character is a space or tab (`.whitespaces`); any other
            // ASCII byte settles it without Foundation's trimming, which cost 9K instructions,
            // 7% of a rare word's answer.
            let blank = line.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 })
                ? false : line.trimmingCharacters(in: .whitespaces).isEmpty
            if blank {
                answer = Answer(ids: [], count: 0, took_us: 0, error: nil)
            } else {
                do {
                    let r = try searcher.topIDs(line, k: k, count: count)
                    answer = Answer(ids: r.ids, count: r.count, took_us: 0, error: nil)
                } catch {
                    answer = Answer(ids: [], count: nil, took_us: 0, error: String(describing: error))
                }
            }
            let d = ContinuousClock.now - start
            answer.took_us = (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12).rounded() 
            // One write(2) per answer: the line is flushed as the protocol requires.
            var line = answer.jsonLine()
            line.withUTF8 { u in
                var off = 0
                while off < u.count {
                    let n = write(1, u.baseAddress! + off, u.count - off)
                    if n <= 0 { break }
                    off += n
                }
            }
        }
    }
}
