import Evidex

/// `GET /documents/{id}`: one stored document as HTML, where the search page's result titles
/// lead. Like the search page it is rendered whole on the server, escaped, with no assets.
/// `back` is the search page the reader came from, for the link back to the results.
struct DocumentPage {
    let document: Document
    let back: String

    func render() -> String {
        let d = document
        var h = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>" + HTMLEscaper.escape(d.title.isEmpty ? d.id : d.title) + " – Evidex</title>"
        h += "<style>" + SearchPage.style + "article p{max-width:46rem}</style></head><body>\n"
        h += "<header><h1><a href=\"/\">Evidex</a></h1><nav class=\"tabs\"><a href=\"" + HTMLEscaper.escape(back)
        h += "\">← Results</a></nav></header>\n<main id=\"document\"><article>\n"
        h += "<h2>" + HTMLEscaper.escape(d.title.isEmpty ? d.id : d.title) + "</h2>\n<p class=\"meta\">"
        var meta: [String] = []
        if let a = d.author { meta.append("By " + HTMLEscaper.escape(a)) }
        if let date = d.date { meta.append("<time datetime=\"\(date)\">\(date)</time>") }
        if let s = d.source { meta.append("<span class=\"source\">" + HTMLEscaper.escape(s) + "</span>") }
        meta.append(d.kind.rawValue)
        if let url = d.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
            meta.append("<a rel=\"noopener noreferrer\" href=\"" + HTMLEscaper.escape(url) + "\">original</a>")
        }
        h += meta.joined(separator: " · ") + "</p>\n<p class=\"meta\"><code>" + HTMLEscaper.escape(d.id) + "</code></p>\n"
        var section: Int?
        for p in d.paragraphs {
            if let s = p.section, s != section, s < d.headings.count {
                h += "<h3>" + HTMLEscaper.escape(d.headings[s]) + "</h3>\n"
                section = s
            }
            h += "<p>" + (p.speaker.map { "<b>" + HTMLEscaper.escape($0) + ":</b> " } ?? "") + HTMLEscaper.escape(p.text) + "</p>\n"
        }
        h += "</article></main>\n</body></html>\n"
        return h
    }
}
