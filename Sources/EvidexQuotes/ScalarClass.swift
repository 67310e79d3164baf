/// Character classes on single scalars, shared by the mark scanner and the tokenizer.
/// They follow Python's `str.isspace`/`isalnum` closely because the evaluation gold pairs
/// quotation marks with those predicates.
enum ScalarClass {
    static let leftDouble: Unicode.Scalar = "\u{201C}"
    static let rightDouble: Unicode.Scalar = "\u{201D}"
    static let leftSingle: Unicode.Scalar = "\u{2018}"
    static let rightSingle: Unicode.Scalar = "\u{2019}"

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return true }
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F) }
        return ScalarInfo.has(s, ScalarInfo.whitespace)
    }

    @inline(__always)
    static func isAlnum(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return ScalarInfo.has(s, ScalarInfo.alnum)
    }

    static func isWordChar(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s == "_" || ScalarInfo.has(s, ScalarInfo.alnum | ScalarInfo.nonspacingMark)
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return ScalarInfo.has(s, ScalarInfo.uppercase)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    /// Double marks: “ ” " « » „ (the NYT-archive '' pair is handled by the scanner).
    static func isDoubleMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{201C}", "\u{201D}", "\"", "\u{00AB}", "\u{00BB}", "\u{201E}": return true
        default: return false
        }
    }

    static func isSingleMark(_ s: Unicode.Scalar) -> Bool {
        s == "\u{2018}" || s == "\u{2019}" || s == "'"
    }

    static func isAnyMark(_ s: Unicode.Scalar) -> Bool {
        isDoubleMark(s) || isSingleMark(s)
    }

    /// Characters that may stand right before an opening mark.
    static func isOpenContext(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        switch s {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", "\u{201C}", "\u{2018}", "\"", "'", "\u{2015}",
             "\u{00AB}", "\u{201E}":
            return true
        default: return false
        }
    }

    /// Characters that may follow a closing mark.
    static func isCloseFollow(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        switch s {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "-", "\u{2026}", "/",
             "\u{201D}", "\u{2019}", "\"", "'", "\u{2015}", "*", "\u{00BB}":
            return true
        default: return false
        }
    }
}
