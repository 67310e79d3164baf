import Foundation

/// How `evidex serve` runs.
public struct ServerConfiguration: Sendable {
    /// Loopback by default: the server has no authentication, so exposing it is a choice.
    public var host = "127.0.0.1"
    public var port = 8080
    public var indexDirectory = "index"
    /// Search threads; one per core keeps the cores busy without oversubscribing them.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    public var limits = ServerLimits()

    public init() {}
}
