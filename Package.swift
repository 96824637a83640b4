// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ReplyKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TweetText", targets: ["TweetText"]),
        .library(name: "ReplyKit", targets: ["ReplyKit"]),
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
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
        .target(name: "ReplyKit", dependencies: ["TweetText", "CYAML"]),
        .target(name: "ReplyLint", dependencies: ["ReplyKit", "TweetText"]),
        .executableTarget(
            name: "replykit",
            dependencies: [
                "ReplyKit", "ReplyLint", "TweetText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TweetTextTests", dependencies: ["TweetText", "ReplyKit"]),
        .testTarget(name: "ReplyKitTests", dependencies: ["ReplyKit", "TweetText"]),
        .testTarget(
            name: "ReplyLintTests", dependencies: ["ReplyLint", "ReplyKit"],
            exclude: ["Fixtures", "Golden"]
        ),
        // Runs the built `replykit`; the dependency makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["replykit"]),
    ]
)
