extension StringProtocol {
    /// Trims spaces and tabs (and stray \r) from both ends.
    var trimmingSpaces: String { String(trimmedSpaces) }

    /// `trimmingSpaces` as a view of the text, without copying it.
    var trimmedSpaces: Substring {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" || f == "\r" || f == "\u{FEFF}" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\r" { sub = sub.dropLast() }
        return sub
    }
}

extension String {
    /// \" \\ \n \t in a double-quoted YAML value.
    func replacingEscapes() -> String {
        guard contains("\\") else { return self }
        var out = ""
        var esc = false
        for ch in self {
            if esc {
                switch ch {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(ch)
                }
                esc = false
            } else if ch == "\\" {
                esc = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
