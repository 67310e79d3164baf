import Evidex
import HTTPTypes
import Hummingbird
import Logging

/// The server's routes. Every path answers GET (and HEAD); `/api/documents/`, `/api/orgs/` and
/// `/documents/` take the rest of the path as the id, slashes and all.
enum ServerRoutes {
    static let documentsPrefix = "/api/documents/"
    static let organisationsPrefix = "/api/orgs/"
    static let documentPagesPrefix = "/documents/"

    static let exactPaths: Set<String> = [
        "/", "/app.js", "/healthz", "/openapi.yaml", "/api/search", "/api/quotes", "/api/orgs", "/api/stats",
    ]

    /// The methods a path answers (nil when no route has it), for 405 rather than 404.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        if exactPaths.contains(path) || (path.hasPrefix(documentsPrefix) && path.count > documentsPrefix.count)
            || (path.hasPrefix(organisationsPrefix) && path.count > organisationsPrefix.count)
            || (path.hasPrefix(documentPagesPrefix) && path.count > documentPagesPrefix.count) {
            return [.get, .head]
        }
        return nil
    }

    static func router(api: EvidexAPI, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: [.autoGenerateHeadEndpoints])
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: APIErrorMiddleware())

        router.get("/") { request, _ in await api.page(request) }
        router.get("/documents/**") { request, _ in await api.documentPage(request) }
        router.get("/app.js") { _, _ in
            text(PageScript.source, type: "text/javascript; charset=utf-8")
        }
        router.get("/openapi.yaml") { _, _ in
            text(OpenAPIDocument.yaml, type: "application/yaml; charset=utf-8")
        }
        router.get("/healthz") { _, _ in api.health() }
        router.get("/api/search") { request, _ in try await api.search(request) }
        router.get("/api/quotes") { request, _ in try await api.quotes(request) }
        router.get("/api/orgs") { request, _ in try await api.organisations(request) }
        router.get("/api/orgs/**") { request, _ in try await api.organisation(request) }
        router.get("/api/documents/**") { request, _ in try await api.document(request) }
        router.get("/api/stats") { request, _ in try await api.stats(request) }
        return router
    }

    private static func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
