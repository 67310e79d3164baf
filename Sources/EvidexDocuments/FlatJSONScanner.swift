/// A hand-written scanner for one JSON object per line, over UTF-8 bytes: the fields of the
/// top-level object are reported as raw spans (strings are unescaped on demand); nested
/// objects and arrays are validated and kept as their JSON text.
struct FlatJSONScanner {
    enum ValueKind: Equatable { case string, number, bool, null, nested }

    struct Field {
        /// The key, unescaped.
        var key: Span
        var keyEscaped: Bool
        var kind: ValueKind
        /// For strings: the bytes between the quotes (still escaped); otherwise the raw JSON text.
        var value: Span
        var valueEscaped: Bool
    }

    struct Span { var start: Int; var end: Int }

    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let base: UnsafePointer<UInt8>

    init(_ base: UnsafePointer<UInt8>) { self.base = base }

    @inline(__always) private func isWS(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    @inline(__always) private func skipWS(_ p: inout Int, _ end: Int) {
        while p < end, isWS(base[p]) { p += 1 }
    }

    /// Whether the line holds only white space.
    func isBlank(_ start: Int, _ end: Int) -> Bool {
        var p = start
        skipWS(&p, end)
        return p == end
    }

    /// Parses `{...}` filling `fields` (cleared first).
    func parseObject(_ start: Int, _ end: Int, into fields: inout [Field]) throws(Failure) {
        fields.removeAll(keepingCapacity: true)
        var p = start
        skipWS(&p, end)
        guard p < end else { throw Failure(offset: p - start, message: "empty line") }
        guard base[p] == UInt8(ascii: "{") else {
            throw Failure(offset: p - start, message: base[p] == UInt8(ascii: "[") ? "a JSON array, not an object" : "expected '{'")
        }
        p += 1
        skipWS(&p, end)
        if p < end, base[p] == UInt8(ascii: "}") {
            p += 1
        } else {
            while true {
                skipWS(&p, end)
                guard p < end, base[p] == UInt8(ascii: "\"") else { throw Failure(offset: p - start, message: p < end ? "expected a \"key\"" : "line ends inside the object") }
                let (key, keyEsc) = try string(&p, end, start)
                skipWS(&p, end)
                guard p < end, base[p] == UInt8(ascii: ":") else { throw Failure(offset: p - start, message: "expected ':' after a key") }
                p += 1
                skipWS(&p, end)
                guard p < end else { throw Failure(offset: p - start, message: "line ends before a value") }
                let c = base[p]
                var field = Field(key: key, keyEscaped: keyEsc, kind: .null, value: Span(start: p, end: p), valueEscaped: false)
                switch c {
                case UInt8(ascii: "\""):
                    let (v, esc) = try string(&p, end, start)
                    field.kind = .string
                    field.value = v
                    field.valueEscaped = esc
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let s = p
                    try nested(&p, end, start, depth: 0)
                    field.kind = .nested
                    field.value = Span(start: s, end: p)
                case UInt8(ascii: "t"): try literal(&p, end, start, "true"); field.kind = .bool; field.value = Span(start: p - 4, end: p)
                case UInt8(ascii: "f"): try literal(&p, end, start, "false"); field.kind = .bool; field.value = Span(start: p - 5, end: p)
                case UInt8(ascii: "n"): try literal(&p, end, start, "null"); field.kind = .null; field.value = Span(start: p - 4, end: p)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let s = p
                    try number(&p, end, start)
                    field.kind = .number
                    field.value = Span(start: s, end: p)
                default:
                    throw Failure(offset: p - start, message: "unexpected character '\(printable(c))' where a value should be")
                }
                fields.append(field)
                skipWS(&p, end)
                guard p < end else { throw Failure(offset: p - start, message: "line ends inside the object (missing '}')") }
                if base[p] == UInt8(ascii: ",") { p += 1; continue }
                if base[p] == UInt8(ascii: "}") { p += 1; break }
                throw Failure(offset: p - start, message: "expected ',' or '}' after a value")
            }
        }
        skipWS(&p, end)
        if p < end { throw Failure(offset: p - start, message: "text after the closing '}'") }
    }

    private func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16)
    }

    /// A string at p (on its opening quote): the span between the quotes and whether it has escapes.
    @inline(__always)
    private func string(_ p: inout Int, _ end: Int, _ lineStart: Int) throws(Failure) -> (Span, Bool) {
        let s = p + 1
        var q = s
        var escaped = false
        while q < end {
            let b = base[q]
            if b == UInt8(ascii: "\"") {
                p = q + 1
                return (Span(start: s, end: q), escaped)
            }
            if b == UInt8(ascii: "\\") {
                escaped = true
                q += 2
                continue
            }
            q += 1
        }
        throw Failure(offset: p - lineStart, message: "unterminated string")
    }

    private func literal(_ p: inout Int, _ end: Int, _ lineStart: Int, _ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard p + n <= end else { throw Failure(offset: p - lineStart, message: "invalid literal") }
        let w = word.utf8Start
        for i in 0..<n where base[p + i] != w[i] { throw Failure(offset: p - lineStart, message: "invalid literal (expected \(word))") }
        p += n
    }

    private func number(_ p: inout Int, _ end: Int, _ lineStart: Int) throws(Failure) {
        let s = p
        if base[p] == UInt8(ascii: "-") { p += 1 }
        var digits = 0
        while p < end, base[p] >= 0x30, base[p] <= 0x39 { p += 1; digits += 1 }
        if p < end, base[p] == UInt8(ascii: ".") {
            p += 1
            while p < end, base[p] >= 0x30, base[p] <= 0x39 { p += 1; digits += 1 }
        }
        if p < end, base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E") {
            p += 1
            if p < end, base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-") { p += 1 }
            var ed = 0
            while p < end, base[p] >= 0x30, base[p] <= 0x39 { p += 1; ed += 1 }
            if ed == 0 { digits = 0 }
        }
        if digits == 0 { throw Failure(offset: s - lineStart, message: "invalid number") }
    }

    private func nested(_ p: inout Int, _ end: Int, _ lineStart: Int, depth: Int) throws(Failure) {
        guard depth < 64 else { throw Failure(offset: p - lineStart, message: "nested too deeply") }
        let open = base[p]
        let close: UInt8 = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        p += 1
        skipWS(&p, end)
        if p < end, base[p] == close { p += 1; return }
        while true {
            skipWS(&p, end)
            guard p < end else { throw Failure(offset: p - lineStart, message: "line ends inside a nested value") }
            if open == UInt8(ascii: "{") {
                guard base[p] == UInt8(ascii: "\"") else { throw Failure(offset: p - lineStart, message: "expected a \"key\"") }
                _ = try string(&p, end, lineStart)
                skipWS(&p, end)
                guard p < end, base[p] == UInt8(ascii: ":") else { throw Failure(offset: p - lineStart, message: "expected ':' after a key") }
                p += 1
                skipWS(&p, end)
                guard p < end else { throw Failure(offset: p - lineStart, message: "line ends before a value") }
            }
            switch base[p] {
            case UInt8(ascii: "\""): _ = try string(&p, end, lineStart)
            case UInt8(ascii: "{"), UInt8(ascii: "["): try nested(&p, end, lineStart, depth: depth + 1)
            case UInt8(ascii: "t"): try literal(&p, end, lineStart, "true")
            case UInt8(ascii: "f"): try literal(&p, end, lineStart, "false")
            case UInt8(ascii: "n"): try literal(&p, end, lineStart, "null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(&p, end, lineStart)
            default: throw Failure(offset: p - lineStart, message: "unexpected character '\(printable(base[p]))' where a value should be")
            }
            skipWS(&p, end)
            guard p < end else { throw Failure(offset: p - lineStart, message: "line ends inside a nested value") }
            if base[p] == UInt8(ascii: ",") { p += 1; continue }
            if base[p] == close { p += 1; return }
            throw Failure(offset: p - lineStart, message: "expected ',' or '\(printable(close))'")
        }
    }

    // MARK: Strings

    /// Unescapes span into out (cleared first). Returns false on a bad escape.
    func unescape(_ span: Span, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var p = span.start
        let end = span.end
        while p < end {
            let b = base[p]
            if b != UInt8(ascii: "\\") {
                // Copy the run up to the next backslash in one go.
                var q = p + 1
                while q < end, base[q] != UInt8(ascii: "\\") { q += 1 }
                out.append(contentsOf: UnsafeBufferPointer(start: base + p, count: q - p))
                p = q
                continue
            }
            guard p + 1 < end else { return false }
            let e = base[p + 1]
            p += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let hi = hex4(p, end) else { return false }
                p += 4
                var scalar: UInt32 = hi
                if (0xD800..<0xDC00).contains(hi) {
                    if p + 6 <= end, base[p] == UInt8(ascii: "\\"), base[p + 1] == UInt8(ascii: "u"), let lo = hex4(p + 2, end), (0xDC00..<0xE000).contains(lo) {
                        scalar = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                        p += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(hi) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, &out)
            default:
                return false
            }
        }
        return true
    }

    private func hex4(_ p: Int, _ end: Int) -> UInt32? {
        guard p + 4 <= end else { return nil }
        var v: UInt32 = 0
        for i in 0..<4 {
            let c = base[p + i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    private func appendUTF8(_ v: UInt32, _ out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Whether the span's bytes equal the ASCII key.
    @inline(__always)
    func spanEquals(_ span: Span, _ key: StaticString) -> Bool {
        let n = key.utf8CodeUnitCount
        guard span.end - span.start == n else { return false }
        let k = key.utf8Start
        for i in 0..<n where base[span.start + i] != k[i] { return false }
        return true
    }
}
