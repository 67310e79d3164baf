/// JSON string literal escaping (RFC 8259), for output written field by field where building a
/// Codable value first would cost more than the line itself (`evidex query`, `evidex extract`).
public enum JSONString {
    public static func append(_ s: String, to out: inout String) {
        // Most strings (ids, names, paths) need no escape and are appended whole; appending
        // one code point at a time cost hundreds of instructions each.
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            plain = false
            break
        }
        out += "\""
        if plain {
            out += s
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count + 8)
            for b in s.utf8 {
                switch b {
                case 0x22: bytes += [0x5C, 0x22]             // \"
                case 0x5C: bytes += [0x5C, 0x5C]             // \\
                case 0x0A: bytes += [0x5C, 0x6E]             // \n
                case 0x0D: bytes += [0x5C, 0x72]             // \r
                case 0x09: bytes += [0x5C, 0x74]             // \t
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]   // \u00XX
                default: bytes.append(b)
                }
            }
            out += String(decoding: bytes, as: UTF8.self)
        }
        out += "\""
    }
}
