/// Markdown (or text) with optional front matter. Front matter keys title, date, source, url,
/// kind, author, id map to the document; other keys go to metadata. `#` headings become
/// headings (a leading `# Title` is the title when front matter has none); emphasis, code and
/// link syntax is stripped to plain text (link text kept); paragraphs are blank-line separated,
/// list items and block quotes are paragraphs of their own.
struct MarkdownParser {
    static func parse(text: String, id defaultID: String, path: String, markdown: Bool,
                      defaultKind: DocumentKind = .news) -> (Document, [DocumentError]) {
        var problems: [DocumentError] = []
        let lines = TextTools.lines(text)
        var doc = Document(id: defaultID, kind: defaultKind)
        var bodyStart = 0
        switch FrontMatter.read(lines) {
        case .none:
            break
        case .unclosed:
            problems.append(DocumentError(path: path, reason: .unclosedFrontMatter))
        case .found(let fm):
            bodyStart = fm.bodyStart
            apply(fm, to: &doc, path: path, problems: &problems)
        }
        let body = Array(lines[bodyStart...])
        if markdown {
            parseMarkdown(body, into: &doc)
        } else {
            for block in TextTools.blocks(body) {
                doc.paragraphs.append(Paragraph(text: TextTools.joinLines(block.lines)))
            }
        }
        if doc.title.isEmpty {
            // No title anywhere: the first paragraph's opening line stands in.
            if let first = body.first(where: { !TextTools.isBlank($0) }) {
                doc.title = inline(TextTools.clean(first.drop(while: { $0 == "#" })))
                if let p = doc.paragraphs.first, TextTools.key(p.text) == TextTools.key(doc.title) { doc.paragraphs.removeFirst() }
            }
        }
        return (doc, problems)
    }

    static func apply(_ fm: FrontMatter, to doc: inout Document, path: String, problems: inout [DocumentError]) {
        for (key, value) in fm.fields {
            switch key {
            case "title": doc.title = TextTools.clean(value)
            case "id": if !value.isEmpty { doc.id = value }
            case "date", "published", "pubdate", "published_at", "date_published":
                if value.isEmpty || value == "null" || value == "~" { break }
                if let d = DayParser.parse(value) { doc.date = d } else {
                    doc.metadata[key] = value
                    problems.append(DocumentError(path: path, reason: .unreadableDate(value)))
                }
            case "source", "publisher", "site": doc.source = value.isEmpty ? nil : value
            case "url", "link", "canonical": doc.url = value.isEmpty ? nil : value
            case "author", "authors", "byline":
                let a = TextTools.clean(value.hasPrefix("By ") ? String(value.dropFirst(3)) : value)
                doc.author = a.isEmpty ? nil : a
            case "kind", "type":
                if let k = DocumentKind(rawValue: value.lowercased()) { doc.kind = k } else if key == "kind" {
                    doc.kind = .other
                    problems.append(DocumentError(path: path, reason: .unknownKind(value)))
                } else {
                    doc.metadata[key] = value
                }
            default: doc.metadata[key] = value
            }
        }
    }

    // MARK: Markdown blocks

    private static func headingLevel(_ t: String) -> (Int, String)? {
        var level = 0
        var idx = t.startIndex
        while idx < t.endIndex, t[idx] == "#", level < 7 { level += 1; idx = t.index(after: idx) }
        guard (1...6).contains(level), idx == t.endIndex || t[idx] == " " || t[idx] == "\t" else { return nil }
        var text = Substring(t[idx...])
        while let l = text.last, l == "#" || l == " " { text = text.dropLast() }
        return (level, inline(TextTools.clean(text)))
    }

    private static func isRule(_ t: String) -> Bool {
        let chars = t.filter { $0 != " " }
        guard chars.count >= 3, let f = chars.first, "-*_".contains(f) else { return false }
        return chars.allSatisfy { $0 == f }
    }

    private static func listItem(_ t: String) -> String? {
        for m in ["- ", "* ", "+ "] where t.hasPrefix(m) { return String(t.dropFirst(2)) }
        var digits = 0
        for ch in t { if ch.isASCII && ch.isNumber { digits += 1 } else { break } }
        if digits > 0, digits < 10 {
            let rest = t.dropFirst(digits)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    static func parseMarkdown(_ lines: [Substring], into doc: inout Document) {
        var section: Int?
        var para: [String] = []
        var fence: String?
        var sawContent = false
        func flush() {
            guard !para.isEmpty else { return }
            let text = inline(TextTools.clean(para.joined(separator: " ")))
            para = []
            if !text.isEmpty {
                doc.paragraphs.append(Paragraph(text: text, section: section))
                sawContent = true
            }
        }
        func heading(_ level: Int, _ text: String) {
            flush()
            guard !text.isEmpty else { return }
            if level == 1, doc.title.isEmpty, !sawContent {
                doc.title = text
            } else {
                doc.headings.append(text)
                section = doc.headings.count - 1
            }
            sawContent = true
        }
        var i = 0
        while i < lines.count {
            let raw = lines[i]
            let t = raw.trimmingSpaces
            i += 1
            if let f = fence {
                if t.hasPrefix(f) { fence = nil; flush() } else { para.append(String(raw)) }
                continue
            }
            if t.hasPrefix("```") || t.hasPrefix("~~~") { flush(); fence = String(t.prefix(3)); continue }
            if t.isEmpty { flush(); continue }
            if t.hasPrefix("<!--") {
                // HTML comment: skip to its end.
                var j = i - 1
                while j < lines.count, !lines[j].contains("-->") { j += 1 }
                i = j + 1
                continue
            }
            if let (level, text) = headingLevel(t) { heading(level, text); continue }
            // Setext: a paragraph line underlined with === or ---.
            if para.count == 1, !t.isEmpty, t.allSatisfy({ $0 == "=" }) || (t.allSatisfy({ $0 == "-" }) && t.count >= 2) {
                let text = inline(TextTools.clean(para[0]))
                para = []
                heading(t.first == "=" ? 1 : 2, text)
                continue
            }
            if isRule(t) { flush(); continue }
            if isReferenceDefinition(t) { continue }
            if t.hasPrefix(">") {
                var q = Substring(t)
                while q.hasPrefix(">") { q = q.dropFirst().drop(while: { $0 == " " }) }
                if q.isEmpty { flush() } else { para.append(String(q)) }
                continue
            }
            if let item = listItem(t) {
                flush()
                para.append(item)
                continue
            }
            if t.hasPrefix("|") {
                // Table row; the |---| separator row is dropped.
                if t.allSatisfy({ "|-: ".contains($0) }) { continue }
                flush()
                para.append(t.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " "))
                flush()
                continue
            }
            para.append(t)
        }
        flush()
    }

    private static func isReferenceDefinition(_ t: String) -> Bool {
        guard t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return false }
        let after = t[t.index(after: close)...]
        return after.hasPrefix(":") && !t.hasPrefix("[^")
    }

    // MARK: Inline syntax

    /// Plain text of inline Markdown: `[text](url)` → text, `![alt](src)` → alt, `<url>` → url,
    /// emphasis (*, **, _, __, ~~) and code backticks dropped, backslash escapes resolved,
    /// inline HTML tags dropped.
    static func inline(_ s: String) -> String {
        guard s.contains(where: { "*_`[]<\\~!".contains($0) }) else { return s }
        let chars = Array(s)
        var out = ""
        var i = 0
        func isWordChar(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                    out.append(chars[i + 1]); i += 2
                } else { out.append(c); i += 1 }
            case "`":
                i += 1
            case "*", "~":
                var j = i
                while j < chars.count, chars[j] == c { j += 1 }
                let run = j - i
                let prev: Character? = i > 0 ? chars[i - 1] : nil
                let next: Character? = j < chars.count ? chars[j] : nil
                let spaced = (prev == nil || prev == " ") && (next == nil || next == " ")
                if (c == "~" && run < 2) || spaced { out.append(contentsOf: String(repeating: c, count: run)) }
                i = j
            case "_":
                var j = i
                while j < chars.count, chars[j] == "_" { j += 1 }
                let prev: Character? = i > 0 ? chars[i - 1] : nil
                let next: Character? = j < chars.count ? chars[j] : nil
                // Intraword underscores (snake_case) stay.
                if isWordChar(prev) && isWordChar(next) { out.append(contentsOf: String(repeating: "_", count: j - i)) }
                i = j
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                i += 1
            case "[":
                if let (text, end) = link(chars, i) { out.append(inline(text)); i = end } else { out.append(c); i += 1 }
            case "<":
                var j = i + 1
                while j < chars.count, chars[j] != ">", chars[j] != " " || chars[i + 1].isLetter { j += 1 }
                if j < chars.count, chars[j] == ">", j > i + 1 {
                    let inner = String(chars[(i + 1)..<j])
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                        out.append(inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner)
                        i = j + 1
                        continue
                    }
                    let first = inner.first!
                    if first.isLetter || first == "/" || first == "!" { i = j + 1; continue }
                }
                out.append(c)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return TextTools.clean(out)
    }

    /// `[text](url)`, `[text][ref]`, `[text]` at i: the text and the index after the link.
    private static func link(_ chars: [Character], _ i: Int) -> (String, Int)? {
        var depth = 0
        var j = i
        while j < chars.count {
            if chars[j] == "[" { depth += 1 } else if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < chars.count else { return nil }
        let text = String(chars[(i + 1)..<j])
        var end = j + 1
        if end < chars.count, chars[end] == "(" {
            var k = end + 1
            var d = 1
            while k < chars.count { if chars[k] == "(" { d += 1 } else if chars[k] == ")" { d -= 1; if d == 0 { break } }; k += 1 }
            guard k < chars.count else { return nil }
            end = k + 1
        } else if end < chars.count, chars[end] == "[" {
            guard let k = chars[end...].firstIndex(of: "]") else { return nil }
            end = k + 1
        } else if text.hasPrefix("^") {
            return ("", end)   // footnote reference
        }
        return (text, end)
    }
}
