import ServiceLifecycle

/// Stops the search threads when the server shuts down. It is registered before the HTTP
/// server, and a service group shuts its services down in reverse order, so requests in
/// flight are answered before the threads end.
struct SearchPoolService: Service {
    let pool: SearchWorkerPool

    func run() async throws {
        // Returns on graceful shutdown; throws if the task is cancelled instead.
        try? await gracefulShutdown()
        await pool.stop()
    }
}
