import ArgumentParser
import Evidex
import Foundation

struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "List organisations with mention and quote counts, or show one.",
        discussion: """
            Without a name: every organisation mentioned or speaking in the index, most \
            mentioned first. With a name (any name, alias or acronym, e.g. HEE or "Kings \
            Fund"): its official name, acronyms, aliases, former names, counts, speakers and \
            latest quotes.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "An organisation's name or acronym.")
    var name: String?

    @Option(help: "Organisations to list.") var limit: Int = 50
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print one JSON line per organisation.") var ndjson = false

    func run() throws {
        let searcher: Searcher
        do {
            let snapshot = try openSnapshot(indexOptions)
            searcher = try Searcher(snapshot: snapshot, organisations: try OrganisationStore.gazetteer(in: snapshot.directory))
        } catch {
            throw fail(String(describing: error))
        }
        guard let name else {
            let all = searcher.organisationSummaries()
            let shown = Array(all.prefix(max(0, limit)))
            if json {
                JSONOutput.print(shown)
            } else if ndjson {
                for o in shown { JSONOutput.print(o) }
            } else {
                print(Terminal.dim("\(all.count) organisations"))
                for o in shown {
                    print(String(format: "%6d mentions %5d docs %5d quotes  ", o.mentions, o.documents, o.quotes) + o.name)
                }
            }
            return
        }
        let detail: OrganisationDetail?
        do { detail = try searcher.organisation(name) } catch { throw fail(String(describing: error)) }
        guard let d = detail else {
            throw fail("no organisation named \(name) in the gazetteer or the index; run `evidex orgs` to list them",
                       code: ExitStatus.notFound)
        }
        if json || ndjson {
            JSONOutput.print(d)
            return
        }
        print(Terminal.bold(d.name) + (d.kind.map { Terminal.dim("  (\($0))") } ?? ""))
        if !d.acronyms.isEmpty { print("acronyms: " + d.acronyms.joined(separator: ", ")) }
        if !d.aliases.isEmpty { print("aliases: " + d.aliases.joined(separator: ", ")) }
        if !d.formerNames.isEmpty { print("former names: " + d.formerNames.joined(separator: ", ")) }
        if let s = d.successor { print("succeeded by: " + s) }
        print("\(d.mentions) mentions in \(d.documents) documents, \(d.quotes) quotes")
        if !d.speakers.isEmpty {
            print("speakers: " + d.speakers.map { s in s.name + (s.role.map { " (\($0))" } ?? "") + " ×\(s.quotes)" }.joined(separator: "; "))
        }
        for q in d.latestQuotes {
            print("")
            print("  " + Terminal.bold(q.speaker?.name ?? "") + Terminal.dim("  " + [q.document.date, q.document.title].compactMap { $0 }.joined(separator: " · ")))
            print("  ‘" + q.text + "’")
        }
    }
}
