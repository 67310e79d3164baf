/// The indexed fields. The raw value is the field byte that starts every term key, so it is part
/// of the on-disk format (index/FORMAT.md): never renumber.
public enum IndexField: UInt8, Sendable, CaseIterable, Codable {
    case title = 0
    case body = 1
    case author = 2
    /// Transcript turns' speakers and the speakers of attributed quotes.
    case speaker = 3
    /// The text of attributed quotes and transcript turns.
    case quote = 4
    /// Keyword fields of canonical organisation names, one term per value as written (no
    /// analysis): every organisation mention, and the organisation of each quote's speaker.
    case org = 5
    case quoteOrg = 6
    /// Column filters, not indexed as terms.
    case source = 7
    case kind = 8

    /// Fields with posting lists and per-document lengths; their raw values are 0..<count, so
    /// a raw value indexes per-field arrays.
    public static let textFields: [IndexField] = [.title, .body, .author, .speaker, .quote, .org, .quoteOrg]

    public var isText: Bool { rawValue <= IndexField.quoteOrg.rawValue }

    /// Terms taken verbatim (organisation names), not analysed.
    public var isKeyword: Bool { self == .org || self == .quoteOrg }

    public var name: String {
        switch self {
        case .title: "title"
        case .body: "body"
        case .author: "author"
        case .speaker: "speaker"
        case .quote: "quote"
        case .org: "org"
        case .quoteOrg: "quote_org"
        case .source: "source"
        case .kind: "kind"
        }
    }

    public init?(name: String) {
        guard let f = IndexField.allCases.first(where: { $0.name == name }) else { return nil }
        self = f
    }
}

/// What a term key names (the second byte of a term key; FORMAT.md, "Term keys").
///
/// Keyword fields (organisations) index each value verbatim under `exact`. Text fields index
/// each word group once, under its stem in `group`: one list holding every form with that stem,
/// whose positions say which form stands at each (so a bare word reads one list per field and
/// an exact phrase filters the positions by form). A word whose stem differs from it also has
/// a `form` entry, with no list, naming its stem, so that prefix and fuzzy queries find words
/// by their spelling.
public enum TermNamespace: UInt8, Sendable {
    case exact = 0
    case group = 1
    case form = 2
}

/// A term key: field byte, namespace byte, then the term's UTF-8 bytes.
public struct TermKey: Hashable, Sendable, Comparable {
    public var bytes: [UInt8]

    public init(field: IndexField, namespace: TermNamespace, term: some Collection<UInt8>) {
        // One allocation of the final size (a query makes a key per word, field and namespace).
        bytes = []
        bytes.reserveCapacity(2 + term.count)
        bytes.append(field.rawValue)
        bytes.append(namespace.rawValue)
        bytes.append(contentsOf: term)
    }

    public init(field: IndexField, namespace: TermNamespace, term: String) {
        self.init(field: field, namespace: namespace, term: term.utf8)
    }

    public init(raw: [UInt8]) { bytes = raw }

    public var field: IndexField? { bytes.isEmpty ? nil : IndexField(rawValue: bytes[0]) }
    public var namespace: TermNamespace? { bytes.count < 2 ? nil : TermNamespace(rawValue: bytes[1]) }
    public var term: String { String(decoding: bytes.dropFirst(2), as: UTF8.self) }

    public static func < (a: TermKey, b: TermKey) -> Bool {
        a.bytes.lexicographicallyPrecedes(b.bytes)
    }
}
