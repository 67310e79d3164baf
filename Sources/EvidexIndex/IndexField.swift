/// The indexed fields. The raw value is the field byte that starts every term key, so it is part
/// of the on-disk format (index/FORMAT.md): never renumber.
public enum IndexField: UInt8, Sendable, CaseIterable, Codable {
    case title = 0
    case body = 1
    case author = 2
    case speaker = 3
    /// Keyword fields: one folded term per value, no positions or lengths.
    case source = 4
    case kind = 5

    /// Fields analysed as text, with positions and per-document lengths.
    public static let textFields: [IndexField] = [.title, .body, .author, .speaker]

    public var isText: Bool { rawValue <= IndexField.speaker.rawValue }

    public var name: String {
        switch self {
        case .title: "title"
        case .body: "body"
        case .author: "author"
        case .speaker: "speaker"
        case .source: "source"
        case .kind: "kind"
        }
    }

    public init?(name: String) {
        guard let f = IndexField.allCases.first(where: { $0.name == name }) else { return nil }
        self = f
    }
}

/// Which form of a word a posting list holds (the second byte of a term key).
///
/// Every token is indexed under its exact folded form. A token whose stem differs from that
/// form is indexed a second time under its stem in the `stem` namespace, so the common case
/// (the word is its own stem: "the", "report", "nhs") is stored once, and a bare-word query for
/// stem s reads `exact:s` ∪ `stem:s` (see FORMAT.md, "Two namespaces").
public enum TermNamespace: UInt8, Sendable {
    case exact = 0
    case stem = 1
}

/// A term key: field byte, namespace byte, then the term's UTF-8 bytes.
public struct TermKey: Hashable, Sendable, Comparable {
    public var bytes: [UInt8]

    public init(field: IndexField, namespace: TermNamespace, term: some Collection<UInt8>) {
        bytes = [field.rawValue, namespace.rawValue]
        bytes.append(contentsOf: term)
    }

    public init(field: IndexField, namespace: TermNamespace, term: String) {
        self.init(field: field, namespace: namespace, term: Array(term.utf8))
    }

    public init(raw: [UInt8]) { bytes = raw }

    public var field: IndexField? { bytes.isEmpty ? nil : IndexField(rawValue: bytes[0]) }
    public var namespace: TermNamespace? { bytes.count < 2 ? nil : TermNamespace(rawValue: bytes[1]) }
    public var term: String { String(decoding: bytes.dropFirst(2), as: UTF8.self) }

    public static func < (a: TermKey, b: TermKey) -> Bool {
        a.bytes.lexicographicallyPrecedes(b.bytes)
    }
}
