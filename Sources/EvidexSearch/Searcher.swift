import EvidexDocuments
import EvidexIndex
import EvidexQuotes
import EvidexText

/// Runs queries against one snapshot. Holds an analyzer, so use one searcher per thread (the
/// snapshot itself may be shared).
public final class Searcher {
    public let snapshot: IndexSnapshot
    public let settings: RankingSettings
    public var parser: QueryParser
    /// Resolves organisation names in `org:` clauses and the `org` option.
    public let organisations: OrganisationGazetteer
    let analyzer: Analyzer
    let norms = NormCache()

    public init(snapshot: IndexSnapshot, settings: RankingSettings = RankingSettings(), parser: QueryParser = QueryParser(),
                organisations: OrganisationGazetteer = .builtIn) throws(SearchError) {
        self.organisations = organisations
        self.snapshot = snapshot
        self.settings = settings
        self.parser = parser
        do {
            analyzer = try Analyzer()
        } catch {
            throw .analyzer(error.description)
        }
    }

    /// Parses and runs a query.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws(SearchError) -> SearchResult {
        let start = ContinuousClock.now
        let query: Query
        do { query = try parser.parse(text) } catch { throw .query(error) }
        var result = try search(expanded(query), options: options)
        result.query = text
        result.tookMs = Searcher.ms(since: start)
        return result
    }

    public func search(_ query: Query, options: SearchOptions = SearchOptions()) throws(SearchError) -> SearchResult {
        let start = ContinuousClock.now
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: organisations)
        let prepared = withFilters(preparer.prepare(query), options, &preparer)
        let k = Searcher.pageEnd(offset: options.offset, limit: options.limit)
        var top = TopDocs(capacity: k)
        var total = 0
        var facetCounts = FacetAccumulator()
        var organisationCounts: [String: Int] = [:]
        var deadline = SearchDeadline(options.deadline)
        for (si, seg) in snapshot.segments.enumerated() {
            try deadline.check()
            let builder = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: norms)
            let scorer = builder.build(prepared)
            if options.exhaustive {
                var matched = [Bool](repeating: false, count: seg.reader.docCount)
                var any = false
                while scorer.doc != PostingsCursor.exhausted {
                    try deadline.tick()
                    let d = scorer.doc
                    if !seg.isDeleted(d) {
                        total += 1
                        matched[Int(d)] = true
                        any = true
                        facetCounts.add(seg.reader, d)
                        if k > 0 { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: d)) }
                    }
                    scorer.next()
                }
                if any { Searcher.countOrganisations(seg.reader, matched, into: &organisationCounts) }
            } else if k > 0 {
                Searcher.collectTop(scorer, segment: seg, segmentIndex: si, into: &top)
            }
        }
        let ranked = top.sorted().dropFirst(options.offset)
        var hits: [SearchHit] = []
        let snippets = SnippetBuilder(analyzer: analyzer, terms: preparer.highlights, maxSnippets: options.maxSnippets)
        for r in ranked {
            let seg = snapshot.segments[r.segment]
            let doc: Document
            do { doc = try seg.reader.document(r.doc) } catch where error.isSourceProblem {
                // The hit stands (its postings are sound); only its text is missing.
                let reader = seg.reader
                let source = reader.sourceName(ordinal: reader.sourceOrdinal(r.doc))
                hits.append(SearchHit(
                    id: reader.id(of: r.doc), title: "", date: reader.dateOrdinal(r.doc).map { Day(ordinal: $0).description },
                    source: source.isEmpty ? nil : source, kind: reader.kind(r.doc).rawValue,
                    score: r.score, snippets: [], explanation: nil, problem: error.description))
                continue
            } catch { throw .index(error) }
            var hit = SearchHit(
                id: doc.id, title: doc.title, date: doc.date?.description, source: doc.source,
                kind: doc.kind.rawValue, score: r.score,
                snippets: options.snippets ? snippets.snippets(for: doc) : [], explanation: nil)
            if options.explain {
                let scorer = SegmentScorerBuilder(segment: seg, segmentIndex: r.segment, k1: settings.k1, analyzer: analyzer, norms: norms).build(prepared)
                scorer.advance(to: r.doc)
                if scorer.doc == r.doc { hit.explanation = scorer.explain() }
            }
            hits.append(hit)
        }
        return SearchResult(
            query: query.description, total: options.exhaustive ? total : nil,
            tookMs: Searcher.ms(since: start), hits: hits,
            facets: options.exhaustive ? facetCounts.facets(organisations: organisationCounts) : nil)
    }

    /// offset + limit, saturating: huge values from a script are a long page, not a crash.
    static func pageEnd(offset: Int, limit: Int) -> Int {
        let (sum, overflow) = max(0, offset).addingReportingOverflow(max(0, limit))
        return overflow ? Int.max : sum
    }

    /// The ids of the best `k` documents and, if asked, the exact number of matches: the lean
    /// path of the batch `query` protocol (no stored documents are read).
    public func topIDs(_ text: String, k: Int, count: Bool) throws(SearchError) -> (ids: [String], count: Int?) {
        let query: Query
        do { query = try parser.parse(text) } catch { throw .query(error) }
        let (top, total) = rankedDocs(expanded(query), k: k, count: count)
        let ids = top.map { snapshot.segments[$0.segment].reader.id(of: $0.doc) }
        return (ids, count ? total : nil)
    }

    /// The best `k` documents' ids and scores, best first (ties in index order), without
    /// reading stored documents: for evaluation runs, which ask for 1000 per query.
    public func rank(_ text: String, k: Int) throws(SearchError) -> [RankedHit] {
        let query: Query
        do { query = try parser.parse(text) } catch { throw .query(error) }
        return rank(query, k: k)
    }

    public func rank(_ query: Query, k: Int) -> [RankedHit] {
        rankedDocs(expanded(query), k: k, count: false).top.map {
            RankedHit(id: snapshot.segments[$0.segment].reader.id(of: $0.doc), score: $0.score)
        }
    }

    func rankedDocs(_ query: Query, k: Int, count: Bool) -> (top: [ScoredDoc], total: Int) {
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: organisations)
        let prepared = preparer.prepare(query)
        var top = TopDocs(capacity: k)
        var total = 0
        for (si, seg) in snapshot.segments.enumerated() {
            let builder = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: norms)
            Searcher.collectTop(builder.build(prepared), segment: seg, segmentIndex: si, into: &top)
            if count {
                let counter = builder.build(prepared)
                while counter.doc != PostingsCursor.exhausted {
                    if !seg.isDeleted(counter.doc) { total += 1 }
                    counter.next()
                }
            }
        }
        return (top.sorted(), total)
    }

    static func collectTop(_ scorer: Scorer, segment: LiveSegment, segmentIndex si: Int, into top: inout TopDocs) {
        if let dis = scorer as? DisjunctionScorer {
            MaxScoreCollector.collect(dis.clauses, segment: segment, segmentIndex: si, into: &top)
            return
        }
        if let conj = scorer as? ConjunctionScorer {
            ConjunctionCollector.collect(conj, segment: segment, segmentIndex: si, into: &top)
            return
        }
        collectTopGeneric(scorer, segment: segment, segmentIndex: si, into: &top)
    }

    /// Top-k over any scorer, skipping windows (blocks) whose bound cannot enter the top k.
    /// The bound moves ahead of the scorer through the skip tables alone, so a skipped window
    /// costs no decoding; the scorer is advanced only into windows that can compete.
    static func collectTopGeneric(_ scorer: Scorer, segment: LiveSegment, segmentIndex si: Int, into top: inout TopDocs) {
        var target = scorer.doc
        while target != PostingsCursor.exhausted {
            guard top.isFull else {
                let d = scorer.doc
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: d)) }
                scorer.next()
                target = scorer.doc
                continue
            }
            let (end, bound) = scorer.blockMax(from: target, threshold: top.threshold)
            if bound <= top.threshold {
                if end == PostingsCursor.exhausted { break }
                target = end + 1
                continue
            }
            scorer.advance(to: target)
            var d = scorer.doc
            while d <= end && d != PostingsCursor.exhausted {
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: d)) }
                scorer.next()
                d = scorer.doc
            }
            target = d
        }
    }

    func withFilters(_ q: PreparedQuery, _ o: SearchOptions, _ preparer: inout QueryPreparer) -> PreparedQuery {
        var filters: [PreparedQuery] = []
        if let org = o.org { filters.append(preparer.organisation(org, field: .org, boost: 0)) }
        if o.from != nil || o.to != nil { filters.append(.filter(.dateRange(from: o.from?.ordinal, to: o.to?.ordinal))) }
        if let k = o.kind { filters.append(.filter(.kind(k))) }
        if let s = o.source { filters.append(.filter(.source(words: analyzer.tokens(s).map(\.exact)))) }
        if filters.isEmpty { return q }
        return .boolean(must: [q] + filters, should: [], mustNot: [], boost: 1)
    }

    /// Adds, per organisation, how many of the matched documents mention it: walks the
    /// organisation field's posting lists, which are short beside the matches they filter.
    static func countOrganisations(_ r: SegmentReader, _ matched: [Bool], into counts: inout [String: Int]) {
        r.forEachTerm(withPrefix: TermKey(field: .org, namespace: .exact, term: "")) { key, info in
            let c = r.postings(info)
            var n = 0
            while c.doc != PostingsCursor.exhausted {
                if matched[Int(c.doc)] { n += 1 }
                c.next()
            }
            if n > 0 { counts[key.term, default: 0] += n }
        }
    }

    static func ms(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}

/// Counts facet values over matching documents.
struct FacetAccumulator {
    private var source: [String: Int] = [:]
    private var kind: [String: Int] = [:]
    private var year: [String: Int] = [:]
    private var lastReader: ObjectIdentifier?
    private var sourceCounts: [Int] = []
    private var pending: [(SegmentReader, [Int])] = []

    mutating func add(_ r: SegmentReader, _ d: UInt32) {
        if lastReader != ObjectIdentifier(r) {
            flushSources()
            lastReader = ObjectIdentifier(r)
            sourceCounts = [Int](repeating: 0, count: r.sourceCount)
            pending.append((r, []))
        }
        sourceCounts[r.sourceOrdinal(d)] += 1
        kind[r.kind(d).rawValue, default: 0] += 1
        if let o = r.dateOrdinal(d) { year[String(Day(ordinal: o).year), default: 0] += 1 }
    }

    private mutating func flushSources() {
        guard let last = pending.last else { return }
        for (o, n) in sourceCounts.enumerated() where n > 0 {
            let name = last.0.sourceName(ordinal: o)
            source[name.isEmpty ? "(none)" : name, default: 0] += n
        }
        sourceCounts = []
    }

    mutating func facets(organisations: [String: Int] = [:]) -> Facets {
        flushSources()
        func list(_ d: [String: Int], byValue: Bool = false) -> [FacetCount] {
            d.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { byValue ? $0.value > $1.value : ($0.count != $1.count ? $0.count > $1.count : $0.value < $1.value) }
        }
        // Organisations: the most mentioned first, at most 20 (a long tail of one-off names).
        return Facets(source: list(source), kind: list(kind), year: list(year, byValue: true),
                      organisation: Array(list(organisations).prefix(20)))
    }
}
