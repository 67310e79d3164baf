import Testing
@testable import EvidexDocuments

@Suite("HTML")
struct HTMLTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
      <meta charset="utf-8">
      <title>Trusts told to publish waiting times | Health News Daily</title>
      <meta property="og:title" content="Trusts told to publish waiting times">
      <meta property="og:site_name" content="Health News Daily">
      <meta property="og:type" content="article">
      <meta property="article:published_time" content="2023-11-02T09:15:00+00:00">
      <meta name="author" content="Priya Patel">
      <link rel="canonical" href="https://healthnews.example/trusts-waiting-times">
      <style>p { color: red }</style>
      <script>var tracking = "do not index me";</script>
    </head>
    <body>
      <header><nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Sign in to read more</p></header>
      <main>
        <article>
          <h1>Trusts told to publish waiting times</h1>
          <p class="standfirst">NHS trusts in England must publish A&amp;E waiting times every week, the Department of Health &amp; Social Care said.</p>
          <p>The rule, which costs &pound;2m a year, starts in January &ndash; a move welcomed by patients&#8217; groups.</p>
          <aside><p>Related: another story</p></aside>
          <h2>What the rule requires</h2>
          <ul>
            <li>Weekly figures for each emergency department</li>
            <li>Breaches of the <em>four-hour</em> target</li>
          </ul>
          <blockquote><p>&lsquo;Patients deserve to know,&rsquo; said the minister.</p></blockquote>
          <h3>Reaction</h3>
          <p>The NHS Confederation said the data<br>would help.</p>
          <form><p>Subscribe to our newsletter</p></form>
          <script>document.write("nope")</script>
        </article>
        <section class="more"><article><h2>Other news</h2><p>Short teaser.</p></article></section>
      </main>
      <footer><p>&copy; Health News Daily</p></footer>
    </body>
    </html>
    """

    @Test("Metadata, article blocks, skipped page furniture, entities")
    func article() throws {
        let result = DocumentLoader().load(text: Self.page, relativePath: "site/trusts.html")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let doc = try #require(result.single)
        #expect(doc.kind == .news)
        #expect(doc.title == "Trusts told to publish waiting times")
        #expect(doc.date == Day(year: 2023, month: 11, day: 2))
        #expect(doc.author == "Priya Patel")
        #expect(doc.source == "Health News Daily")
        #expect(doc.url == "https://healthnews.example/trusts-waiting-times")
        #expect(doc.headings == ["What the rule requires", "Reaction"])
        #expect(doc.paragraphs.map(\.text) == [
            "NHS trusts in England must publish A&E waiting times every week, the Department of Health & Social Care said.",
            "The rule, which costs £2m a year, starts in January – a move welcomed by patients’ groups.",
            "Weekly figures for each emergency department",
            "Breaches of the four-hour target",
            "‘Patients deserve to know,’ said the minister.",
            "The NHS Confederation said the data would help.",
        ])
        #expect(doc.paragraphs.map(\.section) == [nil, nil, 0, 0, 0, 1])
        for junk in ["tracking", "Sign in", "Related:", "Subscribe", "nope", "Home", "©", "teaser", "color"] {
            #expect(!doc.body.contains(junk), "\(junk)")
        }
    }

    @Test("No og:title: <h1> is the title, <title>'s site suffix dropped; <time datetime>; rel=author")
    func fallbacks() throws {
        let html = """
        <html><head><title>Flu jabs offered to all over-50s - The Local Paper</title></head>
        <body><div class="story">
        <h1>Flu jabs offered to all over-50s</h1>
        <p>By <a rel="author" href="/staff/lee">Chris Lee</a> &middot; <time datetime="2022-09-01">1 September</time></p>
        <p>Everyone aged 50 or over can book a flu jab from today.</p>
        <h2>How to book</h2>
        <p>Use the NHS App or call 119.</p>
        </div></body></html>
        """
        let doc = try #require(DocumentLoader().load(text: html, relativePath: "flu.htm").single)
        #expect(doc.title == "Flu jabs offered to all over-50s")
        #expect(doc.date == Day(year: 2022, month: 9, day: 1))
        #expect(doc.author == "Chris Lee")
        #expect(doc.source == nil)
        #expect(doc.headings == ["How to book"])
        #expect(doc.paragraphs.map(\.text) == ["Everyone aged 50 or over can book a flu jab from today.", "Use the NHS App or call 119."])
        #expect(doc.paragraphs.last?.section == 0)
    }

    @Test("Only <title>: its ' | Site' suffix stays unless h1/og or og:site_name confirm it")
    func titleOnly() throws {
        let html = "<html><head><title>Budget 2024 | Analysis</title></head><body><p>Text.</p></body></html>"
        let doc = try #require(DocumentLoader().load(text: html, relativePath: "b.html").single)
        #expect(doc.title == "Budget 2024 | Analysis")
        let html2 = "<html><head><title>Budget 2024 | NHS News</title><meta property='og:site_name' content='NHS News'></head><body><p>Text.</p></body></html>"
        #expect(DocumentLoader().load(text: html2, relativePath: "b.html").single?.title == "Budget 2024")
    }

    @Test("Broken HTML is recovered, not rejected")
    func broken() throws {
        let html = "<p>Unclosed <b>bold<p>Second &amp; last <div>x"
        let doc = try #require(DocumentLoader().load(text: html, relativePath: "broken.html").single)
        #expect(doc.paragraphs.map(\.text).prefix(2) == ["Unclosed bold", "Second & last"])
    }

    @Test("Many HTML files load in parallel with the same results as one by one")
    func parallel() throws {
        let dir = try TempDir()
        var files: [SourceFile] = []
        for i in 0..<40 {
            try dir.write("p\(i).html", Self.page.replacingOccurrences(of: "Priya Patel", with: "Author \(i)"))
            files.append(dir.source("p\(i).html"))
        }
        let loader = DocumentLoader()
        let together = loader.load(files)
        #expect(together.problems.isEmpty)
        #expect(together.documents == files.compactMap { loader.load($0).single })
        #expect(together.documents.map(\.author) == (0..<40).map { "Author \($0)" })
    }
}
