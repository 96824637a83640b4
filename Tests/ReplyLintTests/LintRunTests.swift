import Foundation
import ReplyKit
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing
import ReplyCompiler

/// Flags, configuration and exit codes of `replykit lint`.
@Suite struct LintRunTests {
    /// A repository with one error (a follow-up to nothing) in each of `count` templates.
    func repository(errors count: Int) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        var pack = "locale: en-US\ntemplates:\n"
        for index in 0..<count { pack += "  t\(index):\n    text: 'Hi {first_name} #\(index), 100% sure: \"yes\", {days, plural, one {# day} other {# days}}'\n    follow_up: missing-\(index)\n" }
        if count == 0 { pack += "  hi:\n    text: Hi {first_name}, {days, plural, one {# day} other {# days}}\n" }
        try TestSupport.write(["templates/acme/brand.yaml": Array((RuleExample.defaultBrand + "\n").utf8),
                               "templates/acme/en-US.yaml": Array(pack.utf8)], under: root)
        return root
    }

    @Test func exitCodes() throws {
        let clean = try repository(errors: 0), broken = try repository(errors: 2)
        defer { try? FileManager.default.removeItem(at: clean); try? FileManager.default.removeItem(at: broken) }
        #expect(TestSupport.lint([clean.path]).exitCode == 0)
        #expect(TestSupport.lint([broken.path]).exitCode == 1)
        let missing = TestSupport.lint([clean.path + "/nowhere"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no such file or directory"))
    }

    @Test func maxWarningsCountsWarnings() throws {
        let root = try repository(errors: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        let lowered = { (max: Int) in
            TestSupport.lint([root.path]) { $0.ruleOverrides = ["unknown-reference=warning"]; $0.maxWarnings = max }
        }
        #expect(lowered(3).exitCode == 0)
        let over = lowered(2)
        #expect(over.exitCode == 1)
        #expect(over.stderr.contains("3 warnings, more than --max-warnings 2"))
    }

    @Test func quietShowsErrorsOnly() throws {
        let root = try repository(errors: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = TestSupport.lint([root.path]) { $0.ruleOverrides = ["unknown-reference=warning"]; $0.quiet = true }
        #expect(!outcome.stdout.contains("warning["))
        #expect(outcome.exitCode == 0)
        #expect(TestSupport.lint([root.path]) { $0.ruleOverrides = ["unknown-reference=warning"] }.stdout.contains("warning[unknown-reference]"))
    }

    @Test(arguments: ["schema=off", "yaml-syntax=warning", "duplicate-key=off"])
    func mandatoryRulesRefuseToBeSwitchedOff(_ argument: String) throws {
        let root = try repository(errors: 0)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = TestSupport.lint([root.path]) { $0.ruleOverrides = [argument] }
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.contains("cannot be switched off"))
    }

    @Test func unknownRuleInFlagAndConfigurationIsReported() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let flag = TestSupport.lint([root.path]) { $0.ruleOverrides = ["unknown-referance=off"] }
        #expect(flag.exitCode == 2)
        #expect(flag.stderr.contains("did you mean `unknown-reference`?"))

        try Data("rules:\n  unknown-referance: off\n".utf8).write(to: root.appendingPathComponent("replykit.yaml"))
        let configured = TestSupport.lint([root.path])
        #expect(configured.exitCode == 2)
        #expect(configured.stderr.contains("unknown rule `unknown-referance`"))
        #expect(configured.stderr.contains("replykit.yaml:2:3"))
    }

    @Test func configurationSwitchesRulesOffAndMovesTemplates() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("templates"), to: root.appendingPathComponent("packs"))
        try Data("templates: packs\nrules:\n  unknown-reference: off\n".utf8).write(to: root.appendingPathComponent("replykit.yaml"))
        let outcome = TestSupport.lint([root.path])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("no problems in 2 files (1 template)"))
    }

    @Test func templateDisableKeySilencesARuleForThatTemplate() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let pack = "locale: en-US\ntemplates:\n  t0:\n    text: Hi\n    follow_up: nowhere\n    disable: [unknown-reference]\n"
        try Data(pack.utf8).write(to: root.appendingPathComponent("templates/acme/en-US.yaml"))
        #expect(TestSupport.lint([root.path]).exitCode == 0)
    }

    @Test func templateDisableSilencesOnlyThatTemplateAndNeverAMandatoryRule() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let pack = """
            locale: en-US
            templates:
              t0:
                text: Hi
                follow_up: nowhere
                disable: [unknown-reference]
              t1:
                text: Hi
                follow_up: elsewhere
              t2:
                text: "Hi {oops"
                disable: [template-syntax]

            """
        try Data(pack.utf8).write(to: root.appendingPathComponent("templates/acme/en-US.yaml"))
        let found = try #require(TestSupport.lint([root.path]).result).diagnostics
        let byTemplate = found.map { "\($0.template ?? "-") \($0.rule)" }
        #expect(!byTemplate.contains("t0 unknown-reference"))
        #expect(byTemplate.contains("t1 unknown-reference"))
        #expect(byTemplate.contains("t2 template-syntax"))
    }

    @Test func aSingleFileIsLintedWithItsBrand() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let brandOnly = TestSupport.lint([root.appendingPathComponent("templates/acme/brand.yaml").path])
        #expect(brandOnly.exitCode == 0)
        #expect(TestSupport.lint([root.appendingPathComponent("templates/acme/en-US.yaml").path]).exitCode == 1)
    }

    @Test func reportsAreWrittenInTheSameRun() throws {
        let root = try repository(errors: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = TestSupport.lint([root.path]) { $0.reports = [(.sarif, "out.sarif"), (.junit, "out.xml")] }
        #expect(outcome.reports.map(\.path) == ["out.sarif", "out.xml"])
        #expect(outcome.reports[0].contents.contains("\"version\" : \"2.1.0\"") || outcome.reports[0].contents.contains("\"version\": \"2.1.0\""))
        #expect(outcome.reports[1].contents.hasPrefix("<?xml"))
    }

    /// GitHub shows 10 annotations of a level; with more, the first line says how many there are.
    @Test func githubEscapesAndAnnouncesTheCap() throws {
        let root = try repository(errors: 12)
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = TestSupport.lint([root.path], format: .github).stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("::notice title=replykit::replykit found 12 errors"))
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 12)
        #expect(GitHubReporter.escapeData("100% done\r\nnext") == "100%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
        let few = try repository(errors: 2)
        defer { try? FileManager.default.removeItem(at: few) }
        #expect(!TestSupport.lint([few.path], format: .github).stdout.hasPrefix("::notice"))
    }
}
