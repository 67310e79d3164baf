import ArgumentParser
import Evidex
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index (query syntax: see README).")

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "The query, e.g. '\"bitter irony\"' or 'burnout AND date:2021'.")
    var query: String

    @Option(help: "Hits to return.") var limit: Int = 10
    @Option(help: "Hits to skip (for paging).") var offset: Int = 0
    @Option(help: "Only documents dated on or after YYYY-MM-DD.") var from: String?
    @Option(help: "Only documents dated on or before YYYY-MM-DD.") var to: String?
    @Option(help: "Only documents from this source.") var source: String?
    @Option(help: "Only documents of this kind (news, evidence, other).") var kind: String?
    @Option(help: "Only documents that mention this organisation (any name or acronym, e.g. DHSC).") var org: String?
    @Flag(help: "Explain each hit's score per term and field.") var explain = false
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Print one JSON line per hit.") var ndjson = false
    @Option(help: "BM25 k1.") var k1: Double = 1.2
    @Option(help: "BM25 b.") var b: Double = 0.75
    @Flag(name: .customLong("and"), help: "Make AND the default operator between words.") var defaultAnd = false

    func run() throws {
        let request = SearchRequest(query: query, limit: limit, offset: offset, from: from, to: to,
                                    source: source, kind: kind, org: org, explain: explain)
        let options: SearchOptions
        do { options = try request.options() } catch {
            throw fail(error.message(prefix: "--"), code: ExitCode.validationFailure)
        }
        let result: SearchResult
        do {
            let snapshot = try openSnapshot(indexOptions)
            // The gazetteer is made only if the query names an organisation.
            let searcher = try Searcher(snapshot: snapshot, settings: RankingSettings(k1: k1, b: b),
                                        parser: QueryParser(defaultOperator: defaultAnd ? .and : .or),
                                        organisationsOnDemand: { OrganisationStore.storedGazetteer(in: snapshot.directory) })
            result = try searcher.search(query, options: options)
        } catch {
            throw fail(String(describing: error))
        }
        if json {
            JSONOutput.print(result)
        } else if ndjson {
            for h in result.hits { JSONOutput.print(h) }
        } else {
            printReadable(result)
        }
    }

    private func printReadable(_ r: SearchResult) {
        let total = r.total.map(String.init) ?? "?"
        print(Terminal.dim("\(total) matches for \(r.query) (\(String(format: "%.1f", r.tookMs)) ms)"))
        for (i, h) in r.hits.enumerated() {
            print("")
            let meta = [h.date, h.source, h.kind].compactMap { $0 }.joined(separator: " · ")
            print("\(offset + i + 1). " + Terminal.bold(h.title.isEmpty ? h.id : h.title) + "  " + Terminal.dim(String(format: "%.3f", h.score)))
            print("   " + Terminal.dim(h.id + (meta.isEmpty ? "" : "  " + meta)))
            if let p = h.problem { print("   " + Terminal.dim("(text unavailable: \(p))")) }
            for s in h.snippets {
                let who = s.speaker.map { Terminal.bold($0) + ": " } ?? ""
                print("   " + who + Terminal.highlighted(s.text, s.highlights))
            }
            if let e = h.explanation { print(e.render(indent: 2), terminator: "") }
        }
        if let f = r.facets, !r.hits.isEmpty {
            print("")
            func line(_ name: String, _ v: [FacetCount]) -> String {
                name + ": " + v.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
            }
            print(Terminal.dim(line("kind", f.kind)))
            print(Terminal.dim(line("source", f.source)))
            print(Terminal.dim(line("year", f.year)))
            if !f.organisation.isEmpty { print(Terminal.dim(line("organisation", f.organisation))) }
        }
    }
}
