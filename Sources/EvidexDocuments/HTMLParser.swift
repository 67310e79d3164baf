import CEvidexHTML
import Foundation

/// HTML pages through libxml2's HTML parser (the C seam in CEvidexHTML walks the DOM).
/// Title: og:title, else the first <h1>, else <title> (a " | Site" suffix stripped). Date:
/// article:published_time, a <time datetime> in the article, other date metas, JSON-LD, any
/// <time>. Author: meta author / article:author / rel=author / JSON-LD. Source: og:site_name.
/// URL: canonical link, else og:url. Paragraphs: <p>, <li>, <blockquote>; headings <h2>–<h6>
/// (an <h1> in the article other than the title too), from the <article>/<main> if present.
struct HTMLParser {
    /// Collects the C parser's events.
    final class Collector {
        var metas: [(String, String)] = []
        var titleTag: String?
        var h1s: [(text: String, inContent: Bool)] = []
        var links: [(rel: String, href: String)] = []
        var authorLinks: [String] = []
        var times: [(String, Bool)] = []
        var jsonLD: [String] = []
        /// kind, level, text
        var blocks: [(Int32, Int, String)] = []

        func meta(_ key: String) -> String? {
            metas.first { $0.0 == key && !TextTools.isBlank($0.1) }.map { TextTools.clean($0.1) }
        }
    }

    enum Failure: Error { case unparsable, outOfMemory }

    static func collect(_ utf8: UnsafeBufferPointer<UInt8>) throws(Failure) -> Collector {
        let c = Collector()
        let rc = withExtendedLifetime(c) { () -> Int32 in
            let ctx = Unmanaged.passUnretained(c).toOpaque()
            return evx_html_parse(utf8.baseAddress, utf8.count, { ev, ctx in
                guard let ev, let ctx else { return }
                let c = Unmanaged<Collector>.fromOpaque(ctx).takeUnretainedValue()
                let e = ev.pointee
                func str(_ p: UnsafePointer<CChar>?, _ n: Int) -> String {
                    guard let p, n > 0 else { return "" }
                    return p.withMemoryRebound(to: UInt8.self, capacity: n) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
                    }
                }
                let value = str(e.value, e.value_len)
                switch Int(e.kind) {
                case EVX_HTML_META: c.metas.append((str(e.key, e.key_len), value))
                case EVX_HTML_TITLE: if c.titleTag == nil { c.titleTag = TextTools.clean(value) }
                case EVX_HTML_H1: c.h1s.append((TextTools.clean(value), e.in_content != 0))
                case EVX_HTML_LINK: c.links.append((str(e.key, e.key_len), value.trimmingSpaces))
                case EVX_HTML_AUTHOR_LINK: c.authorLinks.append(TextTools.clean(value))
                case EVX_HTML_TIME: c.times.append((value.trimmingSpaces, e.in_content != 0))
                case EVX_HTML_JSONLD: c.jsonLD.append(value)
                default: c.blocks.append((e.kind, Int(e.level), value))
                }
            }, ctx)
        }
        switch rc {
        case 0: return c
        case -3: throw .outOfMemory
        default: throw .unparsable
        }
    }

    static func parse(text: String, id: String) -> Document? {
        var utf8 = text
        let collected: Collector
        do {
            collected = try utf8.withUTF8 { buf throws(Failure) in try collect(buf) }
        } catch {
            return nil
        }
        return build(collected, id: id)
    }

    static func build(_ c: Collector, id: String) -> Document {
        var doc = Document(id: id, kind: .news)
        let ld = JSONLD(c.jsonLD)
        let site = c.meta("og:site_name") ?? c.meta("application-name") ?? ld.publisher
        let ogTitle = c.meta("og:title") ?? c.meta("twitter:title")
        let h1 = c.h1s.first(where: { $0.inContent && !$0.text.isEmpty })?.text ?? c.h1s.first(where: { !$0.text.isEmpty })?.text
        // Title.
        var title = ogTitle ?? h1 ?? ld.headline ?? c.titleTag ?? ""
        title = stripSiteSuffix(title, site: site, others: [h1, ogTitle, ld.headline].compactMap { $0 })
        doc.title = title
        // Date.
        let dateCandidates: [String?] = [
            c.meta("article:published_time"),
            c.times.first(where: { $0.1 })?.0,
            c.meta("og:published_time"), c.meta("datepublished"), c.meta("date"), c.meta("pubdate"),
            c.meta("publishdate"), c.meta("dc.date"), c.meta("dc.date.issued"), c.meta("dcterms.date"),
            c.meta("dcterms.created"), c.meta("sailthru.date"), c.meta("parsely-pub-date"),
            ld.datePublished,
            c.times.first?.0,
            c.meta("article:modified_time"), c.meta("og:updated_time"), ld.dateModified,
        ]
        for cand in dateCandidates {
            if let s = cand, let d = DayParser.parse(s) { doc.date = d; break }
        }
        // Author.
        let authorCandidates: [String?] = [
            c.meta("author"), c.meta("article:author"), c.meta("byl"), c.meta("parsely-author"),
            c.meta("sailthru.author"), c.meta("dc.creator"), c.meta("twitter:creator"),
            c.authorLinks.first(where: { !$0.isEmpty }), ld.author,
        ]
        for cand in authorCandidates {
            guard var a = cand?.trimmingSpaces, !a.isEmpty, !a.hasPrefix("http://"), !a.hasPrefix("https://"), !a.hasPrefix("@") else { continue }
            if a.lowercased().hasPrefix("by ") { a = String(a.dropFirst(3)).trimmingSpaces }
            doc.author = a
            break
        }
        doc.source = site
        doc.url = c.links.first(where: { $0.rel.split(separator: " ").contains("canonical") && !$0.href.isEmpty })?.href
            ?? c.meta("og:url")
        if let ogType = c.meta("og:type")?.lowercased(), ogType != "article" { doc.metadata["og:type"] = ogType }
        if let desc = c.meta("description") ?? c.meta("og:description") { doc.metadata["description"] = desc }
        // Body.
        var section: Int?
        let titleKey = TextTools.key(doc.title)
        for (kind, level, raw) in c.blocks {
            let text = TextTools.clean(raw)
            guard !text.isEmpty else { continue }
            switch Int(kind) {
            case EVX_HTML_HEADING:
                if TextTools.key(text) == titleKey { continue }   // the page's own title
                if level == 1 && doc.paragraphs.isEmpty && doc.headings.isEmpty && doc.title.isEmpty { doc.title = text; continue }
                doc.headings.append(text)
                section = doc.headings.count - 1
            default:
                // A byline paragraph ("By Chris Lee · 1 September") repeats the author.
                if let author = doc.author, text.count < 120, let (name, _) = NewsTextParser.byline(text),
                   TextTools.key(name) == TextTools.key(author) { continue }
                doc.paragraphs.append(Paragraph(text: text, section: section))
            }
        }
        if doc.title.isEmpty, let first = doc.paragraphs.first { doc.title = String(first.text.prefix(120)) }
        return doc
    }

    /// "Title | Site" → "Title" when the suffix is the site name or the prefix matches another
    /// title candidate (h1, og:title).
    static func stripSiteSuffix(_ title: String, site: String?, others: [String]) -> String {
        let otherKeys = Set(others.map { TextTools.key($0) })
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let prefix = String(title[..<r.lowerBound]).trimmingSpaces
            let suffix = String(title[r.upperBound...]).trimmingSpaces
            if let site, TextTools.key(suffix) == TextTools.key(site) { return prefix }
            if otherKeys.contains(TextTools.key(prefix)) { return prefix }
        }
        return title
    }
}
