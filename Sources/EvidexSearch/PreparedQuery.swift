import EvidexDocuments
import EvidexIndex

/// A query resolved against one snapshot: words analysed, expansions chosen and collection
/// statistics (idf) fixed, so every segment scores with the same numbers.
indirect enum PreparedQuery {
    /// One analysed word over fields; `keys[f]` are the term keys whose postings together
    /// hold the word in field f (its word group's list).
    case word(PreparedWord)
    case phrase(PreparedPhrase)
    case filter(DocumentFilter)
    case boolean(must: [PreparedQuery], should: [PreparedQuery], mustNot: [PreparedQuery], boost: Double)
    case matchAll
    case nothing
}

struct PreparedWord {
    var label: String
    var fields: [FieldScoring]
    /// Per field slot, the term keys to union.
    var keys: [[TermKey]]
    /// The keys' dictionary entries per segment, looked up once while preparing:
    /// `infos[segment]` lists (field slot, term info) for the keys that segment holds.
    var infos: [[(slot: Int, info: TermInfo)]]?
    var idf: Double
    var boost: Double
}

struct PreparedPhrase {
    var label: String
    var fields: [FieldScoring]
    /// `lists[segment][field slot][word]`: the word's group list in that segment and field
    /// and the word's ordinal in it, nil where the segment's group lacks the word.
    var lists: [[[WordList?]]]
    var offsets: [Int]

    struct WordList {
        var info: TermInfo
        var form: UInt32
    }
    var slop: Int
    var idf: Double
    var boost: Double
}

/// A restriction on column values, scoring nothing.
enum DocumentFilter {
    case dateRange(from: Int32?, to: Int32?)
    case kind(DocumentKind?)
    /// Sources whose folded words contain these folded words in order.
    case source(words: [String])
}

/// What snippets should highlight.
struct HighlightTerms {
    /// Stems of bare words (any field).
    var stems: Set<String> = []
    /// Exact folded words (a quoted single word).
    var exact: Set<String> = []
    /// Phrases as exact folded words.
    var phrases: [[String]] = []

    var isEmpty: Bool { stems.isEmpty && exact.isEmpty && phrases.isEmpty }
}
