/// Parliamentary select committee oral evidence as plain text: a header (committee name,
/// "Oral evidence: <inquiry>, HC 123", a date line, "Members present: …", "Witnesses: …"),
/// then turns labelled `Q12 Chair: …`, `Chair: …`, `Dr Jane Smith: …`. Unlabelled paragraphs
/// continue the previous speaker's turn. Question numbers are dropped from speaker names.
struct OralEvidenceParser {
    struct Label {
        var name: String
        var rest: Substring
        var question: Int?
    }

    private static let connectors: Set<String> = ["of", "de", "la", "le", "van", "von", "der", "den", "du", "da", "and", "the", "&"]
    private static let notSpeakers: Set<String> = [
        "witnesses", "witness", "members present", "member present", "note", "notes", "questions",
        "question", "oral evidence", "written evidence", "examination of witnesses", "examination of witness",
        "ordered", "date", "time", "inquiry", "hc", "source", "watch", "present", "in the chair", "chair's note",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "panel", "session", "committee", "subject",
        "title", "location", "venue", "url", "published", "tags", "key points", "summary", "update", "warning",
    ]

    /// `Q12 Chair: text`, `Dr Jane Smith: text` → the label; nil for other lines.
    static func label<S: StringProtocol>(_ line: S) -> Label? {
        // A label's colon follows at most a question number and a 70-character name, so a
        // line without a colon in its first bytes (most lines of any text) is rejected on its
        // UTF-8 before any Character is formed.
        // The first colon byte; the byte after it must let a label end there (a space, a tab, a
        // carriage return or the end of the line; "10:30" and "http://" do not), unless it
        // starts a non-ASCII scalar (a combining mark makes the colon part of a larger Character).
        let colonNear = line.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard let c = b.prefix(401).firstIndex(of: UInt8(ascii: ":")) else { return false }
            guard c + 1 < b.count else { return true }
            let next = b[c + 1]
            return next >= 0x80 || next == 0x20 || next == 0x09 || next == 0x0D
        } ?? line.utf8.prefix(401).contains(UInt8(ascii: ":"))
        guard colonNear else { return nil }
        var s = line.trimmedSpaces
        var q: Int?
        if s.first == "Q" {
            let digits = s.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, digits.count <= 5 {
                let after = s.dropFirst(1 + digits.count)
                if after.first == " " || after.first == "\t" {
                    q = Int(digits)
                    s = after.drop(while: { $0 == " " || $0 == "\t" })
                }
            }
        }
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let name = TextTools.clean(s[..<colon])
        let rest = s[s.index(after: colon)...]
        guard !name.isEmpty, name.count <= 70, !notSpeakers.contains(name.lowercased()) else { return nil }
        // After the colon: the end of the line or a space (not "10:30" or "http://").
        if let f = rest.first, f != " " && f != "\t" { return nil }
        let words = name.split(separator: " ")
        guard (1...8).contains(words.count) else { return nil }
        for (i, w) in words.enumerated() {
            if connectors.contains(w.lowercased()) && i > 0 { continue }
            let core = w.drop(while: { $0 == "(" || $0 == "‘" || $0 == "'" || $0 == "\"" })
            guard let f = core.unicodeScalars.first, f.properties.isUppercase else { return nil }
        }
        if name.contains(where: { ".?!,;".contains($0) && $0 != "." }) { return nil }
        if name.hasSuffix(".") && !["dr.", "mr.", "mrs.", "ms.", "prof.", "st."].contains(String(words.last!.lowercased())) { return nil }
        return Label(name: name, rest: rest, question: q)
    }

    /// A speaker's name standing alone on a line (Hansard style: "Rachael Maskell").
    static func isNameLine<S: StringProtocol>(_ line: S) -> Bool {
        let t = TextTools.clean(line)
        guard !t.isEmpty, t.count <= 60, !t.contains(where: { $0.isNumber || ":;,!?\"“”‘’()[]".contains($0) }) else { return false }
        if TextTools.endsSentence(t) { return false }
        let words = t.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        for (i, w) in words.enumerated() {
            if i > 0 && connectors.contains(w.lowercased()) { continue }
            guard let f = w.unicodeScalars.first, f.properties.isUppercase else { return false }
        }
        return true
    }

    /// Hansard-style text: at least three blocks that open with a name line followed by
    /// speech, and some speaker speaking twice.
    static func looksLikeNameLines(_ lines: [Substring]) -> Bool {
        var names: [String: Int] = [:]
        var blocks = 0
        for block in TextTools.blocks(lines) where block.lines.count >= 2 && isNameLine(block.lines[0]) {
            blocks += 1
            names[TextTools.clean(block.lines[0]), default: 0] += 1
        }
        return blocks >= 3 && names.values.contains { $0 >= 2 }
    }

    /// Parses Hansard-style text (see `looksLikeNameLines`).
    static func parseNameLines(text: String, id: String) -> Document {
        let lines = TextTools.lines(text)
        var doc = Document(id: id, kind: .evidence)
        var speaker: String?
        for block in TextTools.blocks(lines) {
            var body = block.lines[...]
            if block.lines.count >= 2, isNameLine(block.lines[0]) {
                speaker = TextTools.clean(block.lines[0])
                body = body.dropFirst()
            } else if doc.paragraphs.isEmpty && doc.title.isEmpty && block.lines.count == 1 && block.lines[0].count <= 200 {
                doc.title = TextTools.clean(block.lines[0])
                continue
            }
            let t = TextTools.joinLines(Array(body))
            if !t.isEmpty { doc.paragraphs.append(Paragraph(text: t, speaker: speaker)) }
        }
        let base = TextTools.baseName(id)
        if doc.title.isEmpty {
            doc.title = base
        }
        doc.date = DayParser.isoPrefix(base.prefix(10))
        return doc
    }

    /// Several `Q<n> Name:` lines, or an "Oral evidence" header and several labelled lines.
    static func looksLike(_ lines: [Substring]) -> Bool {
        var qLabels = 0, labels = 0, header = false
        for (i, line) in lines.enumerated() {
            if i < 40, !header, startsOralEvidence(line) { header = true }
            guard let l = label(line) else { continue }
            labels += 1
            if l.question != nil { qLabels += 1 }
            if qLabels >= 2 || (header && labels >= 2) { return true }
        }
        return false
    }

    /// Whether a line starts (after spaces) with "oral evidence" in any case, read on its bytes:
    /// lower-casing whole lines to ask this cost more than the rest of parsing.
    static func startsOralEvidence(_ line: Substring) -> Bool {
        let word = Array("oral evidence".utf8)
        var k = 0
        for b in line.utf8 {
            // Leading spaces, tabs, \r and a byte-order mark, as `trimmingSpaces` drops them.
            if k == 0 && (b == 0x20 || b == 0x09 || b == 0x0D || b == 0xEF || b == 0xBB || b == 0xBF) { continue }
            let lower = b >= 0x41 && b <= 0x5A ? b + 32 : b
            guard lower == word[k] else { return false }
            k += 1
            if k == word.count { return true }
        }
        return false
    }

    private static let chairs: Set<String> = ["chair", "chairman", "chairwoman", "convener", "convenor", "witness"]

    static func parse(text: String, id: String) -> Document {
        let lines = TextTools.lines(text)
        var doc = Document(id: id, kind: .evidence)
        // One-word labels ("Yes: …" could be speech) count only for chairs and names that
        // also appear with a question number.
        var known = Set<String>()
        for line in lines { if let l = label(line), l.question != nil { known.insert(l.name) } }
        func turnLabel<S: StringProtocol>(_ line: S) -> Label? {
            guard let l = label(line) else { return nil }
            if l.question == nil, !l.name.contains(" "), !chairs.contains(l.name.lowercased()), !known.contains(l.name) { return nil }
            return l
        }
        let firstTurn = lines.firstIndex(where: { l in turnLabel(l).map { $0.question != nil || !isHeaderLabel($0.name) } ?? false }) ?? lines.count
        // Header.
        var inquiry: String?
        var firstLine: String?
        // The witness list under a "Witnesses" heading: panels such as "I: Name, role,
        // organisation; Name, role, organisation." (kept for attributing turns).
        var inWitnessList = false
        var panels: [String] = []
        for raw in lines[..<firstTurn] {
            let line = TextTools.clean(raw)
            if line.isEmpty { continue }
            if firstLine == nil { firstLine = line }
            let lower = line.lowercased()
            if lower == "witnesses" || lower == "witness" {
                inWitnessList = true
                continue
            }
            if inWitnessList {
                if lower.hasPrefix("examination of witness") || lower.hasPrefix("witnesses:") || lower.hasPrefix("witness:") {
                    inWitnessList = false
                } else {
                    var entry = Substring(line)
                    if let colon = entry.firstIndex(of: ":"), entry[..<colon].allSatisfy({ "IVXLivxl0123456789 ".contains($0) }) {
                        entry = entry[entry.index(after: colon)...].drop(while: { $0 == " " })
                    }
                    panels.append(String(entry))
                    continue
                }
            }
            if doc.source == nil, lower.contains("committee"), !lower.hasPrefix("oral evidence"), line.count < 120, !lower.hasPrefix("ordered") {
                doc.source = line
            } else if lower.hasPrefix("oral evidence") {
                var rest = Substring(line).drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 == " " })
                if let r = rest.range(of: ", HC ", options: .backwards) ?? rest.range(of: " HC ", options: .backwards) {
                    doc.metadata["hc"] = String(rest[r.lowerBound...].drop(while: { $0 == "," || $0 == " " }))
                    rest = rest[..<r.lowerBound]
                }
                if !rest.isEmpty { inquiry = String(rest) }
            } else if doc.date == nil, let d = DayParser.parse(line) {
                doc.date = d
            } else if lower.hasPrefix("members present") {
                doc.metadata["members"] = value(after: line)
            } else if lower.hasPrefix("witnesses:") || lower.hasPrefix("witness:") {
                doc.metadata["witnesses"] = value(after: line)
            }
        }
        if !panels.isEmpty { doc.metadata["panel"] = panels.joined(separator: " ") }
        if let inquiry {
            doc.title = "Oral evidence: \(inquiry)"
            doc.metadata["inquiry"] = inquiry
        } else {
            doc.title = doc.source.map { "\($0): oral evidence" } ?? firstLine ?? "Oral evidence"
        }
        // Turns.
        var section: Int?
        var speaker: String?
        var para: [Substring] = []
        func flush() {
            let t = TextTools.joinLines(para)
            para = []
            if !t.isEmpty { doc.paragraphs.append(Paragraph(text: t, speaker: speaker, section: section)) }
        }
        for raw in lines[firstTurn...] {
            if TextTools.isBlank(raw) { flush(); continue }
            if let l = turnLabel(raw) {
                flush()
                speaker = l.name
                para.append(l.rest)
                continue
            }
            let line = TextTools.clean(raw)
            let lower = line.lowercased()
            if para.isEmpty, lower.hasPrefix("examination of witness") || lower.hasPrefix("witnesses:") || lower.hasPrefix("witness:") {
                let h = lower.hasPrefix("examination") ? line : value(after: line)
                doc.headings.append(String(TextTools.strippingClosers(h).trimmingSuffix(".")))
                section = doc.headings.count - 1
                speaker = nil
                continue
            }
            para.append(raw)
        }
        flush()
        return doc
    }

    /// Labels such as "Members present" seen in headers are caught by `notSpeakers`; this
    /// catches the odd header line that merely looks like a label.
    private static func isHeaderLabel(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("oral evidence") || lower.hasPrefix("members") || lower.hasPrefix("witness")
    }

    private static func value(after line: String) -> String {
        guard let c = line.firstIndex(of: ":") else { return line }
        return TextTools.clean(line[line.index(after: c)...])
    }
}
