import Foundation

enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T, pretty: Bool = false) {
        Swift.print(encode(value, pretty: pretty))
    }
}

/// JSON string literal escaping (RFC 8259).
enum JSONString {
    static func append(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
