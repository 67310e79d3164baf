import Evidex
import HTTPTypes
import Hummingbird

/// A 200 answer in the CLI's `--json` shapes (one encoder for both, `JSONOutput`).
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, generation: UInt64? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let generation { headers[ServerHeaders.generation] = String(generation) }
        return Response(status: .ok, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONOutput.data(value))))
    }
}
