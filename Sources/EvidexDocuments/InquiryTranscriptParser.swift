/// UK Covid-19 Inquiry hearing transcripts in reStructuredText (one file per hearing day):
/// a date title, `**Name**: text` turns whose unlabelled follow-on paragraphs continue the same
/// speaker, underlined section headings (witnesses, submissions), `*(10.28 am)*` time stamps
/// and `*(A short break)*` notes (dropped), `*NAME (affirmed).*` lines (dropped: the witness
/// heading records the witness).
struct InquiryTranscriptParser {
    static let source = "UK Covid-19 Inquiry"

    static func parse(text: String, id: String, relativePath: String) -> Document {
        let lines = TextTools.lines(text)
        var doc = Document(id: id, kind: .evidence, source: source)
        if let module = moduleName(relativePath) { doc.metadata["module"] = module }
        var section: Int?
        var speaker: String?
        var para: [Substring] = []
        var turns = 0

        func flushParagraph() {
            guard !para.isEmpty else { return }
            let joined = TextTools.joinLines(para)
            para = []
            if joined.isEmpty { return }
            if let (name, rest) = label(joined) {
                speaker = name
                turns += 1
                let t = inline(rest)
                if !t.isEmpty { doc.paragraphs.append(Paragraph(text: t, speaker: name, section: section)) }
                return
            }
            if let note = standaloneItalic(joined) {
                // Time stamps, stage directions and swearing-in lines are not speech.
                if isStageNote(note) { return }
                if TextTools.wordCount(note) <= 6, !note.contains(where: { $0.isNumber }) {
                    doc.headings.append(note)
                    section = doc.headings.count - 1
                    speaker = nil
                    return
                }
            }
            let t = inline(joined)
            if !t.isEmpty { doc.paragraphs.append(Paragraph(text: t, speaker: speaker, section: section)) }
        }

        var titleSeen = false
        func heading(_ text: String) {
            flushParagraph()
            let text = inline(text)
            guard !text.isEmpty else { return }
            if !titleSeen {
                titleSeen = true
                if let d = DayParser.parse(text) {
                    doc.date = d
                    doc.title = "UK Covid-19 Inquiry hearing, \(text)"
                } else if let (code, dateText, d) = codeAndDate(text) {
                    // "PHT000000112 - 8 October 2024": a document code and the day.
                    doc.date = d
                    doc.title = "UK Covid-19 Inquiry hearing, \(dateText)"
                    doc.metadata["reference"] = code
                } else {
                    doc.title = text
                }
                return
            }
            doc.headings.append(stripNumbering(text))
            section = doc.headings.count - 1
            speaker = nil
        }

        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingSpaces
            // Directives (.. toctree:: and its indented block) and comments.
            if trimmed.hasPrefix("..") && (trimmed == ".." || trimmed.hasPrefix(".. ")) {
                flushParagraph()
                i += 1
                while i < lines.count, TextTools.isBlank(lines[i]) || lines[i].first == " " || lines[i].first == "\t" { i += 1 }
                continue
            }
            // Overlined heading: === / text / ===.
            if isAdornment(trimmed), i + 2 < lines.count, !TextTools.isBlank(lines[i + 1]),
               isAdornment(lines[i + 2].trimmingSpaces), para.isEmpty {
                heading(TextTools.clean(lines[i + 1]))
                i += 3
                continue
            }
            // Underlined heading: text / === (at least as long as the text, or 3+ characters).
            if !TextTools.isBlank(line), para.isEmpty, i + 1 < lines.count {
                let under = lines[i + 1].trimmingSpaces
                if isAdornment(under), under.count >= min(3, trimmed.count) {
                    heading(TextTools.clean(line))
                    i += 2
                    continue
                }
            }
            if TextTools.isBlank(line) {
                flushParagraph()
            } else if para.isEmpty, isAdornment(trimmed), trimmed.count >= 4 {
                // A transition line.
            } else {
                para.append(line)
            }
            i += 1
        }
        flushParagraph()

        if doc.title.isEmpty { doc.title = TextTools.baseName(relativePath) }
        if doc.date == nil, let d = DayParser.isoPrefix(TextTools.baseName(relativePath)) {
            doc.date = d
            if !titleSeen { doc.title = "UK Covid-19 Inquiry hearing, \(d)" }
        }
        if turns == 0 { doc.kind = .other }
        return doc
    }

    /// "PHT000000112 - 8 October 2024" → ("PHT000000112", "8 October 2024", day).
    static func codeAndDate(_ s: String) -> (String, String, Day)? {
        for sep in [" - ", " – ", " — ", ", "] {
            guard let r = s.range(of: sep) else { continue }
            let code = s[..<r.lowerBound].trimmingSpaces
            let rest = s[r.upperBound...].trimmingSpaces
            guard !code.isEmpty, !code.contains(" "), let d = DayParser.parse(rest) else { continue }
            return (code, rest, d)
        }
        return nil
    }

    /// A line of one repeated punctuation character (= - ^ ~ * + # " ' ` : . _).
    static func isAdornment(_ s: String) -> Bool {
        guard s.count >= 2, let f = s.first, "=-^~*+#\"'`:._".contains(f) else { return false }
        return s.allSatisfy { $0 == f }
    }

    /// `**Name**: text` → (Name, text).
    static func label(_ s: String) -> (String, String)? {
        guard s.hasPrefix("**") else { return nil }
        let rest = s.dropFirst(2)
        guard let close = rest.range(of: "**") else { return nil }
        let name = TextTools.clean(rest[..<close.lowerBound])
        var after = rest[close.upperBound...]
        guard after.hasPrefix(":") else { return nil }
        after = after.dropFirst()
        guard !name.isEmpty, name.count <= 80 else { return nil }
        return (name, String(after))
    }

    /// `*text*` standing alone → text.
    static func standaloneItalic(_ s: String) -> String? {
        guard s.count >= 3, s.hasPrefix("*"), !s.hasPrefix("**"), s.hasSuffix("*"), !s.dropLast().hasSuffix("**") else { return nil }
        return TextTools.clean(s.dropFirst().dropLast())
    }

    /// `(10.28 am)`, `(A short break)`, `MR JOHN SULLIVAN (sworn).`
    static func isStageNote(_ note: String) -> Bool {
        if note.hasPrefix("(") { return true }
        let lower = note.lowercased()
        for w in ["(affirmed", "(sworn", "(continued", "(recalled", "(called", "(on former", "(re-sworn", "(re-affirmed"] where lower.contains(w) {
            return true
        }
        return false
    }

    /// "1. Lord Simon Stevens" → "Lord Simon Stevens".
    static func stripNumbering(_ s: String) -> String {
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count < 4 else { return s }
        let rest = s.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return s }
        return String(rest.dropFirst(2))
    }

    /// Inline reStructuredText to plain text: **strong**, *emphasis*, ``literal``, `text <url>`_ links,
    /// backslash escapes.
    static func inline(_ s: String) -> String {
        // On the UTF-8 bytes: every mark is ASCII. Walking `Character`s (grapheme breaks, and a
        // string comparison per test) cost more than the rest of parsing a hearing day.
        var text = s
        return text.withUTF8 { b -> String in
            let star: UInt8 = 0x2A, tick: UInt8 = 0x60, backslash: UInt8 = 0x5C, underscore: UInt8 = 0x5F
            let space: UInt8 = 0x20
            guard b.contains(where: { $0 == star || $0 == tick || $0 == backslash || $0 == underscore }) else {
                return TextTools.isClean(b) ? s : TextTools.cleaned(b)
            }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c == backslash, i + 1 < n {
                    out.append(b[i + 1]); i += 2; continue
                }
                if c == star {
                    var j = i
                    while j < n, b[j] == star { j += 1 }
                    // A run of stars is markup unless it stands alone between spaces.
                    if (i == 0 || b[i - 1] == space) && (j == n || b[j] == space) { out.append(contentsOf: b[i..<j]) }
                    i = j
                    continue
                }
                if c == tick {
                    var j = i
                    while j < n, b[j] == tick { j += 1 }
                    let ticks = j - i
                    var k = j
                    while k < n, b[k] != tick { k += 1 }
                    guard k < n else { out.append(contentsOf: b[i...]); break }
                    var inner = b[j..<k]
                    // `text <url>`_: the text.
                    if ticks == 1, inner.last == 0x3E, let lt = inner.lastIndex(of: 0x3C) {
                        inner = inner[..<lt]
                        while let last = inner.last, last == space || last == 0x09 { inner = inner.dropLast() }
                        while let first = inner.first, first == space || first == 0x09 { inner = inner.dropFirst() }
                    }
                    out.append(contentsOf: inner)
                    i = k + ticks
                    while i < n, b[i] == underscore { i += 1 }
                    continue
                }
                out.append(c)
                i += 1
            }
            return out.withUnsafeBufferPointer { TextTools.isClean($0) ? String(decoding: $0, as: UTF8.self) : TextTools.cleaned($0) }
        }
    }

    /// "module-3/2024-09-10.rst" → "3"; "module-2A/…" → "2A".
    static func moduleName(_ path: String) -> String? {
        for comp in path.split(separator: "/").reversed() {
            let lower = comp.lowercased()
            if lower.hasPrefix("module-") || lower.hasPrefix("module_") {
                let name = comp.dropFirst(7)
                if let f = name.first, f.isNumber { return String(name) }
            }
        }
        return nil
    }
}
