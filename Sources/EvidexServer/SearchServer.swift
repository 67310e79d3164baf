import Evidex
import Hummingbird
import Logging
import NIOCore

/// `evidex serve`: the JSON API and the search page over one index folder.
public enum SearchServer {
    /// The application, ready to run or test. Opens the index first, so a missing or damaged
    /// index is reported before the server binds its port.
    public static func application(
        _ configuration: ServerConfiguration, logger: Logger,
        onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws(IndexError) -> some ApplicationProtocol {
        let provider = try SnapshotProvider(directory: configuration.indexDirectory,
                                            refreshInterval: configuration.limits.refreshInterval, logger: logger)
        let pool = SearchWorkerPool(threads: configuration.threads, maxQueued: configuration.limits.maxQueued)
        let api = EvidexAPI(provider: provider, pool: pool, limits: configuration.limits)
        return Application(
            router: ServerRoutes.router(api: api, logger: logger),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "evidex"),
            services: [SearchPoolService(pool: pool)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then stops taking connections and finishes the requests
    /// in flight before returning.
    public static func run(_ configuration: ServerConfiguration, logger: Logger,
                           onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) async throws {
        try await application(configuration, logger: logger, onRunning: onRunning).runService()
    }
}
