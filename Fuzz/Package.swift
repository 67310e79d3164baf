// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Evidex (scripts/fuzz builds them with -sanitize=fuzzer,address).
// A package of its own, so the main package and its tests never build with sanitizers.
// libFuzzer supplies main(); the targets' files must not define one.
let libFuzzerEntry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "EvidexFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Evidex", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzQuery", dependencies: [.product(name: "Evidex", package: "Evidex"), "FuzzSupport"], swiftSettings: libFuzzerEntry),
        .executableTarget(name: "FuzzDocuments", dependencies: [.product(name: "Evidex", package: "Evidex"), "FuzzSupport"], swiftSettings: libFuzzerEntry),
        .executableTarget(name: "FuzzQuotes", dependencies: [.product(name: "Evidex", package: "Evidex"), "FuzzSupport"], swiftSettings: libFuzzerEntry),
        .executableTarget(name: "FuzzSegment", dependencies: [.product(name: "Evidex", package: "Evidex"), "FuzzSupport"], swiftSettings: libFuzzerEntry),
    ],
    swiftLanguageModes: [.v6]
)
