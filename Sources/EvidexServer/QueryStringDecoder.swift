/// Splits a raw query string (`q=bitter+irony&limit=5`) into decoded name/value pairs.
enum QueryStringDecoder {
    /// - Parameter maxBytes: a longer raw query string is refused with 414 before any decoding.
    static func decode(_ raw: String?, maxBytes: Int) throws(APIError) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        guard raw.utf8.count <= maxBytes else { throw .uriTooLong(maxBytes) }
        var pairs: [(name: String, value: String)] = []
        for part in raw[...].utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let eq = part.firstIndex(of: UInt8(ascii: "="))
            let name = try PercentDecoder.decode(part[part.startIndex..<(eq ?? part.endIndex)], plusIsSpace: true,
                                                 what: "a query parameter name")
            var value = ""
            if let eq {
                value = try PercentDecoder.decode(part[part.index(after: eq)...], plusIsSpace: true, what: "the value of \(name)")
            }
            pairs.append((name, value))
        }
        return pairs
    }
}
