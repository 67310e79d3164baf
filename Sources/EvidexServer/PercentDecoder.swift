/// Strict percent-decoding of URL parts (RFC 3986), written out because Hummingbird leaves
/// `+` alone and quietly keeps malformed escapes: here a `%` not followed by two hex digits,
/// or bytes that are not UTF-8, are the caller's error, not something to guess around.
enum PercentDecoder {
    /// - Parameter plusIsSpace: query strings from HTML forms write a space as `+`
    ///   (application/x-www-form-urlencoded); paths do not.
    static func decode(_ raw: Substring.UTF8View, plusIsSpace: Bool, what: @autoclosure () -> String) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i != raw.endIndex {
            let b = raw[i]
            if b == UInt8(ascii: "%") {
                let h = raw.index(after: i)
                guard h != raw.endIndex, let hi = hexValue(raw[h]) else { throw badEscape(raw, at: i, what()) }
                let l = raw.index(after: h)
                guard l != raw.endIndex, let lo = hexValue(raw[l]) else { throw badEscape(raw, at: i, what()) }
                bytes.append(hi << 4 | lo)
                i = raw.index(after: l)
                continue
            }
            bytes.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i = raw.index(after: i)
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw .badEncoding("\(what()) is not valid UTF-8 once percent-decoded; encode text as UTF-8 before escaping it")
        }
        return s
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func badEscape(_ raw: Substring.UTF8View, at i: Substring.UTF8View.Index, _ what: String) -> APIError {
        // Show the escape as sent (at most three bytes), which is ASCII or close to it.
        let end = raw.index(i, offsetBy: 3, limitedBy: raw.endIndex) ?? raw.endIndex
        let shown = String(decoding: raw[i..<end], as: UTF8.self)
        return .badEncoding("\(what) has an invalid percent-escape \"\(shown)\"; write % as %25 and escape bytes as %XX with two hex digits")
    }
}
