/// Bytes to text: UTF-8 (BOM dropped), UTF-16 with a BOM, Windows-1252 for Latin-1 files,
/// U+FFFD for stray invalid sequences; NUL bytes or mostly control characters mean binary.
enum TextDecoding {
    enum Outcome {
        case text(String, warning: DocumentError.Reason?)
        case binary
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = bytes.count
        if n >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .text(decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF), warning: nil)
        }
        var body = bytes
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        if looksBinary(body) { return .binary }
        if let s = String(validating: body, as: UTF8.self) { return .text(s, warning: nil) }
        let (invalid, validMultibyte, high) = scanUTF8(body)
        if validMultibyte == 0 || invalid > validMultibyte * 4 {
            // Latin-1/Windows-1252 text has a few high bytes among ASCII; far more means not text.
            if high * 10 > body.count * 3 { return .binary }
            return .text(decodeWindows1252(body), warning: .decodedAsWindows1252)
        }
        return .text(String(decoding: body, as: UTF8.self), warning: .invalidUTF8(replacements: invalid))
    }

    /// NUL bytes, or more than 2% C0 control characters other than whitespace, in the first 64 KB.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = min(bytes.count, 65536)
        var controls = 0
        for i in 0..<sample {
            let b = bytes[i]
            if b < 0x20 {
                if b == 0 { return true }
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x0B && b != 0x1B { controls += 1 }
            } else if b == 0x7F {
                controls += 1
            }
        }
        return controls * 50 > sample && controls > 0
    }

    /// Counts invalid sequences, valid multi-byte sequences and bytes >= 0x80.
    static func scanUTF8(_ b: UnsafeBufferPointer<UInt8>) -> (invalid: Int, validMultibyte: Int, high: Int) {
        var i = 0, invalid = 0, valid = 0, high = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            high += 1
            var need = 0
            var minCP: UInt32 = 0
            var cp: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; cp = UInt32(c & 0x1F); minCP = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(c & 0x0F); minCP = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(c & 0x07); minCP = 0x10000
            default: invalid += 1; i += 1; continue
            }
            var ok = i + need < n
            if ok {
                for k in 1...need {
                    let cc = b[i + k]
                    if cc & 0xC0 != 0x80 { ok = false; break }
                    cp = (cp << 6) | UInt32(cc & 0x3F)
                }
            }
            if ok && cp >= minCP && cp <= 0x10FFFF && !(0xD800...0xDFFF).contains(cp) {
                valid += 1
                high += need
                i += need + 1
            } else {
                invalid += 1
                i += 1
            }
        }
        return (invalid, valid, high)
    }

    private static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? UInt32(cp1252High[Int(b) - 0x80]) : UInt32(b)
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
