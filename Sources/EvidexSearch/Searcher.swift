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
    /// Resolves organisation names in `org:` clauses and the `org` option (made on first use).
    public var organisations: OrganisationGazetteer { gazetteer.value }
    let gazetteer: GazetteerSource
    let analyzer: Analyzer
    let norms = NormCache()
    /// For scorers that only count matches: no tables built for them.
    let countingNorms = NormCache(building: false)

    /// A searcher with the built-in organisation gazetteer, made if a query needs it.
    public convenience init(snapshot: IndexSnapshot, settings: RankingSettings = RankingSettings(),
                            parser: QueryParser = QueryParser()) throws(SearchError) {
        try self.init(snapshot: snapshot, settings: settings, parser: parser, gazetteer: GazetteerSource { .builtIn })
    }

    public convenience init(snapshot: IndexSnapshot, settings: RankingSettings = RankingSettings(), parser: QueryParser = QueryParser(),
                            organisations: OrganisationGazetteer) throws(SearchError) {
        try self.init(snapshot: snapshot, settings: settings, parser: parser, gazetteer: GazetteerSource { organisations })
    }

    /// A searcher that makes its gazetteer only when a query names an organisation (`org:`,
    /// the `org` option, organisation reports): a one-shot `evidex search` saves the cost.
    public convenience init(snapshot: IndexSnapshot, settings: RankingSettings = RankingSettings(), parser: QueryParser = QueryParser(),
                            organisationsOnDemand make: @escaping () -> OrganisationGazetteer) throws(SearchError) {
        try self.init(snapshot: snapshot, settings: settings, parser: parser, gazetteer: GazetteerSource(make))
    }

    private init(snapshot: IndexSnapshot, settings: RankingSettings, parser: QueryParser, gazetteer: GazetteerSource) throws(SearchError) {
        self.gazetteer = gazetteer
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
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: gazetteer)
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
            // The top k by the pruning collectors, which score only documents that can enter
            // it; the exact total and the facets by a second pass that scores nothing (as
            // `topIDs` counts). Scoring every match of a frequent word cost more than both.
            if k > 0 {
                Searcher.collectTop(builder.build(prepared), segment: seg, segmentIndex: si, into: &top)
                try deadline.check()
            }
            if options.exhaustive {
                // The matches as bits, filled list by list (a word's lists, an OR's words) where
                // the scorer is a union, then walked in document order.
                var bits = MatchBits(documents: seg.reader.docCount)
                let counting = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: countingNorms)
                counting.build(prepared).markMatches(into: &bits)
                try deadline.check()
                // Matches are marked only for the organisation facet, in segments that have any.
                let marks = seg.reader.totalFieldLengths[Int(IndexField.org.rawValue)] > 0
                var matched = marks ? [Bool](repeating: false, count: seg.reader.docCount) : []
                let live = facetCounts.add(seg, bits, marking: &matched)
                total += live
                try deadline.check()
                if live > 0 && marks { Searcher.countOrganisations(seg.reader, matched, into: &organisationCounts) }
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
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: gazetteer)
        let prepared = preparer.prepare(query)
        var top = TopDocs(capacity: k)
        var total = 0
        for (si, seg) in snapshot.segments.enumerated() {
            let builder = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: norms)
            Searcher.collectTop(builder.build(prepared), segment: seg, segmentIndex: si, into: &top)
            if count {
                let counter = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: countingNorms).build(prepared)
                while counter.doc != PostingsCursor.exhausted {
                    if !seg.isDeleted(counter.doc) { total += 1 }
                    counter.next()
                }
            }
        }
        return (top.sorted(), total)
    }

    /// The best `k` ids by scoring every match, with no pruning: the reference the tests hold
    /// `collectTop` (and so `search` and `topIDs`) to.
    func idsScoringEveryMatch(_ text: String, k: Int) throws -> [String] {
        var preparer = QueryPreparer(snapshot: snapshot, analyzer: analyzer, settings: settings, organisations: gazetteer)
        let prepared = preparer.prepare(expanded(try parser.parse(text)))
        var top = TopDocs(capacity: k)
        for (si, seg) in snapshot.segments.enumerated() {
            let scorer = SegmentScorerBuilder(segment: seg, segmentIndex: si, k1: settings.k1, analyzer: analyzer, norms: norms).build(prepared)
            while scorer.doc != PostingsCursor.exhausted {
                if !seg.isDeleted(scorer.doc) { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: scorer.doc)) }
                scorer.next()
            }
        }
        return top.sorted().map { snapshot.segments[$0.segment].reader.id(of: $0.doc) }
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
        if let ro = scorer as? RequiredOptionalScorer {
            collectTopRequiredOptional(ro, segment: segment, segmentIndex: si, into: &top)
            return
        }
        collectTopGeneric(scorer, segment: segment, segmentIndex: si, into: &top)
    }

    /// Top-k over any scorer, skipping windows (blocks) whose bound cannot enter the top k.
    /// The bound moves ahead of the scorer through the skip tables alone, so a skipped window
    /// costs no decoding; the scorer is advanced only into windows that can compete.
    static func collectTopGeneric(_ scorer: Scorer, segment: LiveSegment, segmentIndex si: Int, into top: inout TopDocs) {
        var target = scorer.doc
        // A scorer visiting at most a block of postings (a rare word) has no block bounds to
        // skip by: its bound sums every remaining document exactly, which cost as much as
        // scoring them, so they are scored.
        let unbounded = scorer.cost <= BitPacking.blockSize
        while target != PostingsCursor.exhausted {
            guard top.isFull && !unbounded else {
                let d = scorer.doc
                if !segment.isDeleted(d) { top.offer(ScoredDoc(score: scorer.score(), segment: si, doc: d)) }
                scorer.next()
                target = scorer.doc
                continue
            }
            let (end, bound) = scorer.blockMaxForCollecting(from: target, threshold: top.threshold)
            if bound <= top.threshold {
                if end == PostingsCursor.exhausted { break }
                target = end + 1
                continue
            }
            if scorer.collectWindow(from: target, upTo: end, segment: segment, segmentIndex: si, into: &top) {
                target = scorer.doc
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

    /// `collectTopGeneric` for a required clause with optional ones (an RM3-expanded question:
    /// its own words required as a group, thirty feedback words optional). A document whose
    /// required score plus the optional clauses' most cannot enter the top k is passed without
    /// moving the optional clauses to it, which was most of the cost of the second pass.
    static func collectTopRequiredOptional(_ scorer: RequiredOptionalScorer, segment: LiveSegment, segmentIndex si: Int,
                                           into top: inout TopDocs) {
        var target = scorer.doc
        while target != PostingsCursor.exhausted {
            var end = PostingsCursor.exhausted
            if top.isFull {
                let b = scorer.blockMax(from: target, threshold: top.threshold)
                if b.bound <= top.threshold {
                    if b.upTo == PostingsCursor.exhausted { break }
                    target = b.upTo + 1
                    continue
                }
                end = b.upTo
            }
            scorer.advance(to: target)
            var d = scorer.doc
            while d <= end && d != PostingsCursor.exhausted {
                if !segment.isDeleted(d) {
                    let r = scorer.requiredScore()
                    if !top.isFull || r + scorer.optionalMax > top.threshold {
                        top.offer(ScoredDoc(score: r + scorer.optionalScore(), segment: si, doc: d))
                    }
                }
                scorer.next()
                d = scorer.doc
                // Once the top k fills, leave the unbounded window to start bounding.
                if end == PostingsCursor.exhausted && top.isFull { break }
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

/// Counts facet values over matching documents. Counts go into flat arrays (kinds by code,
/// years 0–9999 by number, sources by ordinal) and become strings once per value at the end:
/// an exhaustive search of a frequent word on a large index adds every matching document.
struct FacetAccumulator {
    private var source: [String: Int] = [:]
    private var kindCounts = [Int](repeating: 0, count: DocumentKind.allCases.count)
    private var yearCounts: [Int] = []
    /// Years outside 0–9999 (only a damaged dates column gives them).
    private var otherYears: [Int: Int] = [:]

    /// Adds the facet values of the live documents in `bits` (one segment's matches), marks
    /// them in `matched` unless it is empty, and returns how many there are. One pass over raw
    /// counters: an exhaustive search of a frequent word adds most documents of the index.
    mutating func add(_ seg: LiveSegment, _ bits: MatchBits, marking matched: inout [Bool]) -> Int {
        let r = seg.reader
        var sources = [Int](repeating: 0, count: r.sourceCount)
        var kinds = [Int](repeating: 0, count: kindCounts.count)
        var dates: [Int] = []
        var farDates: [Int: Int] = [:]
        let live = sources.withUnsafeMutableBufferPointer { sc in
            kinds.withUnsafeMutableBufferPointer { kc in
                bits.withWords { words in
                    matched.isEmpty
                        ? r.tallyFacets(words, deletes: seg.deletes, matched: nil, sourceCounts: sc, kindCounts: kc, dateCounts: &dates, farDateCounts: &farDates)
                        : matched.withUnsafeMutableBufferPointer { m in
                            r.tallyFacets(words, deletes: seg.deletes, matched: m, sourceCounts: sc, kindCounts: kc, dateCounts: &dates, farDateCounts: &farDates)
                        }
                }
            }
        }
        if yearCounts.isEmpty { yearCounts = [Int](repeating: 0, count: 10_000) }
        FacetAccumulator.yearStarts.withUnsafeBufferPointer { starts in
            for (v, n) in dates.enumerated().lazy.filter({ $0.offset > 0 && $0.element > 0 }).map({ ($0.offset, $0.element) })
                + farDates.map({ ($0.key, $0.value) }) {
                let y = FacetAccumulator.year(r.dateOrdinal(value: v), starts)
                if y >= 0 && y < 10_000 { yearCounts[y] += n } else { otherYears[y, default: 0] += n }
            }
        }
        for (i, n) in kinds.enumerated() { kindCounts[i] += n }
        for (o, n) in sources.enumerated() where n > 0 {
            let name = r.sourceName(ordinal: o)
            source[name.isEmpty ? "(none)" : name, default: 0] += n
        }
        return live
    }

    /// Days since 1970 of 1 January of each year from 1800 to 2200 (and of 2201, the end).
    private static let yearStarts: [Int32] = (1800...2201).map { Day(year: $0, month: 1, day: 1)!.ordinal }

    /// The year of a day: a guess from the mean year length corrected against the table
    /// (`Day(ordinal:)`, with its divisions, outside it). Exhaustive searches call it for
    /// every matching document with a date.
    static func year(_ ordinal: Int32) -> Int {
        yearStarts.withUnsafeBufferPointer { year(ordinal, $0) }
    }

    @inline(__always)
    static func year(_ ordinal: Int32, _ starts: UnsafeBufferPointer<Int32>) -> Int {
        guard ordinal >= starts[0], ordinal < starts[starts.count - 1] else { return Day(ordinal: ordinal).year }
        var i = Int(Double(ordinal - starts[0]) / 365.2425)
        if i > starts.count - 2 { i = starts.count - 2 }
        while starts[i] > ordinal { i -= 1 }
        while starts[i + 1] <= ordinal { i += 1 }
        return 1800 + i
    }

    func facets(organisations: [String: Int] = [:]) -> Facets {
        var kind: [String: Int] = [:]
        for (i, k) in DocumentKind.allCases.enumerated() where kindCounts[i] > 0 { kind[k.rawValue] = kindCounts[i] }
        var year: [String: Int] = [:]
        for (y, n) in yearCounts.enumerated() where n > 0 { year[String(y)] = n }
        for (y, n) in otherYears { year[String(y)] = n }
        func list(_ d: [String: Int], byValue: Bool = false) -> [FacetCount] {
            d.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { byValue ? $0.value > $1.value : ($0.count != $1.count ? $0.count > $1.count : $0.value < $1.value) }
        }
        // Organisations: the most mentioned first, at most 20 (a long tail of one-off names).
        return Facets(source: list(source), kind: list(kind), year: list(year, byValue: true),
                      organisation: Array(list(organisations).prefix(20)))
    }
}
