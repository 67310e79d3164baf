import EvidexDocuments

extension Document {
    /// The values of a text field as the indexer analyses them, each value its own run of
    /// positions. Snippets read the same texts so offsets line up with what was indexed.
    public func indexedTexts(_ field: IndexField) -> [String] {
        switch field {
        case .title: [title]
        case .body: bodyStream
        case .author: author.map { [$0] } ?? []
        case .speaker: speakers
        case .quote, .org, .quoteOrg, .source, .kind: []
        }
    }

    /// The body in reading order: each section heading just before the first paragraph under
    /// it, then the paragraphs; headings with no paragraph come last.
    public var bodyStream: [String] { bodyStreamEntries.map(\.text) }

    /// The body stream with each entry's speaker (nil for headings and unlabelled text).
    public var bodyStreamEntries: [(text: String, speaker: String?)] {
        bodyStreamIndexed.map { ($0.text, $0.speaker) }
    }

    /// The body stream with each entry's speaker and paragraph index (nil for headings).
    var bodyStreamIndexed: [(text: String, speaker: String?, paragraph: Int?)] {
        var out: [(text: String, speaker: String?, paragraph: Int?)] = []
        out.reserveCapacity(paragraphs.count + headings.count)
        var emitted = Set<Int>()
        for (i, p) in paragraphs.enumerated() {
            if let s = p.section, s < headings.count, emitted.insert(s).inserted {
                out.append((headings[s], nil, nil))
            }
            out.append((p.text, p.speaker, i))
        }
        for (i, h) in headings.enumerated() where !emitted.contains(i) { out.append((h, nil, nil)) }
        return out
    }
}
