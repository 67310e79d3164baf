/// Text into HTML: every character that could end a text node or an attribute value is
/// written as an entity, so stored text, queries and ids can never become markup.
enum HTMLEscaper {
    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    static func append(_ s: some StringProtocol, to out: inout String) {
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
    }

    /// `text` with the code-point spans in `highlights` wrapped in `<mark>` (spans out of
    /// range or overlapping an earlier one are clipped, never trusted to be in order).
    static func highlighted(_ text: String, _ highlights: [[Int]]) -> String {
        let scalars = Array(text.unicodeScalars)
        let spans = highlights.compactMap { h -> (Int, Int)? in
            guard h.count == 2 else { return nil }
            let s = max(0, min(h[0], scalars.count)), e = max(0, min(h[1], scalars.count))
            return s < e ? (s, e) : nil
        }.sorted { $0.0 < $1.0 }
        var out = ""
        var at = 0
        for (s, e) in spans where e > at {
            let start = max(s, at)
            append(String(String.UnicodeScalarView(scalars[at..<start])), to: &out)
            out += "<mark>"
            append(String(String.UnicodeScalarView(scalars[start..<e])), to: &out)
            out += "</mark>"
            at = e
        }
        append(String(String.UnicodeScalarView(scalars[at...])), to: &out)
        return out
    }
}
