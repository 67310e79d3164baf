import Evidex

/// The HTML search page, rendered whole on the server: it works with JavaScript off, and
/// `/app.js` only enhances it (results swapped in without a reload). Everything that comes
/// from the index or the URL goes through `HTMLEscaper`; there are no external assets.
struct SearchPage {
    enum Outcome {
        /// No query yet: the form alone.
        case empty
        case documents(SearchResult)
        case quotes(QuoteSearchResult)
        case failed(APIError)
    }

    let query: PageQuery
    let outcome: Outcome
    var documentCount: Int?

    func render() -> String {
        var h = ""
        h += "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>" + HTMLEscaper.escape(query.q.isEmpty ? "Evidex" : query.q + " – Evidex") + "</title>"
        h += "<style>" + SearchPage.style + "</style></head><body>\n"
        h += header()
        h += "<main id=\"results\">\n" + results() + "</main>\n"
        h += "<footer><a href=\"/openapi.yaml\">API</a> · JSON at <code>/api/search</code>, <code>/api/quotes</code></footer>\n"
        h += "<script src=\"/app.js\" defer></script></body></html>\n"
        return h
    }

    // MARK: form and tabs

    private func header() -> String {
        var h = "<header><h1><a href=\"/\">Evidex</a></h1>\n"
        h += "<form id=\"search\" method=\"get\" action=\"/\" role=\"search\">"
        if query.view == .quotes { h += "<input type=\"hidden\" name=\"view\" value=\"quotes\">" }
        h += "<input type=\"search\" name=\"q\" value=\"" + HTMLEscaper.escape(query.q) + "\" aria-label=\"Search\" "
        h += "placeholder=\"" + (query.view == .quotes ? "words of a quote, or empty for all" : "burnout, &quot;bitter irony&quot;, org:DHSC") + "\" autofocus>"
        h += " <button type=\"submit\">Search</button>\n"
        h += "<details" + (query.filters.isEmpty ? "" : " open") + "><summary>Filters</summary><div class=\"filters\">"
        h += field("from", "From", query.from, type: "date")
        h += field("to", "To", query.to, type: "date")
        if query.view == .documents {
            h += "<label>Kind <select name=\"kind\"><option value=\"\">any</option>"
            for k in DocumentKind.allCases {
                h += "<option" + (query.kind?.lowercased() == k.rawValue ? " selected" : "") + ">" + k.rawValue + "</option>"
            }
            h += "</select></label>"
            h += field("source", "Source", query.source)
        } else {
            h += field("speaker", "Speaker", query.speaker)
        }
        h += field("org", "Organisation", query.org)
        h += "</div></details></form>\n"
        let docs = query.with { $0.view = .documents; $0.speaker = nil }
        let quotes = query.with { $0.view = .quotes; $0.kind = nil; $0.source = nil }
        h += "<nav class=\"tabs\">"
        h += "<a href=\"" + HTMLEscaper.escape(docs.href) + "\"" + (query.view == .documents ? " aria-current=\"page\"" : "") + ">Documents</a>"
        h += "<a href=\"" + HTMLEscaper.escape(quotes.href) + "\"" + (query.view == .quotes ? " aria-current=\"page\"" : "") + ">Quotes</a>"
        h += "</nav></header>\n"
        return h
    }

    private func field(_ name: String, _ label: String, _ value: String?, type: String = "text") -> String {
        "<label>" + label + " <input type=\"" + type + "\" name=\"" + name + "\" value=\"" + HTMLEscaper.escape(value ?? "") + "\"></label>"
    }

    // MARK: results

    private func results() -> String {
        switch outcome {
        case .empty:
            var h = "<p class=\"hint\">"
            if let n = documentCount { h += "\(n) documents. " }
            h += query.view == .quotes
                ? "Search quotations by their words, or filter by speaker and organisation.</p>\n"
                : "Words, <code>&quot;exact phrases&quot;</code>, <code>AND</code>/<code>NOT</code>, <code>title:</code>, <code>org:DHSC</code>, <code>date:2021</code>.</p>\n"
            return h
        case .failed(let e):
            return "<p class=\"error\" role=\"alert\">" + HTMLEscaper.escape(e.message) + "</p>\n"
        case .documents(let r):
            return documents(r)
        case .quotes(let r):
            return quotes(r)
        }
    }

    private func activeFilters() -> String {
        guard !query.filters.isEmpty else { return "" }
        var h = "<ul class=\"active\">"
        for f in query.filters {
            let without = query.setting(f.name, to: nil)
            h += "<li>" + HTMLEscaper.escape(f.name) + ": " + HTMLEscaper.escape(f.value)
            h += " <a href=\"" + HTMLEscaper.escape(without.href) + "\" aria-label=\"remove filter\">×</a></li>"
        }
        return h + "</ul>\n"
    }

    private func documents(_ r: SearchResult) -> String {
        var h = "<p class=\"summary\">" + String(r.total ?? r.hits.count) + (r.total == 1 ? " match" : " matches")
        h += " (" + SearchPage.milliseconds(r.tookMs) + ")</p>\n" + activeFilters()
        h += "<div class=\"layout\">" + facets(r.facets) + "<div>"
        if r.hits.isEmpty { h += "<p class=\"hint\">Nothing matches. Try fewer words or remove a filter.</p>" }
        h += "<ol class=\"hits\" start=\"\(query.offset + 1)\">\n"
        for hit in r.hits {
            h += "<li class=\"hit\"><h2><a href=\"" + HTMLEscaper.escape(documentHref(hit.id)) + "\">"
            h += HTMLEscaper.escape(hit.title.isEmpty ? hit.id : hit.title) + "</a></h2>\n<p class=\"meta\">"
            var meta: [String] = []
            if let d = hit.date { meta.append("<time datetime=\"" + HTMLEscaper.escape(d) + "\">" + HTMLEscaper.escape(d) + "</time>") }
            if let s = hit.source { meta.append("<span class=\"source\">" + HTMLEscaper.escape(s) + "</span>") }
            meta.append(HTMLEscaper.escape(hit.kind))
            h += meta.joined(separator: " · ") + "</p>\n"
            for s in hit.snippets {
                h += "<p class=\"snippet\">"
                if let who = s.speaker { h += "<b>" + HTMLEscaper.escape(who) + ":</b> " }
                h += HTMLEscaper.highlighted(s.text, s.highlights) + "</p>\n"
            }
            h += "</li>\n"
        }
        h += "</ol>\n" + pager(total: r.total, shown: r.hits.count) + "</div></div>\n"
        return h
    }

    private func facets(_ f: Facets?) -> String {
        guard let f else { return "" }
        var h = "<aside class=\"facets\">"
        h += facetGroup("Kind", f.kind) { v in query.setting("kind", to: v) }
        h += facetGroup("Source", f.source.filter { $0.value != "(none)" }) { v in query.setting("source", to: v) }
        h += facetGroup("Year", f.year) { v in query.with { $0.from = v + "-01-01"; $0.to = v + "-12-31" } }
        h += facetGroup("Organisation", f.organisation) { v in query.setting("org", to: v) }
        return h + "</aside>"
    }

    private func facetGroup(_ title: String, _ values: [FacetCount], _ link: (String) -> PageQuery) -> String {
        guard !values.isEmpty else { return "" }
        var h = "<section><h3>" + title + "</h3><ul>"
        let here = query.with { _ in }.href
        for v in values.prefix(12) {
            let href = link(v.value).href
            h += "<li><a href=\"" + HTMLEscaper.escape(href) + "\"" + (href == here ? " aria-current=\"true\"" : "") + ">"
            h += HTMLEscaper.escape(v.value)
            h += "</a> <span class=\"count\">\(v.count)</span></li>"
        }
        return h + "</ul></section>"
    }

    private func quotes(_ r: QuoteSearchResult) -> String {
        var h = "<p class=\"summary\">" + String(r.total) + (r.total == 1 ? " quote" : " quotes")
        h += " (" + SearchPage.milliseconds(r.tookMs) + ")</p>\n" + activeFilters()
        if r.quotes.isEmpty { h += "<p class=\"hint\">No quotation matches. Quote words must all occur in the quote.</p>" }
        h += "<ol class=\"quotes\" start=\"\(query.offset + 1)\">\n"
        for q in r.quotes {
            h += "<li class=\"quote\"><blockquote>" + HTMLEscaper.highlighted(q.sentence, [q.highlight]) + "</blockquote>\n"
            h += "<p class=\"who\">"
            if let s = q.speaker {
                h += "<a class=\"speaker\" href=\"" + HTMLEscaper.escape(query.setting("speaker", to: s.name).href) + "\">" + HTMLEscaper.escape(s.name) + "</a>"
                if let role = s.role { h += ", <span class=\"role\">" + HTMLEscaper.escape(role) + "</span>" }
                if let o = s.organisation {
                    h += ", <a class=\"organisation\" href=\"" + HTMLEscaper.escape(query.setting("org", to: o).href) + "\">" + HTMLEscaper.escape(o) + "</a>"
                }
            } else {
                h += "<span class=\"role\">no speaker named</span>"
            }
            h += "</p>\n<p class=\"meta\"><a href=\"" + HTMLEscaper.escape(documentHref(q.document.id)) + "\">"
            h += HTMLEscaper.escape(q.document.title.isEmpty ? q.document.id : q.document.title) + "</a>"
            if let d = q.document.date { h += " · <time datetime=\"" + HTMLEscaper.escape(d) + "\">" + HTMLEscaper.escape(d) + "</time>" }
            if let s = q.document.source { h += " · <span class=\"source\">" + HTMLEscaper.escape(s) + "</span>" }
            h += "</p></li>\n"
        }
        h += "</ol>\n" + pager(total: r.total, shown: r.quotes.count)
        return h
    }

    /// The document's page, with this search in its query so that it can link back here.
    private func documentHref(_ id: String) -> String {
        let here = query.href
        return "/documents/" + URLQueryEncoder.pathComponent(id) + (here == "/" ? "" : "?" + here.dropFirst(2))
    }

    private func pager(total: Int?, shown: Int) -> String {
        var links: [String] = []
        if query.offset > 0 {
            let prev = query.with { $0.offset = max(0, query.offset - PageQuery.pageSize) }
            links.append("<a rel=\"prev\" href=\"" + HTMLEscaper.escape(prev.href) + "\">← Previous</a>")
        }
        let more = total.map { query.offset + shown < $0 } ?? (shown == PageQuery.pageSize)
        if more {
            let next = query.with { $0.offset = query.offset + PageQuery.pageSize }
            links.append("<a rel=\"next\" href=\"" + HTMLEscaper.escape(next.href) + "\">Next →</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\">" + links.joined(separator: " ") + "</nav>\n"
    }

    static func milliseconds(_ ms: Double) -> String {
        let tenths = (ms * 10).rounded() / 10
        return "\(tenths) ms"
    }

    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:0 1rem;color:#1b1b1b}\
        header h1{font-size:1.4rem;margin:1rem 0 .5rem}header h1 a{color:inherit;text-decoration:none}\
        form input[type=search]{width:min(36rem,70%);font-size:1.05rem;padding:.35rem}\
        button{font-size:1rem;padding:.35rem .8rem}.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.5rem 0}\
        details summary{cursor:pointer;color:#555;margin-top:.4rem}\
        .tabs{margin:.8rem 0;border-bottom:1px solid #ddd}.tabs a{display:inline-block;padding:.3rem .8rem;text-decoration:none}\
        .tabs a[aria-current]{border-bottom:3px solid #1d5fbf;font-weight:600}\
        .layout{display:grid;grid-template-columns:14rem 1fr;gap:1.5rem}@media(max-width:45rem){.layout{grid-template-columns:1fr}}\
        .facets h3{font-size:.9rem;margin:.8rem 0 .2rem;color:#555}.facets ul{list-style:none;margin:0;padding:0;font-size:.9rem}\
        .count{color:#777}.facets a[aria-current]{font-weight:600}.hits,.quotes{padding-left:1.5rem}.hit h2{font-size:1.1rem;margin:1rem 0 .1rem}\
        .meta{color:#555;font-size:.9rem;margin:.1rem 0}.snippet{margin:.3rem 0}mark{background:#ffe27a;padding:0 .1em}\
        blockquote{margin:1rem 0 .2rem;padding-left:.8rem;border-left:3px solid #ccc}.who{margin:.1rem 0}\
        .active{list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}.active li{background:#eef;border-radius:1rem;padding:0 .6rem}\
        .error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6rem}.summary,.hint{color:#555}\
        .pager{margin:1rem 0}footer{margin:2rem 0 1rem;color:#777;font-size:.85rem}
        """
}
