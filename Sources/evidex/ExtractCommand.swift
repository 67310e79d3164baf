import ArgumentParser
import Evidex
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the quotations, speakers and organisations found in files, one JSON line a file.",
        discussion: """
            Each line: {"path", "title", "quotes": [{"start", "end", "text", "kind", "speaker": \
            {"name", "mention", "role", "organisation"}, "cue"}], "organisations": [{"name", \
            "mentions"}]}. Offsets are Unicode code points into the file's text exactly as read \
            (after gunzip); a quote's span covers the words between its marks. Kinds: full, \
            partial, turn (a transcript speaker's turn) and, with --all, scare and unattributed \
            quotes. JSONL and HTML files give one line per document, with the document's plain \
            text in "text" (offsets point into it).
            """)

    @Argument(help: "Files or folders.")
    var paths: [String] = []

    @Option(name: .customLong("files-from"), help: "Also the files or folders listed in FILE, one a line (- for standard input): for many files.")
    var filesFrom: String?

    @Flag(help: "Print JSON lines (the only output format; accepted for scripts that pass it).")
    var jsonl = false

    @Flag(help: "Also print scare quotes and quotations with no speaker.")
    var all = false

    @Option(name: .customLong("orgs"), help: "An organisation list to load as well (GOV.UK organisations API JSON or NHS ODS CSV); repeatable.")
    var organisationLists: [String] = []

    func run() throws {
        let gazetteer = try OrganisationLists.gazetteer(loading: organisationLists)
        let annotator = DocumentAnnotator(gazetteer: gazetteer)
        let loader = DocumentLoader()
        let paths: [String]
        do { paths = try PathList.paths(self.paths, filesFrom: filesFrom) } catch { throw fail(error.description) }
        guard !paths.isEmpty else { throw fail("no files: give files or folders, or --files-from LIST") }
        // A path that does not exist is named and skipped; the others are still read.
        var existing: [String] = []
        var missing = 0
        for p in paths {
            if FileManager.default.fileExists(atPath: p) {
                existing.append(p)
            } else {
                Terminal.error("evidex: \(p): no such file or folder. Check the path.")
                missing += 1
            }
        }
        guard !existing.isEmpty else { throw ExitStatus.failure }
        let discovery: Discovery
        do {
            discovery = try loader.discover(paths: existing.map { URL(fileURLWithPath: $0) })
        } catch {
            throw fail(error.description)
        }
        var failed = !discovery.skipped.isEmpty || missing > 0
        for p in discovery.skipped { Terminal.error(p.description) }
        for file in discovery.files {
            if file.format == .jsonLines || file.format == .html {
                let result = loader.load(file)
                for p in result.problems { Terminal.error(p.description) }
                if result.documents.isEmpty { failed = true }
                for doc in result.documents {
                    let text = StoredAnnotations.text(of: doc).text
                    print(Self.line(path: file.url.path, id: doc.id, title: doc.title, text: text,
                                    annotations: annotator.annotate(doc), all: all))
                }
                continue
            }
            let (text, problems) = loader.readText(file)
            for p in problems { Terminal.error(p.description) }
            guard let text else {
                failed = true
                continue
            }
            let loaded = loader.load(text: text, relativePath: file.relativePath)
            for p in loaded.problems { Terminal.error(p.description) }
            let docs = loaded.documents
            print(Self.line(path: file.url.path, id: nil, title: docs.first?.title ?? "", text: nil,
                            annotations: annotator.annotate(fileText: text, documents: docs), all: all))
        }
        if failed { throw ExitStatus.partial }
    }

    static func line(path: String, id: String?, title: String, text: String?, annotations: TextAnnotations, all: Bool) -> String {
        var out = "{\"path\": "
        JSONString.append(path, to: &out)
        if let id {
            out += ", \"id\": "
            JSONString.append(id, to: &out)
        }
        out += ", \"title\": "
        JSONString.append(title, to: &out)
        if let text {
            out += ", \"text\": "
            JSONString.append(text, to: &out)
        }
        out += ", \"quotes\": ["
        var first = true
        for q in annotations.quotes where all || q.kind == .turn || (q.kind != .scare && q.speaker != nil) {
            if !first { out += ", " }
            first = false
            out += "{\"start\": \(q.range.lowerBound), \"end\": \(q.range.upperBound), \"text\": "
            JSONString.append(q.text, to: &out)
            out += ", \"kind\": \"\(q.kind.rawValue)\", \"speaker\": "
            if let s = q.speaker {
                out += "{\"name\": "
                JSONString.append(s.name, to: &out)
                out += ", \"mention\": " + range(s.mention) + ", \"role\": " + optional(s.role)
                out += ", \"organisation\": " + optional(s.organisation) + "}"
            } else {
                out += "null"
            }
            out += ", \"cue\": " + range(q.cue) + "}"
        }
        out += "], \"organisations\": ["
        var order: [String] = []
        var spans: [String: [Range<Int>]] = [:]
        for m in annotations.organisations {
            if spans[m.name] == nil { order.append(m.name) }
            spans[m.name, default: []].append(m.range)
        }
        for (i, name) in order.enumerated() {
            if i > 0 { out += ", " }
            out += "{\"name\": "
            JSONString.append(name, to: &out)
            out += ", \"mentions\": [" + spans[name]!.map { "[\($0.lowerBound), \($0.upperBound)]" }.joined(separator: ", ") + "]}"
        }
        return out + "]}"
    }

    private static func range(_ r: Range<Int>?) -> String {
        r.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "null"
    }

    private static func optional(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = ""
        JSONString.append(s, to: &out)
        return out
    }
}

/// Organisation lists named with `--orgs` (GOV.UK organisations API JSON, NHS ODS CSV).
enum OrganisationLists {
    /// The records of every list, in order; a list that cannot be read is a user-facing error.
    static func records(loading files: [String]) throws -> [OrganisationRecord] {
        var records: [OrganisationRecord] = []
        for f in files {
            do {
                records += try OrganisationListLoader.load(contentsOf: URL(fileURLWithPath: f))
            } catch {
                throw fail(error.description)
            }
        }
        return records
    }

    /// The built-in gazetteer with the lists' records merged in.
    static func gazetteer(loading files: [String]) throws -> OrganisationGazetteer {
        let records = try records(loading: files)
        return records.isEmpty ? .builtIn : OrganisationGazetteer.builtIn.merging(records)
    }
}
