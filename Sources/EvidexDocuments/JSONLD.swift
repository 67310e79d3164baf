import Foundation

/// The few fields read from a page's JSON-LD (schema.org NewsArticle and the like).
struct JSONLD {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var author: String?
    var publisher: String?

    init(_ scripts: [String]) {
        for script in scripts {
            guard let data = script.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data) else { continue }
            visit(json, depth: 0)
        }
    }

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "webpage", "opinionnewsarticle", "report", "scholarlyarticle",
    ]

    private mutating func visit(_ node: Any, depth: Int) {
        guard depth < 6 else { return }
        if let arr = node as? [Any] { for x in arr { visit(x, depth: depth + 1) }; return }
        guard let obj = node as? [String: Any] else { return }
        if let graph = obj["@graph"] { visit(graph, depth: depth + 1) }
        let types: [String] = (obj["@type"] as? String).map { [$0] } ?? (obj["@type"] as? [String]) ?? []
        guard types.contains(where: { Self.articleTypes.contains($0.lowercased()) }) else { return }
        if headline == nil { headline = (obj["headline"] as? String).map { TextTools.clean($0) } }
        if datePublished == nil { datePublished = obj["datePublished"] as? String }
        if dateModified == nil { dateModified = obj["dateModified"] as? String }
        if author == nil { author = Self.name(obj["author"]) }
        if publisher == nil { publisher = Self.name(obj["publisher"]) }
    }

    private static func name(_ v: Any?) -> String? {
        if let s = v as? String { return s.isEmpty ? nil : s }
        if let o = v as? [String: Any] { return o["name"] as? String }
        if let a = v as? [Any] {
            let names = a.compactMap { name($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }
}
