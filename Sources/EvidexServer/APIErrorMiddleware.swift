import HTTPTypes
import Hummingbird
import Logging

/// Turns every failure into the API's JSON error: our `APIError`s as they are, Hummingbird's
/// own (an unknown route is its 404) with a message of ours, a known path asked with another
/// method into 405, and anything else into a 500 that says nothing of the internals (the
/// error itself goes to the log). User input never reaches that last case by design.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let apiError = translate(error, request)
            var response = try apiError.response(from: request, context: context)
            if apiError.status == .methodNotAllowed, let allowed = ServerRoutes.methods(for: request.uri.path) {
                response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            }
            return response
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, code: "internal", "the server failed to answer; see its log")
                .response(from: request, context: context)
        }
    }

    private func translate(_ error: HTTPError, _ request: Request) -> APIError {
        switch error.status {
        case .notFound:
            if let allowed = ServerRoutes.methods(for: request.uri.path), !allowed.contains(request.method) {
                return .methodNotAllowed(allowed)
            }
            return .notFound("no such path: \(request.uri.path); the API is described at /openapi.yaml")
        default:
            return APIError(error.status, code: "http_\(error.status.code)", error.body ?? error.status.reasonPhrase)
        }
    }
}
