@testable import EvidexServer
import HummingbirdTesting
import Testing

@Suite("GET / (the HTML page)")
struct SearchPageTests {
    @Test("A search renders hits with the phrase in <mark>, date, facets and a linkable URL")
    func documents() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/?q=%22bitter+irony%22")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let html = r.text
            #expect(html.contains("<mark>bitter irony</mark>"))
            #expect(html.contains("<mark>Bitter irony</mark>"))
            #expect(html.contains("<time datetime=\"2021-06-08\">2021-06-08</time>"))
            #expect(html.contains("value=\"&quot;bitter irony&quot;\""))
            #expect(html.contains("<a href=\"/?q=%22bitter+irony%22&amp;kind=news\">news</a>"))
            #expect(html.contains("<a href=\"/?q=%22bitter+irony%22&amp;from=2021-01-01&amp;to=2021-12-31\">2021</a>"))
            #expect(html.contains("<a href=\"/documents/ics-discrimination-2021-06-08.txt?q=%22bitter+irony%22\">"))
            // No external assets.
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(html.contains("<script src=\"/app.js\" defer></script>"))
        }
    }

    @Test("Facet filters apply and can be removed; empty form fields are ignored")
    func filters() async throws {
        try await ServerFixture.withServer { client in
            let html = try await client.get("/?q=workforce&kind=evidence&source=&from=&to=&org=").text
            #expect(html.contains("kind: evidence <a href=\"/?q=workforce\""))
            #expect(html.contains("<option selected>evidence</option>"))
            // Every hit's meta line ends with its kind.
            #expect(html.contains("evidence</p>"))
            #expect(!html.contains("news</p>"))
        }
    }

    @Test("The quotes view shows speaker, role and organisation with the quote marked")
    func quotes() async throws {
        try await ServerFixture.withServer { client in
            let html = try await client.get("/?view=quotes&q=bitter+irony").text
            #expect(html.contains("<mark>It is a bitter irony that so many health and care staff are made ill because of their work,</mark>"))
            #expect(html.contains(">Suzie Bailey</a>"))
            #expect(html.contains("<span class=\"role\">director of leadership and organisational development at The King’s Fund</span>"))
            #expect(html.contains(">The King&#39;s Fund</a>"))
            #expect(html.contains("aria-current=\"page\">Quotes</a>"))
        }
    }

    @Test("Queries and stored text are escaped: markup in the URL never becomes markup")
    func escaping() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27")
            let html = r.text
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"))
            let attr = try await client.get("/?q=x&source=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E").text
            #expect(!attr.contains("<img"))
        }
    }

    @Test("Invalid input renders the page with the reason and the error's status")
    func errors() async throws {
        try await ServerFixture.withServer { client in
            let kind = try await client.get("/?q=burnout&kind=podcast")
            #expect(kind.status == .badRequest)
            #expect(kind.text.contains("role=\"alert\">kind must be news, evidence or other, not podcast</p>"))
            let syntax = try await client.get("/?q=%28burnout")
            #expect(syntax.status == .badRequest)
            #expect(syntax.text.contains("unclosed ("))
            let view = try await client.get("/?view=tables")
            #expect(view.status == .badRequest)
        }
    }

    @Test("Paging links carry the query and filters")
    func paging() async throws {
        try await ServerFixture.withServer { client in
            let html = try await client.get("/?q=staff").text
            #expect(html.contains("<a rel=\"next\" href=\"/?q=staff&amp;offset=10\">"))
            let second = try await client.get("/?q=staff&offset=10").text
            #expect(second.contains("<ol class=\"hits\" start=\"11\">"))
            #expect(second.contains("<a rel=\"prev\" href=\"/?q=staff\">"))
        }
    }

    @Test("The empty page is the form; /app.js is served as JavaScript")
    func emptyAndScript() async throws {
        try await ServerFixture.withServer { client in
            let html = try await client.get("/").text
            #expect(html.contains("<form id=\"search\" method=\"get\" action=\"/\""))
            #expect(html.contains("documents."))
            let js = try await client.get("/app.js")
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(js.text.contains("history.pushState"))
        }
    }

    @Test("A result leads to its document's page, which links back to the results")
    func documentPage() async throws {
        try await ServerFixture.withServer { client in
            let r = try await client.get("/documents/ics-discrimination-2021-06-08.txt?q=%22bitter+irony%22&kind=news")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            let html = r.text
            #expect(html.contains("<h2>ICSs should have ‘duty’ to report progress on addressing discrimination</h2>"))
            #expect(html.contains("By Jess Hacker · <time datetime=\"2021-06-08\">2021-06-08</time>"))
            #expect(html.contains("<h3>‘Bitter irony’</h3>"))
            #expect(html.contains("‘It is a bitter irony that so many health and care staff are made ill because of their work,’"))
            #expect(html.contains("<a href=\"/?q=%22bitter+irony%22&amp;kind=news\">← Results</a>"))

            let transcript = try await client.get("/api/search?q=speaker%3Apenhaligon&limit=1")
            let id = try #require(try transcript.decode(SearchResultIDs.self).hits.first?.id)
            let turns = try await client.get("/documents/" + id.replacingOccurrences(of: "/", with: "%2F")).text
            #expect(turns.contains(":</b> "))

            let missing = try await client.get("/documents/no-such.txt")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("no document with id no-such.txt"))
            #expect(try await client.get("/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd").status == .notFound)
            #expect(try await client.get("/documents/%ZZ").status == .badRequest)
        }
    }

    struct SearchResultIDs: Decodable {
        struct Hit: Decodable { let id: String }
        let hits: [Hit]
    }

    @Test("Highlight spans out of order, overlapping or out of range are clipped, and text is escaped")
    func highlighting() {
        #expect(HTMLEscaper.highlighted("a<b>c", [[1, 4]]) == "a<mark>&lt;b&gt;</mark>c")
        #expect(HTMLEscaper.highlighted("héllo wörld", [[6, 11], [0, 5]]) == "<mark>héllo</mark> <mark>wörld</mark>")
        #expect(HTMLEscaper.highlighted("abcdef", [[0, 3], [2, 5]]) == "<mark>abc</mark><mark>de</mark>f")
        #expect(HTMLEscaper.highlighted("abc", [[2, 99], [5, 9], [1]]) == "ab<mark>c</mark>")
    }
}
