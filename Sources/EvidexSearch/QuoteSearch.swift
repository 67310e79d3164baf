import EvidexDocuments
import EvidexIndex
import EvidexQuotes

/// What `Searcher.quotes` looks for besides the text.
public struct QuoteSearchOptions: Sendable {
    public var limit: Int
    public var offset: Int
    /// Words of the speaker's name ("Bailey", "Suzie Bailey"); titles such as Ms or Dr are ignored.
    public var speaker: String?
    /// The speaker's organisation, by any name or acronym.
    public var org: String?
    public var from: Day?
    public var to: Day?
    /// Scare quotes and quotations nobody is said to have said are left out unless asked for.
    public var includeUnattributed: Bool
    /// Give up with `SearchError.timeLimit` once past this instant (see `SearchOptions`).
    public var deadline: ContinuousClock.Instant?

    public init(limit: Int = 20, offset: Int = 0, speaker: String? = nil, org: String? = nil,
                from: Day? = nil, to: Day? = nil, includeUnattributed: Bool = false) {
        self.limit = max(0, limit)
        self.offset = max(0, offset)
        self.speaker = speaker
        self.org = org
        self.from = from
        self.to = to
        self.includeUnattributed = includeUnattributed
    }
}

/// The document a quote comes from.
public struct QuoteDocument: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var date: String?
    public var source: String?
    public var kind: String
}

/// One quotation found.
public struct QuoteHit: Sendable, Codable, Equatable {
    public var text: String
    public var kind: String
    public var speaker: QuoteSpeakerInfo?
    /// The sentence (or sentences) around the quote, marks included, as written.
    public var sentence: String
    /// Where the quote sits in `sentence`, code points.
    public var highlight: [Int]
    public var document: QuoteDocument
    public var score: Double
}

/// A quote's speaker as shown in results.
public struct QuoteSpeakerInfo: Sendable, Codable, Equatable {
    public var name: String
    public var role: String?
    public var organisation: String?
}

/// The answer to a quote search (CLI `--json`, HTTP `/api/quotes`).
public struct QuoteSearchResult: Sendable, Codable, Equatable {
    public var query: String
    /// Quotes matching, counted over the best `Searcher.maxQuoteDocuments` documents.
    public var total: Int
    public var tookMs: Double
    public var quotes: [QuoteHit]
    /// Documents whose quotes could not be read (their source file changed or went since
    /// indexing), each with the reason; absent when there are none.
    public var problems: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case query, total, quotes, problems
        case tookMs = "took_ms"
    }
}

extension Searcher {
    /// Documents read, best first, when counting the quotes of a broad search.
    public static let maxQuoteDocuments = 5000

    /// Quotations matching `text` (words of the quote; "phrases" exactly; empty for all), ranked
    /// by their document's score, then in reading order. Words combine with AND.
    public func quotes(_ text: String, options: QuoteSearchOptions = QuoteSearchOptions()) throws(SearchError) -> QuoteSearchResult {
        let start = ContinuousClock.now
        let query: Query
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            query = .matchAll
        } else {
            do { query = try QueryParser(defaultOperator: .and).parse(trimmed) } catch { throw .query(error) }
        }
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: gazetteer)
        preparer.defaultFields = [.quote]
        var must: [PreparedQuery] = [preparer.prepare(query)]
        let speakerWords = options.speaker.map(Searcher.nameWords) ?? []
        for w in speakerWords { must.append(preparer.prepare(.term(w, field: .speaker, boost: 0))) }
        var orgNames: Set<String>?
        if let org = options.org {
            let names = preparer.indexedOrganisationNames(org, field: .quoteOrg)
            orgNames = Set(names)
            must.append(preparer.organisation(org, field: .quoteOrg, boost: 0))
        }
        if options.from != nil || options.to != nil {
            must.append(.filter(.dateRange(from: options.from?.ordinal, to: options.to?.ordinal)))
        }
        let prepared: PreparedQuery = .boolean(must: must, should: [], mustNot: [], boost: 1)

        // Every matching document, best first (bounded).
        var top = TopDocs(capacity: Searcher.maxQuoteDocuments)
        var deadline = SearchDeadline(options.deadline)
        for (si, seg) in snapshot.segments.enumerated() {
            try deadline.check()
            let scorer = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: norms).build(prepared)
            while scorer.doc != PostingsCursor.exhausted {
                try deadline.tick()
                if !seg.isDeleted(scorer.doc) { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: scorer.doc)) }
                scorer.next()
            }
        }
        let matcher = QuoteMatcher(query: query, analyzer: analyzer)
        var hits: [QuoteHit] = []
        var total = 0
        var problems: [String] = []
        for r in top.sorted() {
            // Reading a stored document is the expensive step here: look at the clock each time.
            try deadline.check()
            let (doc, annotations): (Document, TextAnnotations)
            do { (doc, annotations) = try snapshot.segments[r.segment].reader.annotatedDocument(r.doc) } catch where error.isSourceProblem {
                problems.append(error.description)
                continue
            } catch { throw .index(error) }
            var scalars: [Unicode.Scalar]?
            for q in annotations.quotes {
                guard options.includeUnattributed || StoredAnnotations.isSearchable(q) else { continue }
                if !speakerWords.isEmpty {
                    guard let name = q.speaker?.name, Searcher.nameMatches(speakerWords, name) else { continue }
                }
                if let orgNames {
                    guard let o = q.speaker?.organisation, orgNames.contains(o) else { continue }
                }
                guard matcher.matches(q.text) else { continue }
                total += 1
                if total <= max(0, options.offset) || hits.count >= max(0, options.limit) { continue }
                if scalars == nil { scalars = Array(StoredAnnotations.text(of: doc).text.unicodeScalars) }
                let (sentence, highlight) = Searcher.sentence(around: q.range, in: scalars!)
                hits.append(QuoteHit(
                    text: q.text, kind: q.kind.rawValue,
                    speaker: q.speaker.map { QuoteSpeakerInfo(name: $0.name, role: $0.role, organisation: $0.organisation) },
                    sentence: sentence, highlight: highlight,
                    document: QuoteDocument(id: doc.id, title: doc.title, date: doc.date?.description, source: doc.source, kind: doc.kind.rawValue),
                    score: r.score))
            }
        }
        return QuoteSearchResult(query: trimmed, total: total, tookMs: Searcher.ms(since: start), quotes: hits,
                                 problems: problems.isEmpty ? nil : problems)
    }

    /// Name words to look for, without titles ("Ms", "Dr", "Professor", ...).
    static func nameWords(_ name: String) -> [String] {
        let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
                                   "lady", "baroness", "baron", "rt", "hon", "the", "cllr", "councillor", "rev", "reverend"]
        return name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" })
            .map { $0.lowercased().replacingOccurrences(of: "’", with: "'") }
            .filter { !titles.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
    }

    static func nameMatches(_ words: [String], _ name: String) -> Bool {
        let have = Set(nameWords(name))
        return words.allSatisfy(have.contains)
    }

    /// The sentence(s) holding `range` in the annotation text, and the quote's place in it.
    /// A sentence ends at . ! or ? followed by a space or line end (outside the quote), or at
    /// a line break.
    static func sentence(around range: Range<Int>, in s: [Unicode.Scalar]) -> (String, [Int]) {
        let lo = min(range.lowerBound, s.count)
        let hi = min(range.upperBound, s.count)
        var start = lo
        while start > 0 {
            let c = s[start - 1]
            if c == "\n" { break }
            if (c == "." || c == "!" || c == "?") && start < s.count && (s[start] == " " || s[start] == "\n") { break }
            start -= 1
        }
        while start < lo && s[start] == " " { start += 1 }
        var end = hi
        while end < s.count {
            let c = s[end]
            if c == "\n" { break }
            end += 1
            if (c == "." || c == "!" || c == "?") && (end == s.count || s[end] == " " || s[end] == "\n") {
                // A closing mark right after the stop belongs to the sentence.
                while end < s.count && "\"”’'»".unicodeScalars.contains(s[end]) { end += 1 }
                break
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[start..<end])
        return (String(text), [lo - start, hi - start])
    }
}

import Foundation
