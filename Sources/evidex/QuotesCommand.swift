import ArgumentParser
import Evidex
import Foundation

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Search quotations by their words, speaker and organisation.",
        discussion: """
            Words must all occur in the quote (punctuation and curly or straight marks do not \
            matter); "phrases" must occur as written. An empty query lists every quote that \
            the filters allow. Each quote comes with its speaker, role and organisation, the \
            document's title, date and source, and the sentence around it.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "Words or a \"phrase\" of the quote (may be empty).")
    var query: String = ""

    @Option(help: "Only quotes by this speaker (any words of the name, e.g. Bailey).") var speaker: String?
    @Option(help: "Only quotes whose speaker is from this organisation (any name or acronym).") var org: String?
    @Option(help: "Only quotes in documents dated on or after YYYY-MM-DD.") var from: String?
    @Option(help: "Only quotes in documents dated on or before YYYY-MM-DD.") var to: String?
    @Option(help: "Quotes to return.") var limit: Int = 20
    @Option(help: "Quotes to skip (for paging).") var offset: Int = 0
    @Flag(help: "Also show scare quotes and quotations with no speaker.") var all = false
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Print one JSON line per quote.") var ndjson = false

    func run() throws {
        let request = QuoteRequest(query: query, speaker: speaker, org: org, from: from, to: to, limit: limit, offset: offset, all: all)
        let options: QuoteSearchOptions
        do { options = try request.options() } catch {
            throw fail(error.message(prefix: "--"), code: ExitCode.validationFailure)
        }
        let result: QuoteSearchResult
        do {
            let snapshot = try openSnapshot(indexOptions)
            let searcher = try Searcher(snapshot: snapshot, organisations: try OrganisationStore.gazetteer(in: snapshot.directory))
            result = try searcher.quotes(query, options: options)
        } catch {
            throw fail(String(describing: error))
        }
        // Documents whose text could not be read back are named on stderr in every mode.
        for p in result.problems ?? [] { Terminal.error("evidex: warning: " + p) }
        if json {
            JSONOutput.print(result)
        } else if ndjson {
            for q in result.quotes { JSONOutput.print(q) }
        } else {
            print(Terminal.dim("\(result.total) quotes" + (query.isEmpty ? "" : " for \(query)") + " (\(String(format: "%.1f", result.tookMs)) ms)"))
            for (i, q) in result.quotes.enumerated() {
                print("")
                let who = q.speaker.map { s in
                    [s.name, s.role, s.organisation].compactMap { $0 }.reduce(into: [String]()) { acc, x in
                        // Skip a part already said ("… at The King’s Fund" then "The King's Fund").
                        let plain = { (t: String) in t.replacingOccurrences(of: "’", with: "'") }
                        if !acc.contains(where: { plain($0).contains(plain(x)) }) { acc.append(x) }
                    }.joined(separator: ", ")
                } ?? "(no speaker)"
                print("\(offset + i + 1). " + Terminal.bold(who) + Terminal.dim("  [\(q.kind)]"))
                print("   " + Terminal.highlighted(q.sentence, [q.highlight]))
                let meta = [q.document.date, q.document.source].compactMap { $0 }.joined(separator: " · ")
                print("   " + Terminal.dim(q.document.title + (meta.isEmpty ? "" : "  " + meta) + "  (" + q.document.id + ")"))
            }
        }
    }
}
