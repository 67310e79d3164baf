import Evidex
import Hummingbird

extension EvidexAPI {
    /// `GET /`: the search page with the results of the query in its URL.
    func page(_ request: Request) async -> Response {
        var query = PageQuery()
        let outcome: SearchPage.Outcome
        do throws(APIError) {
            let p = try parameters(request, blankIsAbsent: true)
            query = try PageQuery(p, maxOffset: limits.maxOffset)
            outcome = try await results(for: query)
        } catch {
            outcome = .failed(error)
        }
        var page = SearchPage(query: query, outcome: outcome)
        if case .empty = outcome { page.documentCount = provider.current().snapshot.liveDocCount }
        var status = HTTPResponse.Status.ok
        if case .failed(let e) = outcome { status = e.status }
        return HTMLResponse.make(page.render(), status: status)
    }

    /// `GET /documents/{id}`: a stored document as HTML; the search page's parameters, if
    /// any, say which results page to link back to.
    func documentPage(_ request: Request) async -> Response {
        do throws(APIError) {
            let id = try PathID.id(in: request.uri.path, after: ServerRoutes.documentPagesPrefix)
            guard id.utf8.count <= limits.maxParameterBytes else { throw .tooLong("the document id", limit: limits.maxParameterBytes) }
            let back = try PageQuery(try parameters(request, blankIsAbsent: true), maxOffset: limits.maxOffset)
            let (doc, _) = try await onIndex { searcher, _ throws(APIError) -> Document? in
                do throws(IndexError) { return try searcher.snapshot.document(id: id) } catch { throw .search(.index(error)) }
            }
            guard let doc else { throw .notFound("no document with id \(id); search results link to documents") }
            return HTMLResponse.make(DocumentPage(document: doc, back: back.href).render())
        } catch {
            return HTMLResponse.make(SearchPage(query: PageQuery(), outcome: .failed(error)).render(), status: error.status)
        }
    }

    private func results(for query: PageQuery) async throws(APIError) -> SearchPage.Outcome {
        switch query.view {
        case .documents:
            guard !query.q.isEmpty else { return .empty }
            let request = SearchRequest(query: query.q, limit: PageQuery.pageSize, offset: query.offset, from: query.from, to: query.to,
                                        source: query.source, kind: query.kind, org: query.org)
            return .documents(try await search(request).0)
        case .quotes:
            guard !query.q.isEmpty || query.speaker != nil || query.org != nil else { return .empty }
            let request = QuoteRequest(query: query.q, speaker: query.speaker, org: query.org, from: query.from, to: query.to,
                                       limit: PageQuery.pageSize, offset: query.offset)
            return .quotes(try await quotes(request).0)
        }
    }
}
