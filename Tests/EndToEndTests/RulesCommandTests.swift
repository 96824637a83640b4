import Foundation
import Testing

/// `replykit rules`, `replykit rules ID`, `--version` and `--help`.
@Suite struct RulesCommandTests {
    /// The rules SARIF declares: every rule of the catalogue, with the tool's version.
    static func sarifDriver() async throws -> [String: Any] {
        let outcome = try await Replykit.run("lint", "templates", "--format", "sarif")
        let log = try #require(outcome.stdoutJSON as? [String: Any], "\(outcome)")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }

    @Test func rulesListsEveryRuleOfTheCatalogue() async throws {
        async let listing = Replykit.run("rules")
        async let driver = Self.sarifDriver()
        let outcome = try await listing
        #expect(outcome.status == 0, "\(outcome)")
        let table = outcome.stdoutLines.prefix { !$0.isEmpty }
        let columns = table.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        let ids = columns.compactMap(\.first)
        let severities = columns.compactMap { $0.count > 1 ? ($0[1] == "†" ? $0.dropFirst(2).first : $0[1]) : nil }
        #expect(severities.count == ids.count)
        #expect(severities.allSatisfy { ["error", "warning", "info", "off"].contains($0) }, "\(outcome)")
        let declared = ((try await driver)["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        #expect(ids == declared, "the listing and SARIF's rules are the same catalogue, in the same order")
    }

    @Test(arguments: ["shouting", "invisible-character", "over-limit"])
    func rulesIDExplainsOneWithItsExamples(_ id: String) async throws {
        let outcome = try await Replykit.run("rules", id)
        #expect(outcome.status == 0, "\(outcome)")
        let title = try #require(outcome.stdoutLines.first)
        #expect(title.hasPrefix("\(id): ") || title.hasPrefix("\(id) †: "), "\(outcome)")
        #expect(outcome.stdoutLines.contains("triggers:"), "\(outcome)")
        #expect(outcome.stdoutLines.contains("does not trigger:"), "\(outcome)")
        #expect(outcome.stdout.contains("↓"), "the expected position is marked: \(outcome)")
    }

    @Test func unknownRuleSuggestsTheNearestAndExitsTwo() async throws {
        let outcome = try await Replykit.run("rules", "shoutng")
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("did you mean `shouting`"), "\(outcome)")
    }

    @Test func versionIsTheToolVersion() async throws {
        async let version = Replykit.run("--version")
        async let driver = Self.sarifDriver()
        let outcome = try await version
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
        let expected = try #require(try await driver["version"] as? String)
        #expect(outcome.stdout == expected + "\n", "--version and SARIF's tool.driver.version agree")
    }

    static let subcommands = ["lint", "render", "compile", "count", "rules"]

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func helpListsEverySubcommand(_ arguments: [String]) async throws {
        let outcome = try await Replykit.run(arguments)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty, "help goes to stdout: \(outcome)")
        #expect(outcome.stdout.contains("USAGE: replykit <subcommand>"), "\(outcome)")
        let listed = outcome.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        for name in Self.subcommands {
            #expect(listed.contains("\n  \(name) "), "\(name) is listed: \(outcome)")
        }
    }

    @Test(arguments: subcommands)
    func everySubcommandHasHelp(_ name: String) async throws {
        async let flag = Replykit.run(name, "--help")
        async let word = Replykit.run("help", name)
        let outcome = try await flag
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix("OVERVIEW: "), "\(outcome)")
        #expect(outcome.stdout.contains("USAGE: replykit \(name)"), "\(outcome)")
        #expect(try await word.stdout == outcome.stdout)
    }
}
