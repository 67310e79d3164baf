/// Builds query strings for the page's links the way an HTML form submits them
/// (application/x-www-form-urlencoded: space as `+`, everything but unreserved bytes escaped),
/// so that a link and a form submission for the same search are the same URL.
enum URLQueryEncoder {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { component($0.0) + "=" + component($0.1) }.joined(separator: "&")
    }

    static func component(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 15)])
            }
        }
        return out
    }

    /// A path segment: like a query component but a space is `%20` (a `+` in a path is a plus).
    static func pathComponent(_ s: String) -> String {
        component(s).replacingPlus()
    }
}

private extension String {
    func replacingPlus() -> String {
        var out = ""
        for u in unicodeScalars { if u == "+" { out += "%20" } else { out.unicodeScalars.append(u) } }
        return out
    }
}
