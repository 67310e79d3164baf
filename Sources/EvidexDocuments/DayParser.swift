import Foundation

/// Reads the written date formats of news pages and transcripts as a `Day`:
/// "8 June 2021", "8th June 2021", "Tuesday 8 June 2021", "June 8, 2021", "Jun 8 2021",
/// "2021-06-08" (and ISO timestamps), "08/06/2021" (UK day first), each with an optional time
/// ("10:28", "10.28 am", "3pm") and words such as "Published", "Updated", "on", "at".
/// The whole text must be a date: "made today (8 June)" is not one.
public enum DayParser {
    public static func parse<S: StringProtocol>(_ text: S) -> Day? {
        let s = TextTools.clean(text)
        guard !s.isEmpty, s.utf8.count <= 80 else { return nil }
        // Every date has two numbers at least (a day and a year), and numbers are ASCII digits:
        // headlines and first lines without them (most lines asked) skip the tokenizer, which
        // reads Characters and was 5% of indexing news.
        var digits = 0
        for b in s.utf8 where b >= 0x30 && b <= 0x39 {
            digits += 1
            if digits == 2 { break }
        }
        guard digits == 2 else { return nil }
        if let d = isoPrefix(s) { return d }
        return written(s)
    }

    /// `YYYY-MM-DD` optionally followed by `T…`, a space and a time, or nothing.
    public static func isoPrefix<S: StringProtocol>(_ s: S) -> Day? {
        let u = Array(s.utf8.prefix(11))
        guard u.count >= 10 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }; v = v * 10 + Int(u[i] - 0x30) }
            return v
        }
        guard u[4] == 0x2D, u[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        if u.count == 11 && !(u[10] == 0x54 || u[10] == 0x74 || u[10] == 0x20) { return nil }
        return Day(year: y, month: m, day: d)
    }

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case sep(Character)
    }

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    private static let noise: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
        "published", "updated", "posted", "last", "first", "date", "dated", "on", "at", "the", "of",
        "am", "pm", "gmt", "bst", "utc", "cet", "cest", "z", "uk", "time",
    ]

    private static func tokenize(_ s: String) -> [Token] {
        var out: [Token] = []
        var word = ""
        var num = 0, nd = 0
        func flush() {
            if !word.isEmpty { out.append(.word(word)); word = "" }
            if nd > 0 { out.append(.number(num, digits: nd)); num = 0; nd = 0 }
        }
        let lowered = s.lowercased().replacingOccurrences(of: "a.m.", with: "am").replacingOccurrences(of: "p.m.", with: "pm")
        for ch in lowered {
            if let v = ch.wholeNumberValue, ch.isASCII {
                if !word.isEmpty { flush() }
                if nd < 9 { num = num * 10 + v }
                nd += 1
            } else if ch.isLetter {
                if nd > 0 { flush() }
                word.append(ch)
            } else {
                flush()
                if ch != " " { out.append(.sep(ch)) }
            }
        }
        flush()
        return out
    }

    private static func written(_ s: String) -> Day? {
        var t = tokenize(s)
        // Times: h:mm[:ss] [am|pm], h.mm am|pm, h am|pm.
        var i = 0
        var kept: [Token] = []
        var sawMonth = false
        while i < t.count {
            if case .word(let w) = t[i], months[w] != nil { sawMonth = true }
            if case .number(_, let d1) = t[i], d1 <= 2 {
                if i + 2 < t.count, case .sep(let c) = t[i + 1], c == ":" || c == ".",
                   case .number(_, let d2) = t[i + 2], d2 == 2 {
                    var j = i + 3
                    if j + 1 < t.count, case .sep(":") = t[j], case .number(_, 2) = t[j + 1] { j += 2 }
                    let ampm = j < t.count && (t[j] == .word("am") || t[j] == .word("pm"))
                    if c == ":" || ampm || sawMonth { i = ampm ? j + 1 : j; continue }
                }
                if i + 1 < t.count, t[i + 1] == .word("am") || t[i + 1] == .word("pm") { i += 2; continue }
            }
            kept.append(t[i])
            i += 1
        }
        t = kept
        // Ordinal suffixes straight after a number; noise words; separators.
        var parts: [Token] = []
        var seps: [Character] = []
        for (k, tok) in t.enumerated() {
            switch tok {
            case .word(let w):
                if ["st", "nd", "rd", "th"].contains(w), k > 0, case .number = t[k - 1] { continue }
                if noise.contains(w) { continue }
                parts.append(tok)
            case .sep(let c):
                guard ",./-|:()–—".contains(c) else { return nil }
                seps.append(c)
            case .number:
                parts.append(tok)
            }
        }
        func year(_ v: Int, _ d: Int) -> Int? {
            if d == 4 { return v }
            if d == 2 { return v < 70 ? 2000 + v : 1900 + v }
            return nil
        }
        switch parts.count {
        case 3:
            switch (parts[0], parts[1], parts[2]) {
            case let (.number(d, dd), .word(m), .number(y, yd)) where dd <= 2:
                guard let mo = months[m], let yy = year(y, yd), yd == 4 else { return nil }
                return Day(year: yy, month: mo, day: d)
            case let (.word(m), .number(d, dd), .number(y, yd)) where dd <= 2:
                guard let mo = months[m], let yy = year(y, yd), yd == 4 else { return nil }
                return Day(year: yy, month: mo, day: d)
            case let (.number(y, 4), .word(m), .number(d, dd)) where dd <= 2:
                guard let mo = months[m] else { return nil }
                return Day(year: y, month: mo, day: d)
            case let (.number(a, ad), .number(b, bd), .number(c, cd)):
                guard seps.allSatisfy({ "/.-".contains($0) }) else { return nil }
                if ad == 4 && bd <= 2 && cd <= 2 { return Day(year: a, month: b, day: c) }
                guard ad <= 2, bd <= 2, let yy = year(c, cd) else { return nil }
                return Day(year: yy, month: b, day: a)
            default:
                return nil
            }
        default:
            return nil
        }
    }
}

extension Day {
    /// A written date ("8 June 2021", "June 8, 2021", "08/06/2021", "2021-06-08T10:00Z", ...); see `DayParser`.
    public init?(parsing text: String) {
        guard let d = DayParser.parse(text) else { return nil }
        self = d
    }
}
