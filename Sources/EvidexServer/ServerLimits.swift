/// The bounds the server puts on a request (README, "HTTP API"). A request past one is refused
/// with a 4xx error rather than clamped, so that a client never gets a page it did not ask for.
public struct ServerLimits: Sendable {
    /// The raw query string (after `?`), in bytes: longer is 414.
    public var maxQueryStringBytes = 8192
    /// One parameter's decoded value (`q`, `source`, …), in UTF-8 bytes: longer is 400.
    public var maxParameterBytes = 2048
    /// Largest `limit` of `/api/search` and `/api/quotes`.
    public var maxLimit = 100
    /// Largest `offset`: deeper pages cost a top-k of offset + limit documents.
    public var maxOffset = 10_000
    /// Time a request may wait for and spend in a search thread before it is answered 504.
    public var timeLimit: Duration = .seconds(5)
    /// Requests that may wait for a search thread; past that they are answered 503 at once.
    public var maxQueued = 256
    /// How often at most the index folder's MANIFEST is looked at for a new commit.
    public var refreshInterval: Duration = .milliseconds(500)

    public init() {}
}
