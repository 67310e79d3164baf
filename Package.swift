// swift-tools-version:6.1
import PackageDescription

// ICU stays behind CEvidexICU (a C target whose header shows no ICU types): a module map that
// exposes <unicode/*.h> collides with Foundation's own ICU on a clean build. _FoundationICU is
// linked before the system ICU so that the symbols both define bind to Foundation's copy.
let icuLinker: [LinkerSetting] = [
    .linkedLibrary("_FoundationICU"),
    .linkedLibrary("icui18n"),
    .linkedLibrary("icuuc"),
    .linkedLibrary("icudata"),
]

let package = Package(
    name: "Evidex",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Evidex", targets: ["Evidex"]),
        .executable(name: "evidex", targets: ["evidex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The HTTP server (`evidex serve`). No traits: the swift-configuration reader is not
        // used, and leaving it out keeps a clean build shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C seams: small headers with only <stdint.h>/<stddef.h> types.
        .target(name: "CEvidexICU", linkerSettings: icuLinker),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "CEvidexZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "CEvidexMemory"),
        // SIMD kernels for the annotation passes (SSE2 where the target has it, plain C elsewhere).
        .target(name: "CEvidexScan"),
        // libxml2's HTML parser (a real parser, not regular expressions), reached through
        // pkg-config so that no unsafe flags block use of the library product by other packages.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CEvidexHTML", dependencies: ["CLibXML2"]),

        .target(name: "EvidexText", dependencies: ["CEvidexICU", "CStemmer", "CEvidexMemory"]),
        .target(name: "EvidexDocuments", dependencies: ["CEvidexZlib", "CEvidexHTML"]),
        .target(name: "EvidexIndex", dependencies: ["EvidexText", "EvidexDocuments", "EvidexQuotes", "CEvidexZlib", "CEvidexMemory", "CEvidexScan"]),
        .target(name: "EvidexSearch", dependencies: ["EvidexIndex", "EvidexText"]),
        .target(name: "EvidexQuotes", dependencies: ["CEvidexScan"]),
        .target(name: "Evidex", dependencies: ["EvidexText", "EvidexDocuments", "EvidexIndex", "EvidexSearch", "EvidexQuotes"]),
        // Relevance evaluation (`evidex eval`): query and qrels files, TREC runs, trec_eval's measures.
        .target(name: "EvidexEval", dependencies: ["EvidexSearch"]),
        .target(
            name: "EvidexServer",
            dependencies: [
                "Evidex",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        .executableTarget(
            name: "evidex",
            dependencies: [
                "Evidex", "EvidexServer", "EvidexEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .testTarget(name: "EvidexTextTests", dependencies: ["EvidexText"]),
        .testTarget(name: "EvidexDocumentsTests", dependencies: ["EvidexDocuments"]),
        .testTarget(name: "EvidexIndexTests", dependencies: ["EvidexIndex", "CEvidexZlib"], exclude: ["Fixtures"]),
        .testTarget(name: "EvidexQuotesTests", dependencies: ["EvidexQuotes"], exclude: ["Fixtures"]),
        .testTarget(name: "EvidexSearchTests", dependencies: ["EvidexSearch"]),
        .testTarget(name: "EvidexIntegrationTests", dependencies: ["Evidex"]),
        .testTarget(
            name: "EvidexServerTests",
            dependencies: ["EvidexServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "EvidexEvalTests", dependencies: ["EvidexEval", "Evidex"]),
    ],
    swiftLanguageModes: [.v6]
)
