import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport
import ReplyLint
import Testing

/// `--fix` applies a fix only when the file reads back as intended and the reply renders the same;
/// otherwise the finding stays, with why. Every case is also run a second time, which must change
/// no byte.
@Suite struct FixSafetyTests {
    /// A pack for `en-US` with one template `t` whose `text:` line (and what follows) is `text`.
    static func pack(_ text: String) -> String {
        "locale: en-US\ntemplates:\n  t:\n    text: \(text)\n"
    }

    struct Run {
        var before: [UInt8]
        var after: [UInt8]
        var first: LintRun.Outcome
        var second: LintRun.Outcome
        var afterSecond: [UInt8]
    }

    /// Runs `lint --fix` twice over a repository whose en-US pack is `pack`.
    static func fixTwice(_ pack: String, rules: [String] = []) throws -> Run {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Array(pack.utf8)
        try TestSupport.write(["templates/acme/brand.yaml": Array(FixSupport.brand.utf8), "templates/acme/en-US.yaml": before],
                              under: root)
        let file = root.appendingPathComponent("templates/acme/en-US.yaml")
        let options: (inout LintRun.Options) -> Void = { $0.fix = true; $0.ruleOverrides = ["unused-variable=off"] + rules }
        let first = TestSupport.lint([root.path], configure: options)
        let after = Array(try Data(contentsOf: file))
        let second = TestSupport.lint([root.path], configure: options)
        return Run(before: before, after: after, first: first, second: second, afterSecond: Array(try Data(contentsOf: file)))
    }

    struct Withheld: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// What the note must say the fix would do.
        var reason: String
        var rules: [String] = []
        var rule = "invisible-character"
        var testDescription: String { name }
    }

    static let withheld: [Withheld] = [
        Withheld(name: "an apostrophe before a placeholder would start quoted text",
                 text: "\"Hi '\u{200B}{s}'\"", reason: "removing it would turn `{s}` into literal text"),
        Withheld(name: "the same, written as an escape", text: "\"Hi '\\u200B{s}'\"",
                 reason: "removing it would turn `{s}` into literal text"),
        Withheld(name: "two apostrophes would join into one", text: "\"it'\u{200B}'s {s}\"",
                 reason: "removing it would join two apostrophes into `''`"),
        Withheld(name: "`#` in a plural branch would be quoted",
                 text: "\"{days, plural, one {'\u{200B}#' day} other {# days}} {s}\"",
                 reason: "removing it would change where `#` stands for the plural's number"),
        Withheld(name: "a select key would change", text: "\"{cabin, select, first\u{200B} {Welcome} other {Hi}} {s}\"",
                 reason: "removing it would change the branch key"),
        Withheld(name: "composing a select key would change it", text: "\"{cabin, select, cafe\\u0301 {Hi} other {Hello}} {s}\"",
                 reason: "writing `\u{00E9}` would change the branch key", rule: "not-nfc"),
        Withheld(name: "a text that is not template syntax cannot be checked", text: "\"Hi {s \u{200B}\"",
                 reason: "removing it cannot be checked: the text is not valid template syntax"),
        Withheld(name: "a combining mark would join the letter before it", text: "\"Cafe\u{200B}\u{0301} {s}\"",
                 reason: "removing it would change the text"),
        Withheld(name: "a space and `#` in a plain scalar would start a comment", text: "Call us \u{200B}#2 in line, {s}",
                 reason: "removing it would make YAML read `#2 in line, …` as a comment"),
        Withheld(name: "a colon and a space in a plain scalar would start a mapping", text: "Note:\u{200B} we are here, {s}",
                 reason: "removing it would break the YAML file"),
        Withheld(name: "a plain scalar would start with a tag", text: "\u{200B}!important notice",
                 reason: "removing it would make YAML read `!important` as a tag"),
        Withheld(name: "a plain scalar would start with an anchor", text: "\u{200B}&a notice",
                 reason: "removing it would start a plain scalar with `&`"),
        Withheld(name: "a plain scalar would start with a quote", text: "\u{200B}'Hi' {s}",
                 reason: "removing it would break the YAML file"),
        Withheld(name: "a plain scalar would become a number", text: "\u{200B}2024",
                 reason: "removing it would leave `2024` unquoted, which YAML tools read as a number, not text"),
        Withheld(name: "a plain scalar would become a boolean", text: "\u{200B}no",
                 reason: "removing it would leave `no` unquoted, which YAML tools read as a boolean, not text"),
        Withheld(name: "a plain scalar would become null", text: "\u{200B}~",
                 reason: "removing it would make the pack read `` instead of `~`"),
        // Without `whitespace`, a fix may not take the spaces beside it.
        Withheld(name: "a literal block's indentation would change its text", text: "|\n      \u{200B}  indented {s}\n",
                 reason: "removing it would change the block's indentation or folding", rules: ["whitespace=off"]),
        Withheld(name: "a literal block's indentation would end it early", text: "|\n      \u{200B}  indented {s}\n      next\n",
                 reason: "removing it would break the YAML file", rules: ["whitespace=off"]),
        Withheld(name: "a plain scalar would start with a space YAML drops", text: "\u{200B} Hi {s}",
                 reason: "removing it would leave spaces at the start of a plain scalar, which YAML drops",
                 rules: ["whitespace=off"]),
    ]

    @Test(arguments: withheld)
    func fixIsWithheld(_ testCase: Withheld) throws {
        let run = try Self.fixTwice(Self.pack(testCase.text), rules: testCase.rules)
        #expect(run.after == run.before, "the file changed:\n\(String(decoding: run.after, as: UTF8.self))")
        let findings = run.first.result?.diagnostics.filter { $0.rule == testCase.rule } ?? []
        #expect(findings.count == 1, "\(findings.map(\.message))")
        for finding in findings {
            #expect(!finding.isFixable)
            #expect(finding.notes.contains { $0.hasPrefix("`--fix` left it: \(testCase.reason)") }, "\(finding.notes)")
            #expect(finding.help?.hasPrefix("fix ") == true, "\(finding.help ?? "no help")")
        }
        #expect(run.first.stderr.contains("left 1 fixable problem as it is"), "\(run.first.stderr)")
        #expect(!run.first.stderr.contains("fixed"), "\(run.first.stderr)")
        #expect(run.afterSecond == run.after)
        FixSupport.expectNothingFixableLeft(run.first)
    }

    struct Fixed: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var fixed: String
        var problems: Int
        var rules: [String] = []
        var testDescription: String { name }
    }

    static let fixed: [Fixed] = [
        Fixed(name: "the double space a removal leaves is fixed in the same run",
              text: "\"x \u{200B} y {s}\"", fixed: "\"x y {s}\"", problems: 2),
        Fixed(name: "without `whitespace`, the double space stays", text: "\"x \u{200B} y {s}\"", fixed: "\"x  y {s}\"",
              problems: 1, rules: ["whitespace=off"]),
        Fixed(name: "an apostrophe before a space stays an apostrophe", text: "\"Hi '\u{200B} {s}'\"",
              fixed: "\"Hi ' {s}'\"", problems: 1),
        Fixed(name: "`#` is only syntax in a plain scalar", text: "\"Call us \u{200B}#2 in line, {s}\"",
              fixed: "\"Call us #2 in line, {s}\"", problems: 1),
        Fixed(name: "an escape is removed whole", text: "\"Hi\\u200B {s}\"", fixed: "\"Hi {s}\"", problems: 1),
        Fixed(name: "a single-quoted scalar keeps its doubled quote", text: "'it''s\u{200B} {s}'", fixed: "'it''s {s}'", problems: 1),
        Fixed(name: "a plain scalar loses a soft hyphen", text: "Thanks for your pa\u{00AD}tience, {s}",
              fixed: "Thanks for your patience, {s}", problems: 1),
        Fixed(name: "a plain scalar loses the space YAML would drop at its start", text: "\u{200B} Hi {s}", fixed: "Hi {s}", problems: 1),
        Fixed(name: "a plain scalar loses the space YAML would drop at its end", text: "Hi {s} \u{200B}", fixed: "Hi {s}", problems: 1),
        Fixed(name: "a plain scalar's line keeps its line break", text: "Hi \u{200B}\n      there, {s}",
              fixed: "Hi\n      there, {s}", problems: 1),
        Fixed(name: "a literal block keeps its indentation", text: "|\n      \u{200B}  indented {s}\n      next\n",
              fixed: "|\n      indented {s}\n      next\n", problems: 1),
        Fixed(name: "a folded line does not become more indented", text: ">\n      Hello {s}\n      \u{200B}  there\n      friend\n",
              fixed: ">\n      Hello {s}\n      there\n      friend\n", problems: 1),
        Fixed(name: "composing a character, then the joiner it held", text: "\"Cafe\\u0301\\u200C {s}\"", fixed: "\"Caf\u{00E9} {s}\"",
              problems: 2),
        Fixed(name: "spaces in a placeholder are not text", text: "\"Hi {  s  }\"", fixed: "\"Hi { s }\"", problems: 2),
    ]

    @Test(arguments: fixed)
    func fixIsApplied(_ testCase: Fixed) throws {
        let run = try Self.fixTwice(Self.pack(testCase.text), rules: testCase.rules)
        #expect(String(decoding: run.after, as: UTF8.self) == Self.pack(testCase.fixed))
        #expect(run.first.stderr.contains("fixed \(testCase.problems) problem\(testCase.problems == 1 ? "" : "s") in 1 file"),
                "\(run.first.stderr)")
        #expect(run.first.result?.diagnostics.filter { FixSupport.fixableRules.contains($0.rule) }.isEmpty == true,
                "\(run.first.stdout)")
        FixSupport.expectSafe(before: run.before, after: run.after, testCase.name)
        #expect(!run.second.stderr.contains("fixed"), "\(run.second.stderr)")
        #expect(run.afterSecond == run.after)
    }

    /// The case that started this: the byte edit alone would post "Hi {s}" instead of "Hi 'Ana'".
    @Test func aQuotedPlaceholderStillRendersAfterFix() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pack = Self.pack("\"Hi '\u{200B}{s}'\"")
        try TestSupport.write(["templates/acme/brand.yaml": Array(FixSupport.brand.utf8),
                               "templates/acme/en-US.yaml": Array(pack.utf8)], under: root)
        let file = root.appendingPathComponent("templates/acme/en-US.yaml")
        func render() throws -> String {
            try ReplyLibrary(contentsOf: root.path).render("acme/t", values: ["s": "Ana"]).text
        }
        #expect(try render().replacingOccurrences(of: "\u{200B}", with: "") == "Hi 'Ana'")
        // What the finding's own edit does to the reply.
        let finding = try #require(TestSupport.lint([root.path]).result?.diagnostics.first { $0.rule == "invisible-character" })
        let naive = Fixer.apply(try #require(finding.fix), to: Array(pack.utf8)).bytes
        try Data(naive).write(to: file)
        #expect(try render() == "Hi {s}")
        try Data(pack.utf8).write(to: file)

        let outcome = TestSupport.lint([root.path]) { $0.fix = true }
        #expect(Array(try Data(contentsOf: file)) == Array(pack.utf8))
        #expect(try render().replacingOccurrences(of: "\u{200B}", with: "") == "Hi 'Ana'")
        let left = try #require(outcome.result?.diagnostics.first { $0.rule == "invisible-character" })
        #expect(left.notes.last == "`--fix` left it: removing it would turn `{s}` into literal text")
        #expect(left.help?.hasPrefix("fix it by hand") == true)
        // The JSON report no longer calls it fixable.
        let json = TestSupport.lint([root.path], format: .json) { $0.fix = true }
        #expect(json.stdout.contains("\"fixable\": false"))
        #expect(!json.stdout.contains("\"fixable\": true"))
    }

    /// Fixes are resolved in rounds, at most ``Fixer/maxRounds``; what a capped run leaves is said,
    /// and the next run finishes it.
    @Test func roundsAreBounded() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["templates/acme/brand.yaml": Array(FixSupport.brand.utf8),
                               "templates/acme/en-US.yaml": Array(Self.pack("\"x \u{200B} y {s}\"").utf8)], under: root)
        let file = root.appendingPathComponent("templates/acme/en-US.yaml")
        func fix(rounds: Int) -> Fixer.Outcome {
            let result = Linter().lint(RepositoryLoader().load(templatesDirectory: root.appendingPathComponent("templates").path))
            return Fixer.fix(result, catalogue: .standard, configuration: LintConfiguration(), maxRounds: rounds)
        }
        let capped = fix(rounds: 1)
        #expect(capped.changed.map(\.edits) == [1])
        #expect(capped.unfinished.map(\.fixes) == [1])
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == Self.pack("\"x  y {s}\""))
        let rest = fix(rounds: 1)
        #expect(rest.changed.map(\.edits) == [1])
        #expect(rest.unfinished.isEmpty)
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == Self.pack("\"x y {s}\""))
    }

    /// A text YAML repeats through an alias is written once: editing it would change the other
    /// text too, and the alias itself holds nothing to edit.
    @Test func aliasedTextsAreLeft() throws {
        let text = "locale: en-US\ntemplates:\n  t:\n    text: &a \"Hi\\u200B {s}\"\n  u:\n    text: *a\n"
        let run = try Self.fixTwice(text)
        #expect(run.after == run.before)
        let notes = (run.first.result?.diagnostics ?? []).filter { $0.rule == "invisible-character" }.flatMap(\.notes)
        #expect(notes.sorted() == [
            "`--fix` left it: removing it cannot be placed in the file: where the text writes it was not found",
            "`--fix` left it: removing it would change another value of the file (`templates.u.text`)",
        ])
        #expect(run.afterSecond == run.after)
    }

    /// A template's `disable` keeps its findings from being fixed, as it keeps them from being reported.
    @Test func disabledRulesAreNotFixed() throws {
        let text = "locale: en-US\ntemplates:\n  t:\n    text: \"Hi  {s}\"\n    disable: [whitespace]\n  u:\n    text: \"Hi  {s}!\"\n"
        let run = try Self.fixTwice(text)
        #expect(String(decoding: run.after, as: UTF8.self) == text.replacingOccurrences(of: "\"Hi  {s}!\"", with: "\"Hi {s}!\""))
        #expect(run.afterSecond == run.after)
    }

    /// The fixtures and the sample repository: a second `--fix` changes no byte, and the first only
    /// what it may.
    @Test(arguments: ["Tests/ReplyLintTests/Fixtures/broken", "."])
    func fixturesAreStableUnderFix(_ fixture: String) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = TestSupport.packageRoot.appendingPathComponent(fixture)
        for name in ["templates", "locales", "replykit.yaml"]
        where FileManager.default.fileExists(atPath: source.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let before = try FixSupport.snapshot(root)
        let first = TestSupport.lint([root.path]) { $0.fix = true }
        let after = try FixSupport.snapshot(root)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, bytes) in before where path.hasSuffix(".yaml") {
            FixSupport.expectSafe(before: bytes, after: after[path] ?? [], path)
        }
        FixSupport.expectNothingFixableLeft(first)
        _ = TestSupport.lint([root.path]) { $0.fix = true }
        #expect(try FixSupport.snapshot(root) == after)
    }
}
