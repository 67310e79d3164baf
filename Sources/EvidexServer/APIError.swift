import Evidex
import Foundation
import Hummingbird

/// Every failure the server answers, as `{"error": {"code", "message"}}` with its HTTP status.
/// The code is stable for programs; the message says what to change.
public struct APIError: Error, Sendable, Equatable, HTTPResponseError {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static func badParameter(_ message: String) -> APIError { APIError(.badRequest, code: "bad_parameter", message) }
    public static func badEncoding(_ message: String) -> APIError { APIError(.badRequest, code: "bad_encoding", message) }
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message) }

    public static func uriTooLong(_ limit: Int) -> APIError {
        APIError(.uriTooLong, code: "uri_too_long", "the query string is longer than \(limit) bytes; shorten the query")
    }

    public static func tooLong(_ parameter: String, limit: Int) -> APIError {
        APIError(.badRequest, code: "too_long", "\(parameter) is longer than \(limit) bytes; shorten it")
    }

    public static func timeLimit(_ limit: Duration) -> APIError {
        APIError(.gatewayTimeout, code: "time_limit",
                 "the request took longer than \(limit.milliseconds) ms; narrow the query (fewer wildcards or typo-tolerant words)")
    }

    public static let overloaded = APIError(.serviceUnavailable, code: "overloaded",
                                            "too many requests are waiting for a search thread; retry shortly")

    public static func methodNotAllowed(_ allowed: [HTTPRequest.Method]) -> APIError {
        APIError(.methodNotAllowed, code: "method_not_allowed",
                 "this path answers " + allowed.map(\.rawValue).joined(separator: " and ") + " only")
    }

    /// A search or index failure. Only a bad query is the caller's fault; anything else is
    /// the index's (damaged or unreadable), which is a server error.
    public static func search(_ error: SearchError) -> APIError {
        switch error {
        case .query(let e): return APIError(.badRequest, code: "bad_query", "invalid query at column \(e.column): \(e.message)")
        case .timeLimit: return APIError(.gatewayTimeout, code: "time_limit", error.description)
        case .index(let e) where e.isSourceProblem:
            // The index is sound; the document's source file changed or went since indexing.
            return APIError(.conflict, code: "source_unavailable", e.description)
        case .index, .analyzer: return APIError(.internalServerError, code: "index_error", error.description)
        }
    }

    public static func request(_ error: RequestError) -> APIError { .badParameter(error.message(prefix: "")) }

    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let body = JSONOutput.data(Body(error: .init(code: code, message: message)))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
