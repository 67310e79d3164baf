import Evidex
import Hummingbird

/// The endpoints' work, apart from routing: read and check the parameters, run the index work
/// on a search thread within the time limit, and shape the answer as the CLI's `--json` does.
struct EvidexAPI: Sendable {
    let provider: SnapshotProvider
    let pool: SearchWorkerPool
    let limits: ServerLimits

    func parameters(_ request: Request, blankIsAbsent: Bool = false) throws(APIError) -> QueryParameters {
        try QueryParameters(rawQuery: request.uri.query, limits: limits, blankIsAbsent: blankIsAbsent)
    }

    /// Runs index work against the current commit.
    func onIndex<Value: Sendable>(
        _ body: @escaping @Sendable (Searcher, _ deadline: ContinuousClock.Instant) throws(APIError) -> Value
    ) async throws(APIError) -> (Value, ServedIndex) {
        let index = provider.current()
        return (try await pool.run(on: index, timeLimit: limits.timeLimit, body), index)
    }

    // MARK: search

    /// nil when there is no query (`q` absent or blank).
    func searchRequest(_ p: QueryParameters) throws(APIError) -> SearchRequest? {
        guard let q = try p.string("q") else { return nil }
        return SearchRequest(
            query: q,
            limit: try p.int("limit", default: 10, range: 0...limits.maxLimit),
            offset: try p.int("offset", default: 0, range: 0...limits.maxOffset),
            from: try p.string("from"), to: try p.string("to"), source: try p.string("source"),
            kind: try p.string("kind"), org: try p.string("org"), explain: try p.bool("explain"))
    }

    func search(_ request: SearchRequest) async throws(APIError) -> (SearchResult, ServedIndex) {
        var options: SearchOptions
        do { options = try request.options() } catch { throw .request(error) }
        let query = request.query
        return try await onIndex { [options] searcher, deadline throws(APIError) in
            var options = options
            options.deadline = deadline
            do throws(SearchError) { return try searcher.search(query, options: options) } catch { throw .search(error) }
        }
    }

    func search(_ request: Request) async throws(APIError) -> Response {
        guard let r = try searchRequest(try parameters(request)) else {
            throw .badParameter("q is required: the query, e.g. q=burnout or q=%22bitter+irony%22")
        }
        let (result, index) = try await search(r)
        return JSONResponse.make(result, generation: index.generation)
    }

    // MARK: quotes

    func quoteRequest(_ p: QueryParameters) throws(APIError) -> QuoteRequest {
        QuoteRequest(
            query: try p.string("q", allowEmpty: true) ?? "", speaker: try p.string("speaker"), org: try p.string("org"),
            from: try p.string("from"), to: try p.string("to"),
            limit: try p.int("limit", default: 20, range: 0...limits.maxLimit),
            offset: try p.int("offset", default: 0, range: 0...limits.maxOffset),
            all: try p.bool("all"))
    }

    func quotes(_ request: QuoteRequest) async throws(APIError) -> (QuoteSearchResult, ServedIndex) {
        var options: QuoteSearchOptions
        do { options = try request.options() } catch { throw .request(error) }
        let query = request.query
        return try await onIndex { [options] searcher, deadline throws(APIError) in
            var options = options
            options.deadline = deadline
            do throws(SearchError) { return try searcher.quotes(query, options: options) } catch { throw .search(error) }
        }
    }

    func quotes(_ request: Request) async throws(APIError) -> Response {
        let (result, index) = try await quotes(try quoteRequest(try parameters(request)))
        return JSONResponse.make(result, generation: index.generation)
    }

    // MARK: organisations, documents, stats

    func organisations(_ request: Request) async throws(APIError) -> Response {
        let limit = try parameters(request).int("limit", default: 50, range: 0...10_000)
        let (all, index) = try await onIndex { searcher, _ throws(APIError) in searcher.organisationSummaries() }
        return JSONResponse.make(Array(all.prefix(limit)), generation: index.generation)
    }

    func organisation(_ request: Request) async throws(APIError) -> Response {
        let name = try PathID.id(in: request.uri.path, after: ServerRoutes.organisationsPrefix)
        guard name.utf8.count <= limits.maxParameterBytes else { throw .tooLong("the organisation name", limit: limits.maxParameterBytes) }
        let (detail, index) = try await onIndex { searcher, _ throws(APIError) in
            do throws(SearchError) { return try searcher.organisation(name) } catch { throw .search(error) }
        }
        guard let detail else {
            throw .notFound("no organisation named \(name) in the gazetteer or the index; GET /api/orgs lists them")
        }
        return JSONResponse.make(detail, generation: index.generation)
    }

    func document(_ request: Request) async throws(APIError) -> Response {
        let id = try PathID.id(in: request.uri.path, after: ServerRoutes.documentsPrefix)
        guard id.utf8.count <= limits.maxParameterBytes else { throw .tooLong("the document id", limit: limits.maxParameterBytes) }
        let (doc, index) = try await onIndex { searcher, _ throws(APIError) -> Document? in
            do throws(IndexError) { return try searcher.snapshot.document(id: id) } catch { throw .search(.index(error)) }
        }
        guard let doc else { throw .notFound("no document with id \(id); search results give ids") }
        return JSONResponse.make(doc, generation: index.generation)
    }

    func stats(_ request: Request) async throws(APIError) -> Response {
        let sections = try parameters(request).bool("sections")
        let (stats, index) = try await onIndex { searcher, _ throws(APIError) in IndexStats(snapshot: searcher.snapshot, sections: sections) }
        return JSONResponse.make(stats, generation: index.generation)
    }

    func health() -> Response {
        let index = provider.current()
        return JSONResponse.make(HealthStatus(status: "ok", generation: index.generation, documents: index.snapshot.liveDocCount),
                                 generation: index.generation)
    }
}
