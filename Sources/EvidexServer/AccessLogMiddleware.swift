import Hummingbird
import Logging

/// One line per request: method, path, status and duration. The path is logged without its
/// query string, so what people search for never reaches the log.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start)
            return response
        } catch {
            // Only reached if the error middleware inside could not answer.
            log(request, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let rounded = (ms * 100).rounded() / 100
        logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(rounded) ms")
    }
}
