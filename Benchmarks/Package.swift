// swift-tools-version:6.1
import PackageDescription

// Microbenchmarks for Evidex, kept in their own package so that the main package's `swift build`
// and `swift test` never resolve or build the benchmark dependency.
//
// Run (from this folder):
//
//     swift package --allow-writing-to-package-directory benchmark
//
// See README.md beside this file for the benchmarks, their data and how to read the results.
let package = Package(
    name: "EvidexBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its folder's name ("main"
        // here, something else in another clone).
        .package(name: "Evidex", path: ".."),
        // The RuntimeInterposer default trait is left off: only MallocInterposer is enabled.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EvidexBenchmarks",
            dependencies: [
                .product(name: "Evidex", package: "Evidex"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EvidexBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
