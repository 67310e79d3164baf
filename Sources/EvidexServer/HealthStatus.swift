/// `GET /healthz`: the server answers and has an index open.
struct HealthStatus: Encodable, Sendable {
    let status: String
    let generation: UInt64
    let documents: Int
}
