import EvidexIndex
import EvidexQuotes

/// An organisation's counts in the index.
public struct OrganisationSummary: Sendable, Codable, Equatable {
    public var name: String
    /// The gazetteer's id, for organisations it knows.
    public var id: String?
    /// Times it is mentioned, and in how many documents.
    public var mentions: Int
    public var documents: Int
    /// Quotes whose speaker is from it.
    public var quotes: Int
}

/// A quote's speaker and how often they are quoted.
public struct OrganisationSpeaker: Sendable, Codable, Equatable {
    public var name: String
    public var role: String?
    public var quotes: Int
}

/// One organisation in full: what the gazetteer knows, its counts, speakers and latest quotes.
public struct OrganisationDetail: Sendable, Codable, Equatable {
    public var name: String
    public var id: String?
    public var kind: String?
    public var acronyms: [String]
    public var aliases: [String]
    public var formerNames: [String]
    public var successor: String?
    public var mentions: Int
    public var documents: Int
    public var quotes: Int
    public var speakers: [OrganisationSpeaker]
    public var latestQuotes: [QuoteHit]

    enum CodingKeys: String, CodingKey {
        case name, id, kind, acronyms, aliases, successor, mentions, documents, quotes, speakers
        case formerNames = "former_names"
        case latestQuotes = "latest_quotes"
    }
}

extension Searcher {
    /// Every organisation mentioned or speaking in the index, most mentioned first.
    public func organisationSummaries() -> [OrganisationSummary] {
        var byName: [String: OrganisationSummary] = [:]
        for seg in snapshot.segments {
            for field in [IndexField.org, .quoteOrg] {
                seg.reader.forEachTerm(withPrefix: TermKey(field: field, namespace: .exact, term: "")) { key, info in
                    let c = seg.reader.postings(info)
                    var docs = 0
                    var occurrences = 0
                    while c.doc != PostingsCursor.exhausted {
                        if !seg.isDeleted(c.doc) {
                            docs += 1
                            occurrences += Int(c.freq)
                        }
                        c.next()
                    }
                    let name = key.term
                    var s = byName[name] ?? OrganisationSummary(
                        name: name, id: organisations.record(named: name)?.id, mentions: 0, documents: 0, quotes: 0)
                    if field == .org {
                        s.mentions += occurrences
                        s.documents += docs
                    } else {
                        s.quotes += occurrences
                    }
                    byName[name] = s
                }
            }
        }
        return byName.values.filter { $0.mentions + $0.quotes > 0 }.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions
                : $0.quotes != $1.quotes ? $0.quotes > $1.quotes : $0.name < $1.name
        }
    }

    /// One organisation by any name or acronym (nil when neither the gazetteer nor the index
    /// knows it).
    public func organisation(_ name: String, latest: Int = 5) throws(SearchError) -> OrganisationDetail? {
        let preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: gazetteer)
        let indexed = Set(preparer.indexedOrganisationNames(name, field: .org) + preparer.indexedOrganisationNames(name, field: .quoteOrg))
        let record = organisations.record(named: name)
            ?? organisations.canonicalOrganisation(for: name).flatMap { organisations.record(named: $0) }
            ?? indexed.lazy.compactMap { self.organisations.record(named: $0) }.first
        guard record != nil || !indexed.isEmpty else { return nil }
        let names = indexed.union(record.map { [$0.name] } ?? [])
        let summaries = organisationSummaries().filter { names.contains($0.name) }
        let quoted = try quotes("", options: QuoteSearchOptions(limit: Searcher.maxQuoteDocuments, org: record?.name ?? indexed.sorted().first))
        var speakers: [String: OrganisationSpeaker] = [:]
        var order: [String] = []
        for q in quoted.quotes {
            guard let s = q.speaker else { continue }
            if speakers[s.name] == nil {
                order.append(s.name)
                speakers[s.name] = OrganisationSpeaker(name: s.name, role: s.role, quotes: 0)
            }
            speakers[s.name]!.quotes += 1
            if speakers[s.name]!.role == nil { speakers[s.name]!.role = s.role }
        }
        let latestQuotes = quoted.quotes.enumerated().sorted {
            let a = $0.element.document.date ?? "", b = $1.element.document.date ?? ""
            return a != b ? a > b : $0.offset < $1.offset
        }.prefix(latest).map(\.element)
        return OrganisationDetail(
            name: record?.name ?? indexed.sorted().first!, id: record?.id, kind: record?.kind,
            acronyms: record?.acronyms ?? [], aliases: record?.aliases ?? [], formerNames: record?.formerNames ?? [],
            successor: record?.successor.flatMap { organisations.record(id: $0)?.name } ?? record?.successor,
            mentions: summaries.reduce(0) { $0 + $1.mentions }, documents: summaries.reduce(0) { $0 + $1.documents },
            quotes: summaries.reduce(0) { $0 + $1.quotes },
            speakers: order.map { speakers[$0]! }.sorted { $0.quotes > $1.quotes },
            latestQuotes: Array(latestQuotes))
    }
}
