/// Splits text outside quotations into words and punctuation. Words keep internal apostrophes,
/// hyphens and dots (O’Neill, co-founder, U.S.) and abbreviations keep their final dot so that
/// "Mr. Trump" or "Sen. Sanders" does not end a sentence.
struct Tokenizer: Sendable {
    let text: [Unicode.Scalar]

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "det", "u.s", "u.k", "u.n", "d.c",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
        "corp", "co", "ltd", "mt", "ft", "messrs", "a.m", "p.m", "e.g", "i.e", "etc", "calif", "fla", "ore",
        "ind", "ill", "mass", "mich", "minn", "wis", "conn", "del", "ky", "md", "mo", "nev", "tenn", "tex", "va",
        "wash", "ariz", "ark", "colo", "ga", "kan", "la", "miss", "mont", "neb", "okla", "pa", "vt", "wyo", "n.y",
        "n.j", "n.c", "s.c", "n.h", "r.i", "w.va", "n.m", "n.d", "s.d",
    ]

    func tokens(in r: Range<Int>) -> [Token] {
        var out: [Token] = []
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            let c = text[i]
            if ScalarClass.isSpace(c) { i += 1; continue }
            if ScalarClass.isAlnum(c) {
                var j = i + 1
                while j < end {
                    let d = text[j]
                    if ScalarClass.isAlnum(d) { j += 1; continue }
                    // "9/11", "24/7": a slash between digits stays inside the word
                    let slash = d == "/" && ScalarClass.isDigit(text[j - 1]) && j + 1 < end && ScalarClass.isDigit(text[j + 1])
                    let joiner = d == "'" || d == "\u{2019}" || d == "-" || d == "." || d == "&" || d == "\u{2010}" || slash
                    if joiner && j + 1 < end && ScalarClass.isAlnum(text[j + 1]) { j += 2; continue }
                    break
                }
                var word = String(String.UnicodeScalarView(text[i..<j]))
                var lower = word.lowercased()
                let single = word.unicodeScalars.count == 1 && ScalarClass.isUpper(c)
                // "(D-Wis.)" and "Inc.," : a dot right before a bracket or comma ends no sentence
                let beforeBracket = j + 1 < end && (text[j + 1] == ")" || text[j + 1] == ",")
                if j < end && text[j] == "." && (Self.abbreviations.contains(lower) || single || beforeBracket) {
                    j += 1
                    word += "."
                    lower += "."
                }
                out.append(Token(range: i..<j, text: word, lower: lower, kind: .word,
                                 capitalised: ScalarClass.isUpper(c)))
                i = j
                continue
            }
            let s = String(c)
            out.append(Token(range: i..<(i + 1), text: s, lower: s, kind: .punct, capitalised: false))
            i += 1
        }
        return out
    }
}
