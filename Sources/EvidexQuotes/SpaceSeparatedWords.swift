/// Splits names and roles into their space-separated words. `split(separator: " ")` compares
/// Characters (a grapheme-breaking walk through the string) and was a visible cost of
/// attribution; an ASCII string's Characters are its bytes, so its words are cut on bytes.
enum SpaceSeparatedWords {
    /// `text.split(separator: " ").map(String.init)`: the same words, empty ones omitted.
    static func words(_ text: String) -> [String] {
        var text = text
        let ascii: [String]? = text.withUTF8 { utf8 in
            var out: [String] = []
            var start = 0
            for (i, b) in utf8.enumerated() {
                if b >= 0x80 { return nil }
                // "\r\n" is one Character: such text takes the general path too
                if b == 0x0D { return nil }
                if b == 0x20 {
                    if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<i]), as: UTF8.self)) }
                    start = i + 1
                }
            }
            if utf8.count > start {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]), as: UTF8.self))
            }
            return out
        }
        return ascii ?? text.split(separator: " ").map(String.init)
    }
}
