/// What the HTML page shows, all of it in the URL (`/?q=…&kind=news&view=quotes`), so that
/// every page of results can be linked, bookmarked and reloaded.
struct PageQuery: Sendable, Equatable {
    enum View: String, Sendable {
        case documents, quotes
    }

    var view: View = .documents
    var q: String = ""
    var from: String?
    var to: String?
    var source: String?
    var kind: String?
    var org: String?
    /// Quotes view only.
    var speaker: String?
    var offset = 0

    static let pageSize = 10

    init() {}

    init(_ p: QueryParameters, maxOffset: Int) throws(APIError) {
        if let v = try p.string("view") {
            guard let view = View(rawValue: v) else { throw .badParameter("view must be documents or quotes, not \(v)") }
            self.view = view
        }
        q = try p.string("q") ?? ""
        from = try p.string("from")
        to = try p.string("to")
        source = try p.string("source")
        kind = try p.string("kind")
        org = try p.string("org")
        speaker = try p.string("speaker")
        offset = try p.int("offset", default: 0, range: 0...maxOffset)
    }

    /// The filters in use, as (parameter, value), in the order the page lists them.
    var filters: [(name: String, value: String)] {
        var f: [(String, String)] = []
        if let kind { f.append(("kind", kind)) }
        if let source { f.append(("source", source)) }
        if let org { f.append(("org", org)) }
        if let from { f.append(("from", from)) }
        if let to { f.append(("to", to)) }
        if view == .quotes, let speaker { f.append(("speaker", speaker)) }
        return f.map { (name: $0.0, value: $0.1) }
    }

    /// The URL of this page (`/?…`), parameters in a fixed order, empty ones left out.
    var href: String {
        var pairs: [(String, String)] = []
        if view != .documents { pairs.append(("view", view.rawValue)) }
        if !q.isEmpty { pairs.append(("q", q)) }
        for f in filters { pairs.append((f.name, f.value)) }
        if offset > 0 { pairs.append(("offset", String(offset))) }
        return pairs.isEmpty ? "/" : "/?" + URLQueryEncoder.encode(pairs)
    }

    /// This page with a change, back on the first page of results unless the change is the page.
    func with(_ change: (inout PageQuery) -> Void) -> PageQuery {
        var p = self
        p.offset = 0
        change(&p)
        return p
    }

    func setting(_ name: String, to value: String?) -> PageQuery {
        with { p in
            switch name {
            case "kind": p.kind = value
            case "source": p.source = value
            case "org": p.org = value
            case "from": p.from = value
            case "to": p.to = value
            case "speaker": p.speaker = value
            default: break
            }
        }
    }
}
