/// A YAML-style front matter block: `---` on the first line, `key: value` lines, `---` (or `...`).
/// Values may be quoted; `[a, b]` lists and `- item` lists under a key are joined with ", ".
struct FrontMatter {
    var fields: [(key: String, value: String)] = []
    /// Index of the first line after the closing delimiter.
    var bodyStart: Int

    subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    /// nil when the text does not start with `---`; `.unclosed` when it is never closed.
    enum Outcome {
        case none
        case unclosed
        case found(FrontMatter)
    }

    static func read(_ lines: [Substring]) -> Outcome {
        guard let first = lines.first, first.trimmingSpaces == "---" else { return .none }
        var fm = FrontMatter(bodyStart: lines.count)
        var end: Int?
        for i in 1..<max(1, lines.count) {
            let t = lines[i].trimmingSpaces
            if t == "---" || t == "..." { end = i; break }
        }
        guard let end else { return .unclosed }
        fm.bodyStart = end + 1
        var listKey: String?
        var listItems: [String] = []
        func flushList() {
            if let k = listKey { fm.set(k, listItems.joined(separator: ", ")) }
            listKey = nil
            listItems = []
        }
        for line in lines[1..<end] {
            let t = line.trimmingSpaces
            if t.isEmpty || t.hasPrefix("#") { continue }
            if t.hasPrefix("- "), listKey != nil {
                listItems.append(unquote(t.dropFirst(2).trimmingSpaces))
                continue
            }
            guard let colon = t.firstIndex(of: ":") else { continue }
            flushList()
            let key = t[..<colon].trimmingSpaces.lowercased()
            let raw = t[t.index(after: colon)...].trimmingSpaces
            guard !key.isEmpty else { continue }
            if raw.isEmpty { listKey = key; continue }
            if raw.hasPrefix("["), raw.hasSuffix("]") {
                let items = raw.dropFirst().dropLast().split(separator: ",").map { unquote($0.trimmingSpaces) }
                fm.set(key, items.filter { !$0.isEmpty }.joined(separator: ", "))
            } else {
                fm.set(key, unquote(stripComment(raw)))
            }
        }
        flushList()
        return .found(fm)
    }

    mutating func set(_ key: String, _ value: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = value } else { fields.append((key, value)) }
    }

    static func unquote(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, let l = s.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") else { return s }
        var inner = String(s.dropFirst().dropLast())
        if f == "\"" {
            inner = inner.replacingEscapes()
        } else {
            inner = inner.replacing("''", with: "'")
        }
        return inner
    }

    /// Drops a ` # comment` from an unquoted value.
    static func stripComment(_ s: String) -> String {
        guard let f = s.first, f != "\"" && f != "'" else { return s }
        if let r = s.range(of: " #") { return String(s[..<r.lowerBound]).trimmingSpaces }
        return s
    }
}
