// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ReplyKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TweetText", targets: ["TweetText"]),
        .library(name: "ReplyKit", targets: ["ReplyKit"]),
        .library(name: "ReplyCompiler", targets: ["ReplyCompiler"]),
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
        .library(name: "ReplyLSP", targets: ["ReplyLSP"]),
        .executable(name: "replykit", targets: ["replykit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "TweetText"),
        // General helpers (JSON, tables, the value-pattern engine, files): no product of its own.
        .target(name: "ReplyKitSupport"),
        // The runtime agents link: compiled templates, rendering, values, bundles.
        .target(name: "ReplyKit", dependencies: ["TweetText", "ReplyKitSupport"]),
        // YAML to source-mapped model to analysis to compiled templates.
        .target(name: "ReplyCompiler", dependencies: ["ReplyKit", "ReplyKitSupport", "TweetText", "CYAML"]),
        .target(name: "ReplyLint", dependencies: ["ReplyCompiler", "ReplyKit", "ReplyKitSupport", "TweetText"]),
        // XLIFF 2.0 and flat JSON export of packs for translators, and the checked import of their work.
        .target(name: "ReplyTranslation", dependencies: ["ReplyLint", "ReplyCompiler", "ReplyKit", "ReplyKitSupport", "TweetText"]),
        // `replykit preview`: the static site of every template as X shows it.
        .target(name: "ReplyPreview", dependencies: ["ReplyLint", "ReplyCompiler", "ReplyKit", "ReplyKitSupport", "TweetText"]),
        // `replykit lsp`: the language server (JSON-RPC over stdio) on lint's findings.
        .target(name: "ReplyLSP", dependencies: ["ReplyLint", "ReplyCompiler", "ReplyKit", "ReplyKitSupport"]),
        // The options of `serve` and `mcp`, which both `replykit` (for `--help`) and `replykit-server` declare.
        .target(name: "ServerArguments", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "replykit",
            dependencies: [
                "ReplyKit", "ReplyCompiler", "ReplyKitSupport", "ReplyLint", "ReplyPreview", "ReplyTranslation", "ReplyLSP", "TweetText",
                "ServerArguments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TweetTextTests", dependencies: ["TweetText", "ReplyKit", "ReplyCompiler"]),
        .testTarget(name: "ReplyKitTests", dependencies: ["ReplyKit", "ReplyCompiler", "ReplyKitSupport", "TweetText"]),
        .testTarget(
            name: "ReplyLintTests", dependencies: ["ReplyLint", "ReplyCompiler", "ReplyKit", "ReplyKitSupport"],
            exclude: ["Fixtures", "Golden", "CopySafetyCorpus"]
        ),
        .testTarget(name: "ReplyTranslationTests", dependencies: ["ReplyTranslation", "ReplyLint", "ReplyCompiler", "ReplyKit", "ReplyKitSupport"]),
        .testTarget(name: "ReplyLSPTests", dependencies: ["ReplyLSP", "ReplyLint", "ReplyCompiler", "ReplyKitSupport"]),
        // Runs the built `replykit`; the dependency makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["replykit"]),
        .testTarget(name: "ReplyPreviewTests", dependencies: ["ReplyPreview", "ReplyLint", "ReplyCompiler", "ReplyKit"]),
    ]
)

// The HTTP and MCP servers (`replykit serve`, `replykit mcp`) live in their own executable,
// `replykit-server`, so that `swift build --product replykit` (make demo) never builds their
// dependencies; the `replykit` subcommands exec it from beside themselves.
package.dependencies += [
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
]
package.products += [
    .executable(name: "replykit-server", targets: ["replykit-server"]),
]
package.targets += [
    .target(
        name: "ReplyServer",
        dependencies: [
            "ReplyKit", "ReplyCompiler", "ReplyLint", "ReplyKitSupport", "TweetText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ],
        // The OpenAPI document is compiled in, so the binary serves it wherever it is installed.
        resources: [.embedInCode("Resources/openapi.json")]
    ),
    .target(
        name: "ReplyMCP",
        dependencies: [
            "ReplyServer", "ReplyKit", "ReplyCompiler", "ReplyLint", "ReplyKitSupport", "TweetText",
            .product(name: "MCP", package: "swift-sdk"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]
    ),
    .executableTarget(
        name: "replykit-server",
        dependencies: [
            "ReplyServer", "ReplyMCP", "ServerArguments",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
    // Drives the routes in process (HummingbirdTesting) and the built `replykit-server` from the
    // Python suites (schemathesis, the `mcp` client); the dependency makes `swift test` build it.
    .testTarget(
        name: "ReplyServerTests",
        dependencies: [
            "ReplyServer", "ReplyMCP", "ReplyKit", "ReplyKitSupport", "ServerArguments", "replykit-server", "replykit",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
]
