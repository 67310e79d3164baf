/// Line, block and whitespace helpers shared by the text parsers.
enum TextTools {
    /// Lines without their terminators (\n, \r\n or \r).
    static func lines(_ s: String) -> [Substring] {
        var out: [Substring] = []
        let u = s.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            if b == 0x0A || b == 0x0D {
                out.append(Substring(s[start..<i]))
                let next = u.index(after: i)
                if b == 0x0D, next != u.endIndex, u[next] == 0x0A {
                    i = u.index(after: next)
                } else {
                    i = next
                }
                start = i
            } else {
                i = u.index(after: i)
            }
        }
        if start != u.endIndex { out.append(Substring(s[start..<u.endIndex])) }
        return out
    }

    static func isSpace(_ v: Unicode.Scalar) -> Bool {
        switch v.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Invisible characters dropped from text: zero-width space/joiners, BOM, soft hyphen.
    static func isInvisible(_ v: Unicode.Scalar) -> Bool {
        switch v.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    static func isBlank<S: StringProtocol>(_ s: S) -> Bool {
        s.unicodeScalars.allSatisfy { isSpace($0) || isInvisible($0) }
    }

    /// Collapses runs of white space (including no-break spaces and line breaks) to one space
    /// and trims both ends; drops zero-width characters.
    static func clean<S: StringProtocol>(_ s: S) -> String {
        var needsWork = false
        var prevSpace = true
        for v in s.unicodeScalars {
            if v == " " {
                if prevSpace { needsWork = true; break }
                prevSpace = true
            } else if isSpace(v) || isInvisible(v) {
                needsWork = true; break
            } else {
                prevSpace = false
            }
        }
        if !needsWork && !prevSpace { return String(s) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for v in s.unicodeScalars {
            if isInvisible(v) { continue }
            if isSpace(v) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(v)
            }
        }
        return String(out)
    }

    /// Groups of consecutive non-blank lines: (index of the first line, lines).
    static func blocks(_ lines: [Substring]) -> [(start: Int, lines: [Substring])] {
        var out: [(Int, [Substring])] = []
        var cur: [Substring] = []
        var start = 0
        for (i, line) in lines.enumerated() {
            if isBlank(line) {
                if !cur.isEmpty { out.append((start, cur)); cur = [] }
            } else {
                if cur.isEmpty { start = i }
                cur.append(line)
            }
        }
        if !cur.isEmpty { out.append((start, cur)) }
        return out
    }

    /// Lines of a paragraph joined with single spaces.
    static func joinLines(_ lines: [Substring]) -> String {
        clean(lines.joined(separator: " "))
    }

    static func wordCount<S: StringProtocol>(_ s: S) -> Int {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
    }

    /// Drops trailing closing quotes and brackets: "…said.’" → "…said.".
    static func strippingClosers<S: StringProtocol>(_ s: S) -> Substring {
        var sub = Substring(s)
        while let last = sub.last, "’'\"”)]»".contains(last) { sub = sub.dropLast() }
        return sub
    }

    /// Whether the text ends like a sentence (., !, ?, :, ;, …), ignoring closing quotes.
    static func endsSentence<S: StringProtocol>(_ s: S) -> Bool {
        guard let last = strippingClosers(s).last else { return false }
        return ".!?:;…,".contains(last)
    }

    static func isUpperStart<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    /// Case- and space-insensitive comparison key (curly quotes as straight).
    static func key<S: StringProtocol>(_ s: S) -> String {
        var out = String.UnicodeScalarView()
        for v in clean(s).lowercased().unicodeScalars {
            switch v {
            case "‘", "’", "′": out.append("'")
            case "“", "”", "″": out.append("\"")
            case "–", "—": out.append("-")
            default: out.append(v)
            }
        }
        return String(out)
    }

    /// The last path component of a relative path, without extensions (for titles of last resort).
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
