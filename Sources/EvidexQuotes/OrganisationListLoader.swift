import Foundation

/// Loads external organisation lists into records: the GOV.UK organisations API (JSON), NHS ODS
/// extracts (headerless 27-column CSV: trusts, CCGs / sub-ICB locations), the ONS ICB names CSV
/// and the GOV.UK register list TSV. The format is detected from the content, not the file
/// name, because these files get renamed when they are downloaded.
public enum OrganisationListLoader {
    public static func load(contentsOf url: URL) throws(OrganisationListError) -> [OrganisationRecord] {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw .unreadable(path: path, reason: "not text")
        }
        let firstNonSpace = text.unicodeScalars.first { !$0.properties.isWhitespace }
        let records: [OrganisationRecord]
        if firstNonSpace == "[" || firstNonSpace == "{" {
            records = try loadGovUK(data, path: path)
        } else {
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
            if firstLine.hasPrefix("government-organisation\t") {
                records = try loadRegisterTSV(text, path: path)
            } else if firstLine.contains("ICB") && firstLine.contains("NM") && !firstLine.hasPrefix("\"") {
                records = try loadONSICB(text, path: path)
            } else if firstLine.hasPrefix("\""), parseCSVLine(String(firstLine)).count >= 12 {
                records = try loadODS(text, path: path)
            } else {
                throw .unrecognisedFormat(path: path)
            }
        }
        if records.isEmpty { throw .empty(path: path) }
        return records
    }

    // MARK: GOV.UK organisations API

    struct GovUKLink: Decodable { var id: String? }
    struct GovUKDetails: Decodable {
        var slug: String?
        var abbreviation: String?
        var govuk_status: String?
    }
    struct GovUKOrganisation: Decodable {
        var title: String?
        var format: String?
        var details: GovUKDetails?
        var superseded_organisations: [GovUKLink]?
    }
    /// The paged API wraps the array as {"results": [...]}; dumps are a bare array.
    struct GovUKPage: Decodable { var results: [GovUKOrganisation] }

    static func loadGovUK(_ data: Data, path: String) throws(OrganisationListError) -> [OrganisationRecord] {
        let decoder = JSONDecoder()
        let orgs: [GovUKOrganisation]
        do {
            if let array = try? decoder.decode([GovUKOrganisation].self, from: data) {
                orgs = array
            } else {
                orgs = try decoder.decode(GovUKPage.self, from: data).results
            }
        } catch {
            throw .malformed(path: path, line: 1, detail: "JSON is not a GOV.UK organisations list (\(error))")
        }
        var out: [OrganisationRecord] = []
        for org in orgs {
            guard let title = org.title, !title.isEmpty else { continue }
            let slug = org.details?.slug ?? slugify(title)
            var acronyms: [String] = []
            if let a = org.details?.abbreviation?.trimmingCharacters(in: .whitespaces), !a.isEmpty, a != title,
               a.unicodeScalars.count <= 12 {
                acronyms.append(a)
            }
            out.append(OrganisationRecord(id: slug, name: title, acronyms: acronyms, kind: org.format))
        }
        // Superseded bodies appear only as slugs; point any record we have under that slug at
        // its successor so HEE → NHS England survives a reload.
        var bySlug: [String: Int] = [:]
        for (k, r) in out.enumerated() { bySlug[r.id] = k }
        for org in orgs {
            guard let successor = org.details?.slug else { continue }
            for link in org.superseded_organisations ?? [] {
                guard let id = link.id, let slug = id.split(separator: "/").last.map(String.init),
                      let k = bySlug[slug] else { continue }
                out[k].successor = successor
            }
        }
        return out
    }

    // MARK: GOV.UK register TSV (2017)

    static func loadRegisterTSV(_ text: String, path: String) throws(OrganisationListError) -> [OrganisationRecord] {
        var out: [OrganisationRecord] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where n > 0 {
            if line.isEmpty { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else { throw .malformed(path: path, line: n + 1, detail: "expected 7 tab-separated fields") }
            let name = f[4].trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            let abbreviation = f[1].trimmingCharacters(in: .whitespaces)
            out.append(OrganisationRecord(
                id: f[3].isEmpty ? slugify(name) : f[3], name: name,
                acronyms: abbreviation.isEmpty || abbreviation == name ? [] : [abbreviation],
                kind: f[2].isEmpty ? nil : f[2]))
        }
        return out
    }

    // MARK: ONS ICB names CSV

    static func loadONSICB(_ text: String, path: String) throws(OrganisationListError) -> [OrganisationRecord] {
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first else { return [] }
        let columns = parseCSVLine(String(header))
        guard let nameColumn = columns.firstIndex(where: { $0.hasSuffix("NM") }),
              let codeColumn = columns.firstIndex(where: { $0.hasSuffix("CDH") }) ?? columns.firstIndex(where: { $0.hasSuffix("CD") })
        else { throw .malformed(path: path, line: 1, detail: "no ICB name/code columns in the header") }
        var out: [OrganisationRecord] = []
        for (n, line) in lines.enumerated() where n > 0 {
            let f = parseCSVLine(String(line))
            guard f.count > max(nameColumn, codeColumn) else {
                throw .malformed(path: path, line: n + 1, detail: "expected \(columns.count) fields")
            }
            let name = f[nameColumn]
            out.append(OrganisationRecord(id: "ods:" + f[codeColumn], name: name, aliases: icbAliases(name), kind: "ICB"))
        }
        return out
    }

    /// "NHS X Integrated Care Board" is also written "X ICB", "NHS X ICB", "X Integrated Care Board".
    static func icbAliases(_ name: String) -> [String] {
        guard name.hasSuffix(" Integrated Care Board") else { return [] }
        var place = String(name.dropLast(" Integrated Care Board".count))
        if place.hasPrefix("NHS ") { place = String(place.dropFirst(4)) }
        return ["\(place) ICB", "NHS \(place) ICB", "\(place) Integrated Care Board"]
    }

    // MARK: NHS ODS CSV (etr, eccg)

    static func loadODS(_ text: String, path: String) throws(OrganisationListError) -> [OrganisationRecord] {
        var out: [OrganisationRecord] = []
        var seen: Set<String> = []
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let f = parseCSVLine(String(line))
            guard f.count >= 12 else {
                throw .malformed(path: path, line: n + 1, detail: "expected the 27-column ODS layout, found \(f.count) fields")
            }
            let code = f[0], raw = f[1], parent = f[3], closed = f[11]
            if raw.isEmpty { continue }
            // Sub-ICB locations ("NHS X ICB - 00L") stand for their ICB: one record per ICB.
            if let dash = raw.range(of: " ICB - ") {
                let place = OrganisationPatternMatcher.titleCase(String(raw[..<dash.lowerBound]))
                let name = place + " Integrated Care Board"
                let id = "ods:" + parent
                if seen.insert(id).inserted {
                    out.append(OrganisationRecord(id: id, name: name, aliases: icbAliases(name), kind: "ICB"))
                }
                continue
            }
            let name = OrganisationPatternMatcher.titleCase(raw)
            var aliases: [String] = []
            var kind = "NHS organisation"
            var display = name
            if name.hasSuffix(" CCG") {
                kind = "CCG"
                let stem = String(name.dropLast(4))
                display = stem + " Clinical Commissioning Group"
                aliases = [name, stem.hasPrefix("NHS ") ? String(stem.dropFirst(4)) + " CCG" : stem + " CCG"]
            } else if name.hasSuffix("NHS Foundation Trust") || name.hasSuffix("NHS Trust") {
                kind = "NHS trust"
                aliases = [name.replacingOccurrences(of: " NHS Foundation Trust", with: " Foundation Trust")
                    .replacingOccurrences(of: " NHS Trust", with: " Trust")]
            }
            let successor = !closed.isEmpty && parent.hasPrefix("Q") ? "ods:" + parent : nil
            let id = "ods:" + code
            if seen.insert(id).inserted {
                out.append(OrganisationRecord(id: id, name: display, aliases: aliases, kind: kind, successor: successor))
            }
        }
        return out
    }

    /// RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes).
    static func parseCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var it = Array(line.unicodeScalars)
        if it.last == "\r" { it.removeLast() }
        var k = 0
        while k < it.count {
            let c = it[k]
            if quoted {
                if c == "\"" {
                    if k + 1 < it.count && it[k + 1] == "\"" { field.append("\""); k += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(String(field))
                field = String.UnicodeScalarView()
            } else {
                field.append(c)
            }
            k += 1
        }
        fields.append(String(field))
        return fields
    }

    static func slugify(_ s: String) -> String {
        OrganisationGazetteer.nameKeys(s).joined(separator: "-")
    }
}
