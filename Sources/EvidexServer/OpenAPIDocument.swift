/// The hand-maintained OpenAPI 3.1 description of the API (`openapi.yaml` beside this file,
/// compiled into the binary so the server needs no resource files at run time).
enum OpenAPIDocument {
    static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
