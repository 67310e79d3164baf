import CEvidexScan

/// Unicode properties of scalars from lookup tables. `Unicode.Scalar.properties` is a binary
/// search per call and was a quarter of the annotation time, so the scripts news text is
/// written in (U+0000–U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic) and the General
/// Punctuation block (curly quotes, dashes) are tabulated once; other scalars fall back to
/// `properties` and get exactly the same answers.
enum ScalarInfo {
    static let whitespace: UInt8 = 1
    static let alphabetic: UInt8 = 2
    static let uppercase: UInt8 = 4
    static let numeric: UInt8 = 8
    /// Letter or number general category: Python's `str.isalnum`, which `ScalarClass` follows.
    static let alnum: UInt8 = 16
    static let nonspacingMark: UInt8 = 32

    private static let lowBlock = 0x800
    private static let punctuationStart: UInt32 = 0x2000
    private static let punctuationCount = 0x80

    /// Flags of U+0000..U+07FF, then of U+2000..U+207F.
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: lowBlock + punctuationCount)
        for v in 0..<lowBlock {
            if let s = Unicode.Scalar(UInt32(v)) { t[v] = compute(s) }
        }
        for k in 0..<punctuationCount {
            t[lowBlock + k] = compute(Unicode.Scalar(punctuationStart + UInt32(k))!)
        }
        return t
    }()

    /// The single-scalar lower-case form the organisation keys use (a scalar whose lower case
    /// is several scalars stays as it is), for the same ranges as `table`.
    static let lowerTable: [UInt32] = {
        var t = [UInt32](repeating: 0, count: lowBlock + punctuationCount)
        for v in 0..<lowBlock {
            t[v] = Unicode.Scalar(UInt32(v)).map { computeLower($0).value } ?? UInt32(v)
        }
        for k in 0..<punctuationCount {
            t[lowBlock + k] = computeLower(Unicode.Scalar(punctuationStart + UInt32(k))!).value
        }
        return t
    }()

    static func compute(_ s: Unicode.Scalar) -> UInt8 {
        let p = s.properties
        var f: UInt8 = 0
        if p.isWhitespace { f |= whitespace }
        if p.isAlphabetic { f |= alphabetic }
        if p.isUppercase { f |= uppercase }
        if p.numericType != nil { f |= numeric }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            f |= alnum
        case .nonspacingMark:
            f |= nonspacingMark
        default:
            break
        }
        return f
    }

    static func computeLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII, c.value >= 65, c.value <= 90 { return Unicode.Scalar(c.value + 32)! }
        if !c.isASCII, c.properties.changesWhenLowercased {
            let mapped = c.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first! : c
        }
        return c
    }

    @inline(__always)
    static func flags(_ s: Unicode.Scalar) -> UInt8 {
        let v = s.value
        if v < 0x800 { return table[Int(v)] }
        let p = v &- punctuationStart
        if p < UInt32(punctuationCount) { return table[lowBlock + Int(p)] }
        return compute(s)
    }

    @inline(__always)
    static func has(_ s: Unicode.Scalar, _ flag: UInt8) -> Bool {
        flags(s) & flag != 0
    }

    /// `s.properties.isWhitespace`.
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return has(s, whitespace)
    }

    /// Lower case as `OrganisationTokenizer` keys need it.
    @inline(__always)
    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return v >= 65 && v <= 90 ? Unicode.Scalar(UInt8(v + 32)) : s }
        if v < 0x800 { return unsafeBitCast(lowerTable[Int(v)], to: Unicode.Scalar.self) }
        let p = v &- punctuationStart
        if p < UInt32(punctuationCount) {
            return unsafeBitCast(lowerTable[lowBlock + Int(p)], to: Unicode.Scalar.self)
        }
        return computeLower(s)
    }

    /// The scalars of a string, decoded straight from its UTF-8 (several times faster than
    /// `Array(text.unicodeScalars)`, which goes through the generic iterator).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var quoteBytes = false
                count = decode(utf8, into: out, at: 0, quoteBytes: &quoteBytes)
            }
        }
    }

    /// Decodes valid UTF-8 into `out` from index `at`; returns the index after the last scalar.
    /// `out` needs room for `utf8.count` scalars past `at`. `quoteBytes` becomes true when the
    /// text holds `"`, `'` or a non-ASCII byte (so may hold a quotation mark), else is untouched.
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>, at: Int,
                       quoteBytes: inout Bool) -> Int {
        guard let src = utf8.baseAddress, let dst = out.baseAddress else { return at }
        var flag: Int32 = 0
        // Unicode.Scalar is a UInt32 value: the C kernel writes scalar values in place.
        let n = evx_utf8_decode(src, utf8.count, UnsafeMutableRawPointer(dst + at).assumingMemoryBound(to: UInt32.self), &flag)
        if flag != 0 { quoteBytes = true }
        return at + n
    }

    /// The text of `scalars[r]`, encoded to UTF-8 directly (the same string as
    /// `String(String.UnicodeScalarView(scalars[r]))`, which appends scalar by scalar).
    static func string(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> String {
        // The exact length, so that a short word (up to 15 bytes) is made in place as a small
        // string: a capacity of four bytes a scalar allocated it on the heap.
        var bytes = 0
        for k in r { bytes += utf8Length(scalars[k].value) }
        return String(unsafeUninitializedCapacity: bytes) { buf in
            var n = 0
            for k in r { encode(scalars[k].value, into: buf, at: &n) }
            return n
        }
    }

    /// The texts of the tokens' ranges joined by single spaces, made as one string (the same as
    /// mapping each to `string` and joining them, which made a string per word and then another).
    static func joined(_ scalars: [Unicode.Scalar], _ tokens: ArraySlice<Token>) -> String {
        scalars.withUnsafeBufferPointer { text in
            var capacity = max(tokens.count - 1, 0)
            for t in tokens {
                for k in t.range { capacity += utf8Length(text[k].value) }
            }
            return String(unsafeUninitializedCapacity: capacity) { buf in
                var n = 0
                var first = true
                for t in tokens {
                    if !first {
                        buf[n] = 0x20
                        n += 1
                    }
                    first = false
                    for k in t.range { encode(text[k].value, into: buf, at: &n) }
                }
                return n
            }
        }
    }

    @inline(__always)
    private static func utf8Length(_ v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Writes scalar value `v` as UTF-8 at `n` and advances it.
    @inline(__always)
    private static func encode(_ v: UInt32, into buf: UnsafeMutableBufferPointer<UInt8>, at n: inout Int) {
        if v < 0x80 {
            buf[n] = UInt8(truncatingIfNeeded: v)
            n += 1
        } else if v < 0x800 {
            buf[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
            buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            n += 2
        } else if v < 0x10000 {
            buf[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
            buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
            buf[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            n += 3
        } else {
            buf[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
            buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
            buf[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
            buf[n + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            n += 4
        }
    }
}
