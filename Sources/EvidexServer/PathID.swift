/// The id in `/api/documents/{id}` or `/api/orgs/{id}`, taken from the raw request path:
/// ids hold slashes (`news/x.txt`) and `#` (`file.jsonl#3`), so everything after the prefix is
/// the id, percent-decoded once (`%2F` is a slash, `+` stays a plus). Ids are only ever looked
/// up in the index, never used as file paths, so `../` is just an id that does not exist.
enum PathID {
    static func id(in path: String, after prefix: String) throws(APIError) -> String {
        guard path.hasPrefix(prefix) else { throw .notFound("no such path") }
        let raw = path.dropFirst(prefix.count)
        let id = try PercentDecoder.decode(raw.utf8, plusIsSpace: false, what: "the id in the path")
        guard !id.isEmpty else { throw .badParameter("the path needs an id after \(prefix)") }
        return id
    }
}
