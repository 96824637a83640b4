// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift test` in the main package never builds them.
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import Foundation
import PackageDescription

/// The main package is the folder above; SwiftPM names a path dependency after its folder.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ReplyKitBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Writes YAML only, so that it does not change when the library's API does.
        .target(name: "RepositoryGenerator", path: "Sources/RepositoryGenerator"),
        .executableTarget(name: "generate-repository", dependencies: ["RepositoryGenerator"], path: "Sources/generate-repository"),
        // `replykit lsp`: didChange → publishDiagnostics latency and peak memory, against lint's.
        .executableTarget(
            name: "lsp-latency",
            dependencies: [
                "RepositoryGenerator",
                .product(name: "ReplyLSP", package: mainPackage),
                .product(name: "ReplyLint", package: mainPackage),
            ],
            path: "Sources/lsp-latency"
        ),
        // libyaml on its own, the baseline of the load and lint benchmarks.
        .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAMLBaseline", dependencies: ["CLibYAML"], path: "Sources/YAMLBaseline"),
        .testTarget(
            name: "RepositoryGeneratorTests",
            dependencies: ["RepositoryGenerator", "YAMLBaseline", .product(name: "ReplyLint", package: mainPackage)],
            path: "Tests/RepositoryGeneratorTests"
        ),
        .executableTarget(
            name: "LoadBenchmarks",
            dependencies: [
                "RepositoryGenerator", "YAMLBaseline",
                .product(name: "ReplyKit", package: mainPackage),
                .product(name: "ReplyCompiler", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LoadBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "LintBenchmarks",
            dependencies: [
                "RepositoryGenerator", "YAMLBaseline",
                .product(name: "ReplyKit", package: mainPackage),
                .product(name: "ReplyCompiler", package: mainPackage),
                .product(name: "ReplyLint", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LintBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RenderBenchmarks",
            dependencies: [
                "RepositoryGenerator",
                .product(name: "ReplyKit", package: mainPackage),
                .product(name: "ReplyCompiler", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RenderBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CheckBenchmarks",
            dependencies: [
                "RepositoryGenerator",
                .product(name: "ReplyKit", package: mainPackage),
                .product(name: "ReplyCompiler", package: mainPackage),
                .product(name: "ReplyLint", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CheckBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TweetTextBenchmarks",
            dependencies: [
                .product(name: "TweetText", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TweetTextBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
