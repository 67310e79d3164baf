/// What kind of text a document is; it decides how quotes are read and is a facet.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case news
    case evidence
    case other
}

/// A calendar day without a time zone: publication dates are days, and days compare and
/// range-filter as plain integers.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it), for columns and range filters.
    public var ordinal: Int32 {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146097 + doe - 719468)
    }

    public init(ordinal: Int32) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One block of body text. For transcripts each turn is a paragraph with its speaker.
public struct Paragraph: Sendable, Hashable, Codable {
    public var text: String
    /// The labelled speaker of a transcript turn, as written ("Lady Hallett", "Professor Susan Hopkins").
    public var speaker: String?
    /// Index into `Document.headings` of the section this paragraph sits under.
    public var section: Int?

    public init(text: String, speaker: String? = nil, section: Int? = nil) {
        self.text = text
        self.speaker = speaker
        self.section = section
    }
}

/// The one model every parser produces and the indexer consumes.
public struct Document: Sendable, Hashable, Codable {
    /// Stable id: the front matter or JSONL id, else the path relative to the indexed root
    /// (with `#N` appended for the N-th line of a JSONL file without ids).
    public var id: String
    public var kind: DocumentKind
    public var title: String
    public var author: String?
    public var date: Day?
    public var source: String?
    public var url: String?
    /// Section headings in order ("Discrimination a factor in burnout", witness names, ...).
    public var headings: [String]
    public var paragraphs: [Paragraph]
    /// Fields the parser did not map (unknown JSONL keys, extra front matter), kept as stored metadata.
    public var metadata: [String: String]
    /// The bytes of the source file this document was parsed from, when it came from an
    /// uncompressed file (nil for text in memory and `.gz` files). Bookkeeping for the index,
    /// so not part of the JSON form (`show --json`, the HTTP API).
    public var span: SourceSpan?

    enum CodingKeys: String, CodingKey {
        case id, kind, title, author, date, source, url, headings, paragraphs, metadata
    }

    public init(
        id: String, kind: DocumentKind = .other, title: String = "", author: String? = nil,
        date: Day? = nil, source: String? = nil, url: String? = nil, headings: [String] = [],
        paragraphs: [Paragraph] = [], metadata: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.author = author
        self.date = date
        self.source = source
        self.url = url
        self.headings = headings
        self.paragraphs = paragraphs
        self.metadata = metadata
    }

    /// The body as one string, paragraphs separated by blank lines.
    public var body: String { paragraphs.map(\.text).joined(separator: "\n\n") }

    /// Distinct speakers in order of first appearance.
    public var speakers: [String] {
        var seen = Set<String>()
        return paragraphs.compactMap(\.speaker).filter { seen.insert($0).inserted }
    }
}
