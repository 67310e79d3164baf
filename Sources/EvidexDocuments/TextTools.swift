/// Line, block and whitespace helpers shared by the text parsers.
enum TextTools {
    /// Lines without their terminators (\n, \r\n or \r).
    static func lines(_ s: String) -> [Substring] {
        // On the UTF-8 bytes in place: walking `String.UTF8View` index by index cost more than
        // the rest of parsing a news file. `withUTF8` makes a bridged string contiguous first.
        var text = s
        return text.withUTF8 { bytes -> [Substring] in
            var out: [Substring] = []
            let u = s.utf8
            func sub(_ a: Int, _ b: Int) -> Substring {
                s[u.index(u.startIndex, offsetBy: a)..<u.index(u.startIndex, offsetBy: b)]
            }
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b != 0x0A && b != 0x0D { i += 1; continue }
                out.append(sub(start, i))
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            }
            if start != n { out.append(sub(start, n)) }
            return out
        }
    }

    /// Whether UTF-8 text is already what `clean` makes of it: not empty, no space at either
    /// end or next to another, no other white space (`isSpace`) and nothing `isInvisible`.
    /// Reads bytes; only the lead bytes of the multi-byte spaces and invisibles (C2, E1, E2,
    /// E3, EF) make it look at what follows.
    static func isClean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n > 0, b[0] != 0x20, b[n - 1] != 0x20 else { return false }
        var i = 0
        while i < n {
            let c = b[i]
            if c > 0x20 && c < 0x80 { i += 1; continue }
            if c == 0x20 {
                if b[i + 1] == 0x20 { return false }   // i < n - 1: the last byte is no space
                i += 1
                continue
            }
            if c < 0x20 {
                if c >= 0x09 && c <= 0x0D { return false }
                i += 1
                continue
            }
            let c1: UInt8 = i + 1 < n ? b[i + 1] : 0
            let c2: UInt8 = i + 2 < n ? b[i + 2] : 0
            switch c {
            case 0xC2: if c1 == 0xA0 || c1 == 0xAD { return false }                      // U+00A0, U+00AD
            case 0xE1: if c1 == 0x9A && c2 == 0x80 { return false }                      // U+1680
            case 0xE2:
                if c1 == 0x80 && (c2 <= 0x8D || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return false }  // U+2000–200D, 2028, 2029, 202F
                if c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0) { return false }             // U+205F, U+2060
            case 0xE3: if c1 == 0x80 && c2 == 0x80 { return false }                      // U+3000
            case 0xEF: if c1 == 0xBB && c2 == 0xBF { return false }                      // U+FEFF
            default: break
            }
            i += 1
        }
        return true
    }

    static func isSpace(_ v: Unicode.Scalar) -> Bool { isSpaceValue(v.value) }

    static func isSpaceValue(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Invisible characters dropped from text: zero-width space/joiners, BOM, soft hyphen.
    static func isInvisible(_ v: Unicode.Scalar) -> Bool { isInvisibleValue(v.value) }

    static func isInvisibleValue(_ v: UInt32) -> Bool {
        switch v {
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
        // Most text is clean already: tested on its bytes, it is returned as it is. Otherwise it
        // is rebuilt byte by byte (a transcript turn's text after its label starts with a space,
        // and rebuilding it scalar by scalar through `String.UnicodeScalarView` was a tenth of
        // indexing transcripts).
        if let rebuilt = s.utf8.withContiguousStorageIfAvailable({ isClean($0) ? nil : cleaned($0) }) {
            return rebuilt ?? String(s)
        }
        var copy = String(s)
        let rebuilt = copy.withUTF8 { isClean($0) ? nil : cleaned($0) }
        return rebuilt ?? copy
    }

    /// `clean` of valid UTF-8: white space runs become one space, both ends are trimmed and
    /// invisible characters dropped. Only lead bytes of multi-byte sequences are decoded, to
    /// test them for space or invisibility; the output is never longer than the input.
    static func cleaned(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            let count = b.count
            while i < count {
                let c = b[i]
                var length = 1
                var space = false
                var invisible = false
                if c < 0x80 {
                    space = c == 0x20 || (c >= 0x09 && c <= 0x0D)
                } else if c >= 0xC2 {
                    length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                    if i + length > count { length = 1 } else if c <= 0xEF {
                        let value = length == 2
                            ? UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                            : UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        space = isSpaceValue(value)
                        invisible = isInvisibleValue(value)
                    }
                }
                if invisible { i += length; continue }
                if space {
                    pendingSpace = n > 0
                    i += length
                    continue
                }
                if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                for k in i..<(i + length) { out[n] = b[k]; n += 1 }
                i += length
            }
            return n
        }
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
        let lowered = clean(s).lowercased()
        // Most lines hold none of the marks folded below: the lower-cased line is the key, with
        // no rebuilding scalar by scalar (a twentieth of indexing news went on that).
        if lowered.utf8.allSatisfy({ $0 < 0x80 }) { return lowered }
        var out = String.UnicodeScalarView()
        for v in lowered.unicodeScalars {
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
