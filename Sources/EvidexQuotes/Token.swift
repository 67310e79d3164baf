/// A word or punctuation scalar of the text outside quotation marks. It holds no strings: its
/// forms (`text(_:)` as written, `lower(_:)` lower-cased) are its range of the text's scalars,
/// compared by hash and then scalar by scalar, and made as strings only where a result needs
/// them (speaker names, roles). Making two strings per word, and retaining and releasing them
/// with every copy, was a large part of the extractor's time.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, punct, quote(Int) }
    var range: Range<Int>
    var kind: Kind
    /// Starts with an uppercase letter (names, organisations, sentence starts).
    var capitalised: Bool
    /// A quotation whose last words end a sentence and that the next sentence follows.
    var closesSentence = false
    /// A quotation whose words end in a comma (‘…,’ she said).
    var endsWithComma = false
    /// `WordSet.hash` of the lower-case form when it is ASCII (`lowerASCII`), so that word-list
    /// lookups on tokens need not hash it again.
    var lowerHash: UInt64 = 0
    var lowerASCII = false

    /// Stands for a whole quotation in a paragraph's tokens.
    static let quoteText = "\"…\""

    var isWord: Bool { kind == .word }

    /// The token as written: the scalars of its range (with an abbreviation's dot), or the
    /// quotation placeholder.
    func text(_ scalars: [Unicode.Scalar]) -> String {
        if case .quote = kind { return Self.quoteText }
        if kind == .punct, range.count == 1, scalars[range.lowerBound].isASCII {
            return Tokenizer.asciiStrings[Int(scalars[range.lowerBound].value)]
        }
        return ScalarInfo.string(scalars, range)
    }

    /// The lower-case form, made as the tokenizer used to store it: an ASCII word lower-cased
    /// byte by byte, another word by `lowercased()` (an abbreviation's dot kept), punctuation
    /// as it is.
    func lower(_ scalars: [Unicode.Scalar]) -> String {
        switch kind {
        case .quote:
            return Self.quoteText
        case .punct:
            return text(scalars)
        case .word:
            if lowerASCII {
                return String(unsafeUninitializedCapacity: range.count) { buf in
                    for k in range { buf[k - range.lowerBound] = UInt8(truncatingIfNeeded: Tokenizer.asciiLower(scalars[k].value)) }
                    return range.count
                }
            }
            // A word ends in "." only when the tokenizer added an abbreviation's dot.
            let dot = scalars[range.upperBound - 1] == "."
            let body = ScalarInfo.string(scalars, range.lowerBound..<(dot ? range.upperBound - 1 : range.upperBound))
            return dot ? body.lowercased() + "." : body.lowercased()
        }
    }

    /// `lower(scalars) == word`. An ASCII form is compared with the word's bytes in place (an
    /// ASCII string equals only the same bytes); any other is made and compared as a string,
    /// which keeps String's canonical equivalence.
    func isLower(_ word: String, _ scalars: [Unicode.Scalar]) -> Bool {
        guard lowerASCII else { return lower(scalars) == word }
        guard word.utf8.count == range.count else { return false }
        // the word's bytes in place, as `OrganisationToken.equals` compares them
        @inline(__always) func same(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            scalars.withUnsafeBufferPointer { text in
                var n = 0
                for k in range {
                    if UInt32(bytes[n]) != Tokenizer.asciiLower(text[k].value) { return false }
                    n += 1
                }
                return true
            }
        }
        if let r = word.utf8.withContiguousStorageIfAvailable(same) { return r }
        var word = word
        return word.withUTF8(same)
    }

    /// `lower(scalars) == word.text`, ruled out by the hash for nearly every other ASCII word.
    @inline(__always)
    func isLower(_ word: LowerWord, _ scalars: [Unicode.Scalar]) -> Bool {
        guard lowerASCII else { return lower(scalars) == word.text }
        return lowerHash == word.hash && range.count == word.count && isLower(word.text, scalars)
    }

    /// `lower(scalars).hasSuffix(suffix)` for an ASCII `suffix`.
    func lowerHasSuffix(_ suffix: String, _ scalars: [Unicode.Scalar]) -> Bool {
        guard lowerASCII else { return lower(scalars).hasSuffix(suffix) }
        // an ASCII word's characters are its scalars
        let n = suffix.utf8.count
        guard range.count >= n else { return false }
        var k = range.upperBound - n
        for b in suffix.utf8 {
            if UInt32(b) != Tokenizer.asciiLower(scalars[k].value) { return false }
            k += 1
        }
        return true
    }

    /// `lower.hasSuffix("ly") && lower.count > 4`: the shape of an -ly adverb.
    func hasAdverbEnding(_ scalars: [Unicode.Scalar]) -> Bool {
        guard lowerASCII else {
            let w = lower(scalars)
            return w.hasSuffix("ly") && w.count > 4
        }
        // an ASCII word's characters are its scalars
        return range.count > 4 && Tokenizer.asciiLower(scalars[range.upperBound - 2].value) == 0x6C
            && Tokenizer.asciiLower(scalars[range.upperBound - 1].value) == 0x79
    }
    var quoteIndex: Int? { if case .quote(let q) = kind { return q }; return nil }

    /// A dash of any width ("-" also stands for one: "--" is two such tokens).
    var isDash: Bool {
        isPunct("\u{2014}") || isPunct("\u{2013}") || isPunct("-") || isPunct("\u{2015}")
    }
    /// A punctuation token's `lowerHash` is a one-to-one function of its one scalar, so the
    /// punctuation tests compare hashes instead of strings (these run in every clause scan).
    var endsSentence: Bool {
        (kind == .punct && (lowerHash == Self.punctHash(".") || lowerHash == Self.punctHash("!")
            || lowerHash == Self.punctHash("?"))) || closesSentence
    }

    /// `text == s` for a punctuation token. String equality is canonical equivalence, and the
    /// Greek question mark U+037E is canonically ";", so it still counts as one.
    @inline(__always)
    func isPunct(_ s: Unicode.Scalar) -> Bool {
        kind == .punct && (lowerHash == Self.punctHash(s) || (s == ";" && lowerHash == Self.punctHash("\u{037E}")))
    }

    /// `lowerHash` of the punctuation token of scalar `s` (as `Tokenizer` makes it).
    @inline(__always)
    static func punctHash(_ s: Unicode.Scalar) -> UInt64 {
        WordSet.step(WordSet.seed, s.value)
    }
}

extension Array where Element == Token {
    /// The index of the token whose range starts at scalar `start` (nil: none). Tokens are in
    /// text order, so a binary search: the extractor looks a mention's tokens up for each quote
    /// it attributes, and scanning from the start of a long document for each was quadratic.
    func index(startingAt start: Int) -> Int? {
        let i = firstIndex(atLeast: start) { $0.range.lowerBound }
        return i < count && self[i].range.lowerBound == start ? i : nil
    }

    /// The index of the token whose range ends at scalar `end` (nil: none).
    func index(endingAt end: Int) -> Int? {
        let i = firstIndex(atLeast: end) { $0.range.upperBound }
        return i < count && self[i].range.upperBound == end ? i : nil
    }

    /// The first index whose key is ≥ `value` (keys ascend along the array), or `count`.
    private func firstIndex(atLeast value: Int, _ key: (Token) -> Int) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(self[mid]) < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
