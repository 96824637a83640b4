import Foundation
import Testing

/// Every usage error of every command exits 2, the code cli.md documents for a command that could
/// not do its job (a bad flag included), not ArgumentParser's EX_USAGE (64).
@Suite struct UsageErrorTests {
    @Test(arguments: [
        ["--bogus"],
        ["no-such-command"],
        ["lint", "--bogus"],
        ["lint", "--format", "nonsense"],
        ["lint", "--format"],
        ["lint", "--max-warnings", "many"],
        ["lint", "--max-warnings", "-1"],
        ["lint", "--report", "pdf=report.pdf"],
        ["lint", "--report", "json"],
        ["render", "--bogus", "acme-air/refund-delay"],
        ["render", "acme-air/refund-delay", "--format", "nonsense"],
        ["render", "acme-air/refund-delay", "--variant", "first"],
        ["render", "acme-air/refund-delay", "--locale"],
        ["render", "acme-air/refund-delay", "--examples", "--at", "tomorrow"],
        ["render", "acme-air/refund-delay", "--var", "first_name"],
        ["render"],
        ["render", "acme-air/refund-delay", "--batch", "-"],
        ["render", "--batch", "-", "--at", "tomorrow"],
        ["compile"],
        ["compile", "templates", "--output"],
        ["compile", "templates", "extra", "--output", "bundle.json"],
        ["count", "--format", "nonsense", "text"],
        ["count", "--bogus"],
        ["count", "--jsonl", "text"],
        ["count", "--config", "/no/such/twitter-text.json", "text"],
        ["rules", "one", "two"],
        ["rules", "no-such-rule"],
    ])
    func usageErrorExitsTwoWithArgumentParsersMessage(_ arguments: [String]) async throws {
        // An empty folder as the current directory, so that nothing could land in the repository;
        // the packs are named, so that render fails on its arguments rather than on finding none.
        let scratch = try Scratch()
        defer { scratch.remove() }
        let templates = Replykit.packageRoot.appendingPathComponent("templates").path
        var arguments = arguments.map { $0 == "templates" ? templates : $0 }
        if arguments.first == "render" { arguments.insert(contentsOf: ["--templates", templates], at: 1) }
        let outcome = try await Replykit.run(arguments, in: scratch.url)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: "), "\(outcome)")
        #expect(outcome.stderr.contains("Usage: replykit"), "\(outcome)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test(arguments: [
        (["--rule", "no-such-rule=off"], "no-such-rule"),
        (["--rule", "over-limit=off"], "over-limit"),  // † rules cannot be switched off
        (["--config", "/no/such/replykit.yaml"], "/no/such/replykit.yaml"),
    ])
    func lintOptionsThatCannotBeUsedExitTwo(_ arguments: [String], _ cause: String) async throws {
        let outcome = try await Replykit.run(["lint", "templates"] + arguments)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("error"), "\(outcome)")
        #expect(outcome.stderr.contains(cause), "\(outcome)")
    }

    @Test(arguments: [["--version"], ["lint", "--version"], ["--help"], ["render", "--help"], ["help", "compile"]])
    func helpAndVersionStillExitZero(_ arguments: [String]) async throws {
        let outcome = try await Replykit.run(arguments)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(!outcome.stdout.isEmpty)
        #expect(outcome.stderr.isEmpty)
    }
}
