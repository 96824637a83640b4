import Foundation
import ReplyKit
import Testing
import ReplyCompiler

/// twitter-text's conformance data, read at run time from `../shared/conformance/twitter-text/`
/// beside the package (or from `$TWEETTEXT_CONFORMANCE_DIR`). It is not part of the project.
enum Conformance {
    static let directory: URL? = {
        if let override = ProcessInfo.processInfo.environment["TWEETTEXT_CONFORMANCE_DIR"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("validate.yml").path) ? url : nil
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/twitter-text")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("validate.yml").path) ? url : nil
    }()

    static var isAvailable: Bool { directory != nil }

    static let skipNote: Comment =
        "skipped: twitter-text conformance data not found in ../shared/conformance/twitter-text or $TWEETTEXT_CONFORMANCE_DIR"

    /// One conformance case: its group, description, text and expected value (a YAML node).
    struct Case: CustomTestStringConvertible, Sendable {
        var group: String
        var description: String
        var text: String
        var expected: YAMLNode
        var testDescription: String { "\(group): \(description)" }
    }

    /// The cases of `group` in `file` (`validate.yml` or `extract.yml`); empty when the data is missing.
    static func cases(_ file: String, _ group: String) -> [Case] {
        guard let directory,
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
              let root = try? YAMLParser.parse(Array(data), limits: YAMLLimits(maxBytes: 64 << 20, maxAliasExpansion: 1 << 20)),
              let items = root["tests"]?[group]?.sequence
        else { return [] }
        return items.compactMap { item in
            guard let text = item["text"]?.scalar, let expected = item["expected"] else { return nil }
            return Case(group: group, description: item["description"]?.scalar ?? "", text: text, expected: expected)
        }
    }
}

extension YAMLNode {
    var int: Int? { scalar.flatMap { Int($0) } }
    var bool: Bool? { scalar.map { $0 == "true" } }
    var strings: [String] { sequence?.compactMap(\.scalar) ?? [] }
}

extension Trait where Self == ConditionTrait {
    static var conformanceData: Self { .enabled(if: Conformance.isAvailable, Conformance.skipNote) }
}
