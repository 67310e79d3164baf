import CEvidexICU
import CStemmer

/// One analysed token, for display, tests, query analysis and snippets.
public struct AnalyzedToken: Sendable, Hashable {
    /// Folded surface form: NFKC case fold + accent fold, ’ → '.
    public let exact: String
    /// The term bare words match (Snowball English stem of `exact`; numbers, acronyms and
    /// non-Latin words keep `exact`, numbers without thousands separators).
    public let stem: String
    /// 0-based ordinal among this text's tokens.
    public let position: Int
    /// Byte offsets into the ORIGINAL text's UTF-8.
    public let utf8Range: Range<Int>

    public init(exact: String, stem: String, position: Int, utf8Range: Range<Int>) {
        self.exact = exact
        self.stem = stem
        self.position = position
        self.utf8Range = utf8Range
    }
}

/// The fast path for indexing: ids into `Analyzer.vocabulary`.
public struct TermOccurrence: Sendable, Hashable {
    public let exact: UInt32
    public let stem: UInt32
    /// UTF-8 byte offsets into the original text.
    public let start: Int32
    public let end: Int32

    public init(exact: UInt32, stem: UInt32, start: Int32, end: Int32) {
        self.exact = exact
        self.stem = stem
        self.start = start
        self.end = end
    }
}

public enum AnalyzerError: Error, CustomStringConvertible {
    /// ICU could not open the word-break iterator or a normalizer (ICU error name).
    case icuUnavailable(String)
    /// libstemmer has no such algorithm / encoding.
    case stemmerUnavailable(algorithm: String)

    public var description: String {
        switch self {
        case .icuUnavailable(let name):
            return "ICU word breaking / normalization unavailable: \(name)"
        case .stemmerUnavailable(let algorithm):
            return "Snowball stemmer '\(algorithm)' (UTF-8) unavailable in libstemmer"
        }
    }
}

/// Text analyzer: ICU word segmentation, folding, Snowball English stemming, term interning.
///
/// Rules (see also evidex_icu.h):
/// - Tokens are ICU UBRK_WORD segments with a word status (numbers, letters, kana, ideographs);
///   spaces, punctuation and emoji are skipped. CJK gets ICU's dictionary segmentation.
/// - Zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, soft hyphen, BOM) never split a word and never
///   appear in a term (they may lie inside a token's `utf8Range`).
/// - Amounts stay whole: "£1,200", "17%", "$3.5bn", "2021-06-08", "08/06/2021".
/// - `exact` = NFKC_Casefold, then nonspacing marks after Latin/Greek/Cyrillic bases removed,
///   then ’ ‘ ʼ ′ → '.
/// - `stem`: numeric tokens (starting with a digit, or a currency symbol and a digit) drop
///   ',' between digits ("£1,200" → "£1200"); tokens with a '.' (acronyms "u.s") or with digits
///   ("covid19", "mp3") or with non-Latin letters keep `exact`; other (Latin) words get the
///   Snowball English stem ("running" → "run", "staff's" → "staff").
/// - Tokens whose folded form is longer than `maxTermBytes` UTF-8 bytes are omitted entirely
///   (they are not tokens: no callback, no position), so positions stay dense.
///
/// Not thread-safe (the ICU break iterator and the caches are mutable): use one analyzer per
/// thread or task. Term ids are only meaningful with this analyzer's `vocabulary`.
public final class Analyzer {
    /// Longest folded term kept, in UTF-8 bytes; longer tokens are dropped.
    public static let maxTermBytes = 64

    public private(set) var vocabulary: TermVocabulary

    private let segmenter: OpaquePointer
    private let stemmer: OpaquePointer
    /// Surface bytes → (exact id << 32 | stem id), or `skipValue`. Doubles as the fold/stem cache.
    private var surfaceCache = ByteTable(initialCapacity: 1 << 15)
    private static let skipValue = UInt64.max
    /// Surface forms up to this length are cached; the cache is reset past `maxCachedSurfaces`.
    private static let maxCachedSurfaceBytes = 256
    private static let maxCachedSurfaces = 1 << 20
    private var foldBuffer: UnsafeMutablePointer<UInt8>
    private var foldCapacity: Int
    private var scratch: [UInt8] = []

    public init() throws(AnalyzerError) {
        var code: Int32 = 0
        guard let seg = evidex_segmenter_open("en", &code) else {
            throw .icuUnavailable(String(cString: evidex_icu_error_name(code)))
        }
        guard let st = sb_stemmer_new("english", "UTF_8") else {
            evidex_segmenter_close(seg)
            throw .stemmerUnavailable(algorithm: "english")
        }
        segmenter = seg
        stemmer = st
        vocabulary = TermVocabulary()
        foldCapacity = 256
        foldBuffer = .allocate(capacity: foldCapacity)
    }

    /// Bytes held by the vocabulary and the surface cache, for memory budgets.
    public var memoryBytes: Int { vocabulary.memoryBytes + surfaceCache.memoryBytes }

    /// Starts a new, empty vocabulary (ids restart from 0), so that a long indexing run keeps
    /// only the terms of the segment it is building. Ids from before are meaningless after.
    public func resetVocabulary() {
        vocabulary = TermVocabulary()
        surfaceCache = ByteTable(initialCapacity: 1 << 15)
    }

    deinit {
        evidex_segmenter_close(segmenter)
        sb_stemmer_delete(stemmer)
        foldBuffer.deallocate()
    }

    // MARK: Public API

    /// Analysed tokens of `text`, with strings (for display, tests, query analysis, snippets).
    public func tokens(_ text: String) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        var position = 0
        forEachOccurrence(in: text) { occ in
            result.append(AnalyzedToken(
                exact: vocabulary.string(occ.exact),
                stem: vocabulary.string(occ.stem),
                position: position,
                utf8Range: Int(occ.start)..<Int(occ.end)))
            position += 1
        }
        return result
    }

    /// Calls body once per token, in order; position = ordinal of the call.
    /// Texts must be shorter than 2 GiB (offsets are Int32). `body` must not call back into
    /// this analyzer's `tokens` / `forEachOccurrence` (the segmenter is mid-iteration).
    public func forEachOccurrence(in text: String, _ body: (TermOccurrence) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
            precondition(utf8.count < Int(Int32.max), "text too long for Int32 offsets")
            evidex_segment_begin(segmenter, base, Int32(utf8.count))
            var tokens: UnsafePointer<Int32>? = nil
            // Held in a local for the whole text: read from the property for every token, the
            // class reference was retained and released each time (a tenth of analysis).
            var cache = surfaceCache
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.prefetchBatch) { hashes in
                while true {
                    let n = Int(evidex_segment_next(segmenter, &tokens))
                    // n < 0 is an ICU failure (memory): stop, as if the text ended.
                    guard n > 0, let t = tokens else { break }
                    var from = 0
                    while from < n {
                        // Tokens are looked up a batch at a time: the batch's cache slots, then
                        // their entries, are prefetched first, so that the cache misses of a
                        // large surface cache overlap instead of coming one per token.
                        let m = min(Self.prefetchBatch, n - from)
                        for j in 0..<m {
                            let start = t[2 &* (from + j)]
                            let len = Int(t[2 &* (from + j) &+ 1] &- start)
                            let h = len > Self.maxCachedSurfaceBytes ? 0
                                : hashBytes(UnsafeRawPointer(base + Int(start)), len, readable: utf8.count - Int(start))
                            hashes[j] = h
                            cache.prefetch(hash: h)
                        }
                        for j in 0..<m { cache.prefetchEntry(hash: hashes[j]) }
                        for j in 0..<m {
                            let start = t[2 &* (from + j)]
                            let end = t[2 &* (from + j) &+ 1]
                            let p = UnsafeRawPointer(base + Int(start))
                            let len = Int(end &- start)
                            let value = lookup(p, len, hash: hashes[j], &cache)
                            if value == Self.skipValue { continue }
                            body(TermOccurrence(
                                exact: UInt32(truncatingIfNeeded: value >> 32),
                                stem: UInt32(truncatingIfNeeded: value),
                                start: start, end: end))
                        }
                        from += m
                    }
                }
            }
        }
    }

    private static let prefetchBatch = 32

    /// Folds text the same way tokens are folded (for prefix and fuzzy query terms, keyword
    /// fields). The whole string is folded; it is not segmented.
    public func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String in
            let n = foldInto(UnsafeRawBufferPointer(utf8), flags: nil)
            return n < 0 ? "" : String(decoding: UnsafeBufferPointer(start: foldBuffer, count: n), as: UTF8.self)
        }
    }

    /// The stem of an already folded term, by the same rules as tokens (no length limit).
    public func stem(_ folded: String) -> String {
        var folded = folded
        return folded.withUTF8 { utf8 -> String in
            let raw = UnsafeRawBufferPointer(utf8)
            let flags = evidex_term_flags(utf8.baseAddress, Int32(utf8.count))
            return withStem(of: raw, flags: flags) { String(decoding: $0, as: UTF8.self) }
        }
    }

    // MARK: Hot path

    @inline(__always)
    private func lookup(_ p: UnsafeRawPointer, _ len: Int, hash h: UInt64, _ cache: inout ByteTable) -> UInt64 {
        if len > Self.maxCachedSurfaceBytes { return resolve(UnsafeRawBufferPointer(start: p, count: len)) }
        let idx = cache.find(p, len, hash: h)
        if idx >= 0 { return cache.value(at: idx) }
        let value = resolve(UnsafeRawBufferPointer(start: p, count: len))
        if cache.count >= Self.maxCachedSurfaces {
            cache = ByteTable(initialCapacity: 1 << 15)
            surfaceCache = cache
        }
        _ = cache.insert(UnsafeRawBufferPointer(start: p, count: len), hash: h, value: value)
        return value
    }

    /// Cache miss: fold, classify, stem, intern.
    private func resolve(_ surface: UnsafeRawBufferPointer) -> UInt64 {
        var flags: UInt32 = 0
        let n = foldInto(surface, flags: &flags)
        if n <= 0 || n > Self.maxTermBytes { return Self.skipValue }
        let exact = UnsafeRawBufferPointer(start: foldBuffer, count: n)
        let exactID = vocabulary.intern(exact)
        let stemID = withStem(of: exact, flags: flags) { vocabulary.intern(UnsafeRawBufferPointer($0)) }
        return UInt64(exactID) << 32 | UInt64(stemID)
    }

    /// Folds into `foldBuffer` (grown as needed); returns the length, or -1 on ICU failure.
    private func foldInto(_ src: UnsafeRawBufferPointer, flags: UnsafeMutablePointer<UInt32>?) -> Int {
        let srcBase = src.baseAddress?.assumingMemoryBound(to: UInt8.self)
        while true {
            let n = Int(evidex_fold(segmenter, srcBase, Int32(src.count), foldBuffer, Int32(foldCapacity), flags))
            if n < 0 { return -1 }
            if n <= foldCapacity { return n }
            foldBuffer.deallocate()
            foldCapacity = n + 16
            foldBuffer = .allocate(capacity: foldCapacity)
        }
    }

    private func withStem<R>(of folded: UnsafeRawBufferPointer, flags: UInt32,
                             _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let bytes = folded.bindMemory(to: UInt8.self)
        let letter = UInt32(EVIDEX_TERM_HAS_LETTER)
        let digit = UInt32(EVIDEX_TERM_HAS_DIGIT)
        let nonLatin = UInt32(EVIDEX_TERM_NON_LATIN)
        let dot = UInt32(EVIDEX_TERM_HAS_DOT)
        let numeric = UInt32(EVIDEX_TERM_NUMERIC)

        if flags & numeric != 0 {
            // Numbers: drop thousands separators only (',' between two ASCII digits).
            scratch.removeAll(keepingCapacity: true)
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ","), i > 0, i + 1 < bytes.count,
                   isASCIIDigit(bytes[i - 1]), isASCIIDigit(bytes[i + 1]) { continue }
                scratch.append(b)
            }
            return scratch.withUnsafeBufferPointer(body)
        }
        if flags & letter == 0 || flags & (digit | nonLatin | dot) != 0 {
            return body(bytes)
        }
        guard let out = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else {
            return body(bytes) // out of memory in libstemmer: keep the word
        }
        return body(UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer))))
    }
}

@inline(__always)
private func isASCIIDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
