/// Scraped news article text: site boilerplate lines, a title (often repeated), a byline
/// ("By Jess Hacker"), a date line, then blank-line separated paragraphs with short standalone
/// section headings. "Related articles" and everything after it is dropped.
struct NewsTextParser {
    /// Boilerplate lines dropped wherever they stand (compared case-insensitively).
    static let boilerplate: Set<String> = [
        "this site is intended for health professionals only",
        "want news like this straight to your inbox?",
        "sign up", "sign up now", "subscribe", "subscribe now", "share", "share this article",
        "share this", "share on facebook", "share on twitter", "share on linkedin", "email", "print",
        "advertisement", "skip to main content", "skip to content", "cookie settings",
        "accept cookies", "accept all cookies", "log in", "login", "register", "menu", "search",
        "close", "home", "news", "latest news", "you might also like", "comments", "add a comment",
        "read next", "listen to this article", "follow us",
    ]

    /// Lines after which the rest of the page is site furniture.
    static let tailMarkers: Set<String> = [
        "related articles", "related articles:", "related stories", "related content", "related news",
        "more on this story", "most read", "most popular", "read more", "read more:", "recommended",
        "more from", "you may also be interested in", "related", "related topics",
    ]

    struct Header {
        var title: String?
        var author: String?
        var date: Day?
        /// Index of the first body line.
        var bodyStart: Int
        /// Whether boilerplate, a byline or a date line was seen: the text is recognisably news.
        var recognised: Bool
    }

    /// Reads the header lines: boilerplate, title, title repeats, byline, date.
    static func header(_ lines: [Substring]) -> Header {
        var h = Header(title: nil, author: nil, date: nil, bodyStart: lines.count, recognised: false)
        var titleKey: String?
        var i = 0
        var nonBlankSeen = 0
        while i < lines.count {
            let line = TextTools.clean(lines[i])
            if line.isEmpty { i += 1; continue }
            nonBlankSeen += 1
            if nonBlankSeen > 12 { break }
            let k = TextTools.key(line)
            if boilerplate.contains(k) { h.recognised = true; i += 1; continue }
            if let tk = titleKey, k == tk { h.recognised = true; i += 1; continue }
            if h.author == nil, let (author, date) = byline(line) {
                h.author = author
                if h.date == nil, let date { h.date = date }
                h.recognised = true
                i += 1
                continue
            }
            if h.date == nil, let d = DayParser.parse(line) {
                h.date = d
                h.recognised = true
                i += 1
                continue
            }
            if h.title == nil, TextTools.wordCount(line) >= 2 || line.count >= 12, line.count <= 250 {
                h.title = line
                titleKey = k
                i += 1
                continue
            }
            break
        }
        h.bodyStart = min(i, lines.count)
        return h
    }

    /// "By Jess Hacker", "By Jess Hacker, 8 June 2021", "By Jess Hacker | Health reporter".
    static func byline(_ line: String) -> (String, Day?)? {
        let lower = line.lowercased()
        guard lower.hasPrefix("by ") || lower.hasPrefix("by: ") || lower.hasPrefix("written by ") else { return nil }
        var rest = Substring(line)
        rest = rest.drop(while: { $0 != " " }).dropFirst()
        if rest.lowercased().hasPrefix("by ") { rest = rest.dropFirst(3) }
        rest = rest.drop(while: { $0 == " " || $0 == ":" })
        var date: Day?
        var name = rest
        for sep in [" | ", " – ", " — ", " - ", ", ", " • ", " · "] {
            if let r = name.range(of: sep) {
                let tail = name[r.upperBound...]
                if date == nil, let d = DayParser.parse(tail) { date = d }
                name = name[..<r.lowerBound]
            }
        }
        let author = TextTools.clean(name)
        let words = author.split(separator: " ")
        guard (1...6).contains(words.count), TextTools.isUpperStart(author), !TextTools.endsSentence(author) else { return nil }
        return (author, date)
    }

    /// A short line standing alone between paragraphs: few words, no final full stop.
    static func isHeading(_ text: String) -> Bool {
        let words = TextTools.wordCount(text)
        guard words >= 1, words <= 12, text.count <= 90, !TextTools.endsSentence(text) else { return false }
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase || "‘'\"“".unicodeScalars.contains(first) || first.properties.numericType != nil
    }

    static func parse(text: String, id: String) -> Document {
        let lines = TextTools.lines(text)
        let h = header(lines)
        let titleKey = h.title.map { TextTools.key($0) }
        var doc = Document(id: id, kind: .news, title: h.title ?? "", author: h.author, date: h.date)
        var body: [Substring] = []
        for line in lines[h.bodyStart...] {
            let k = TextTools.key(line)
            if tailMarkers.contains(k) { break }
            if boilerplate.contains(k) || (titleKey != nil && k == titleKey) {
                body.append("")   // keep paragraph breaks where a dropped line stood
                continue
            }
            body.append(line)
        }
        let blocks = TextTools.blocks(body).map { TextTools.joinLines($0.lines) }
        var section: Int?
        for (n, text) in blocks.enumerated() {
            let between = n > 0 && n < blocks.count - 1
            if between, isHeading(text) {
                doc.headings.append(text)
                section = doc.headings.count - 1
                continue
            }
            doc.paragraphs.append(Paragraph(text: text, section: section))
        }
        return doc
    }
}
