import Foundation
import ReplyKit
@testable import ReplyKitSupport
import ReplyLint
import Testing
import ReplyCompiler

/// A corpus of broken files, all linted in one run: each must end in its diagnostic (at its line, or
/// for the file as a whole when the file cannot be read), none may crash or hang the run, and the
/// other files must still be linted.
@Suite struct BadInputCorpusTests {
    struct Expectation: Sendable {
        var rule: String
        var file: String
        /// The 1-based line the diagnostic starts on; nil for a problem with the whole file.
        var line: Int?
    }

    struct Case: Sendable {
        var name: String
        /// Files of the brand folder `templates/<name>/`; a valid brand.yaml is added unless given.
        var files: [String: [UInt8]]
        var expected: [Expectation]
        /// Extra setup for what plain files cannot express (links, FIFOs, folders).
        var setup: (@Sendable (URL) throws -> Void)?

        init(_ name: String, _ files: [String: [UInt8]], _ expected: [Expectation],
             setup: (@Sendable (URL) throws -> Void)? = nil) {
            self.name = name
            self.files = files
            self.expected = expected
            self.setup = setup
        }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func pack(_ templates: String) -> [UInt8] { text("locale: en-US\ntemplates:\n" + templates) }
    static func expect(_ rule: String, _ file: String = "en-US.yaml", line: Int?) -> [Expectation] {
        [Expectation(rule: rule, file: file, line: line)]
    }

    static let brand = text(RuleExample.defaultBrand + "\n")

    static func brand(replacing old: String, with new: String) -> [UInt8] {
        text(RuleExample.defaultBrand.replacingOccurrences(of: old, with: new) + "\n")
    }

    static let aliasBomb: String = {
        var text = "locale: en-US\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }()

    static let cases: [Case] = [
        Case("invalid-utf8", ["en-US.yaml": text("locale: en-US\ntemplates:\n  hi:\n    text: caf") + [0xE9, 0x0A]],
             expect("yaml-syntax", line: 4)),
        Case("byte-order-mark", ["en-US.yaml": [0xEF, 0xBB, 0xBF] + pack("  hi:\n    txt: Hi\n")],
             expect("schema", line: 4)),
        Case("tab-indentation", ["en-US.yaml": pack("  hi:\n\ttext: Hi\n")], expect("yaml-syntax", line: 4)),
        Case("alias-bomb", ["en-US.yaml": text(aliasBomb)], expect("yaml-syntax", line: 5)),
        Case("nested-brackets", ["en-US.yaml": text("locale: en-US\nx: " + String(repeating: "[", count: 10_000)
                                                      + String(repeating: "]", count: 10_000) + "\n")],
             expect("yaml-syntax", line: 2)),
        Case("fifty-megabyte-scalar", ["en-US.yaml": text("locale: en-US\ntemplates:\n  hi:\n    text: ")
                                       + [UInt8](repeating: 0x61, count: 50 << 20) + [0x0A]],
             expect("yaml-syntax", line: nil)),
        Case("empty-file", ["en-US.yaml": []], expect("schema", line: nil)),
        Case("comments-only", ["en-US.yaml": text("# nothing yet\n")], expect("schema", line: nil)),
        Case("binary-file", ["en-US.yaml": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]],
             expect("yaml-syntax", line: 1)),
        Case("utf16-file", ["en-US.yaml": [0xFF, 0xFE] + Array("locale: en-US\n".utf8).flatMap { [$0, 0] }],
             expect("yaml-syntax", line: 1)),
        Case("control-character", ["en-US.yaml": pack("  hi:\n    text: \"bell \u{07} here\"\n")],
             expect("yaml-syntax", line: 4)),
        Case("duplicate-template-key", ["en-US.yaml": pack("  hi:\n    text: Hi\n  hi:\n    text: Hello\n")],
             expect("duplicate-key", line: 5)),
        Case("duplicate-text-key", ["en-US.yaml": pack("  hi:\n    text: Hi\n    text: Hello\n")],
             expect("duplicate-key", line: 5)),
        Case("unknown-key", ["en-US.yaml": pack("  hi:\n    text: Hi\n    descripton: greeting\n")],
             expect("schema", line: 5)),
        Case("unknown-top-level-key", ["en-US.yaml": text("locale: en-US\ntemplate:\n  hi:\n    text: Hi\n")],
             expect("schema", line: 2)),
        Case("wrong-type-text-list", ["en-US.yaml": pack("  hi:\n    text:\n      - only one\n")],
             expect("schema", line: 5)),
        Case("wrong-type-dm", ["en-US.yaml": pack("  hi:\n    text: Hi\n    dm: yes\n")], expect("schema", line: 5)),
        Case("wrong-type-tags", ["en-US.yaml": pack("  hi:\n    text: Hi\n    tags: refunds\n")], expect("schema", line: 5)),
        Case("locale-mismatch", ["en-US.yaml": text("locale: en-GB\ntemplates:\n  hi:\n    text: Hi\n")],
             expect("schema", line: 1)),
        Case("locale-not-a-tag", ["en-US.yaml": text("locale: english\ntemplates:\n  hi:\n    text: Hi\n")],
             expect("schema", line: 1)),
        Case("file-name-not-a-tag", ["en_US.yaml": pack("  hi:\n    text: Hi\n")],
             expect("schema", "en_US.yaml", line: nil)),
        Case("yml-extension", ["en-GB.yml": text("locale: en-GB\ntemplates:\n  hi:\n    text: Hi\n")],
             expect("schema", "en-GB.yml", line: nil)),
        Case("brace-plain-scalar", ["en-US.yaml": pack("  hi:\n    text: {first_name}\n")], expect("schema", line: 4)),
        Case("brace-then-text", ["en-US.yaml": pack("  hi:\n    text: {first_name}, hi\n")], expect("yaml-syntax", line: 4)),
        Case("scalar-root", ["en-US.yaml": text("just some text\n")], expect("schema", line: 1)),
        Case("list-root", ["en-US.yaml": text("- locale: en-US\n")], expect("schema", line: 1)),
        Case("non-string-key", ["en-US.yaml": pack("  ? [a, b]\n  : text\n")], expect("schema", line: 3)),
        Case("null-template", ["en-US.yaml": pack("  hi:\n")], expect("schema", line: 3)),
        Case("template-as-string", ["en-US.yaml": pack("  hi: Hello there\n")], expect("schema", line: 3)),
        Case("bad-template-id", ["en-US.yaml": pack("  Hi_There:\n    text: Hi\n")], expect("schema", line: 3)),
        Case("multiple-documents", ["en-US.yaml": pack("  hi:\n    text: Hi\n---\nlocale: fr\n")],
             expect("yaml-syntax", line: 5)),
        Case("undefined-alias", ["en-US.yaml": pack("  hi:\n    text: *greeting\n")], expect("yaml-syntax", line: 4)),
        Case("unclosed-flow-mapping", ["en-US.yaml": pack("  hi: {text: Hi\n")], expect("yaml-syntax", line: 4)),
        Case("unclosed-quote", ["en-US.yaml": pack("  hi:\n    text: \"Hi there\n")], expect("yaml-syntax", line: 5)),
        Case("crlf-line-endings", ["en-US.yaml": text("locale: en-US\r\ntemplates:\r\n  hi:\r\n    txet: Hi\r\n")],
             expect("schema", line: 4)),
        Case("no-brand-yaml", ["brand.yaml": [], "en-US.yaml": pack("  hi:\n    text: Hi\n")],
             expect("schema", "nobrand", line: nil)),
        Case("brand-empty", ["brand.yaml": text("\n")], expect("schema", "brand.yaml", line: nil)),
        Case("brand-unclosed-quote", ["brand.yaml": text("name: \"Acme\naccount:\n  handle: A\n")],
             expect("yaml-syntax", "brand.yaml", line: 4)),
        Case("brand-handle-with-at", ["brand.yaml": brand(replacing: "handle: AcmeAirHelp", with: "handle: \"@AcmeAirHelp\"")],
             expect("schema", "brand.yaml", line: 3)),
        Case("brand-user-id-letters", ["brand.yaml": brand(replacing: "\"3805104374\"", with: "acme")],
             expect("schema", "brand.yaml", line: 4)),
        Case("brand-missing-account", ["brand.yaml": text("name: Acme\ndefault_locale: en-US\n")],
             expect("schema", "brand.yaml", line: 1)),
        Case("brand-text-without-max-length", ["brand.yaml": brand(replacing: "    max_length: 20\n", with: "")],
             expect("schema", "brand.yaml", line: 8)),
        Case("brand-min-above-max", ["brand.yaml": brand(replacing: "min: 1", with: "min: 50")],
             expect("schema", "brand.yaml", line: 14)),
        Case("brand-wrong-number-type", ["brand.yaml": brand(replacing: "max: 30", with: "max: thirty")],
             expect("schema", "brand.yaml", line: 14)),
        Case("brand-bad-campaign-date", ["brand.yaml": text(RuleExample.defaultBrand + "\ncampaigns:\n  storm:\n    status: approved\n    starts: 2026-13-01\n")],
             expect("schema", "brand.yaml", line: 18)),
        Case("follow-up-to-nothing", ["en-US.yaml": pack("  hi:\n    text: Hi\n    follow_up: bye\n")],
             expect("unknown-reference", line: 5)),
        Case("default-locale-without-pack", ["brand.yaml": brand(replacing: "default_locale: en-US", with: "default_locale: en-GB")],
             expect("unknown-reference", "brand.yaml", line: 6)),
        Case("undeclared-campaign", ["en-US.yaml": text("locale: en-US\ncampaigns:\n  storm:\n    delay:\n      text: Sorry\n")],
             expect("unknown-reference", line: 3)),
        Case("directory-named-like-a-pack", [:], expect("yaml-syntax", "fr-FR.yaml", line: nil), setup: { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("fr-FR.yaml"), withIntermediateDirectories: true)
        }),
        Case("symlink-loop", [:], expect("yaml-syntax", "fr-FR.yaml", line: nil), setup: { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("fr-FR.yaml").path, withDestinationPath: "fr-FR.yaml")
        }),
        Case("dangling-symlink", [:], expect("yaml-syntax", "de-DE.yaml", line: nil), setup: { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("de-DE.yaml").path, withDestinationPath: "gone.yaml")
        }),
        Case("fifo", [:], expect("yaml-syntax", "it-IT.yaml", line: nil), setup: { folder in
            #expect(mkfifo(folder.appendingPathComponent("it-IT.yaml").path, 0o644) == 0)
        }),
        Case("folder-link-loop", [:], [], setup: { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("self").path, withDestinationPath: ".")
        }),
    ]

    @Test func corpusHasAtLeastFortyFiles() {
        #expect(Self.cases.count >= 40)
    }

    @Test func everyBrokenFileEndsInItsDiagnosticAndTheRestIsLinted() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        for testCase in Self.cases {
            let folder = templates.appendingPathComponent(testCase.name)
            var files = testCase.files
            if files["brand.yaml"] == nil { files["brand.yaml"] = Self.brand }
            if files["en-US.yaml"] == nil && testCase.name != "no-brand-yaml" { files["en-US.yaml"] = Self.pack("  hi:\n    text: Hi\n") }
            if testCase.name == "no-brand-yaml" { files["brand.yaml"] = nil }
            try TestSupport.write(files, under: folder)
            try testCase.setup?(folder)
        }
        // A clean brand beside them, with one known problem: it must still be found.
        try TestSupport.write(["brand.yaml": Self.brand, "en-US.yaml": Self.pack("  hi:\n    text: Hi\n    follow_up: nowhere\n")],
                              under: templates.appendingPathComponent("sentinel"))

        let outcome = TestSupport.lint([root.path], format: .json)
        #expect(outcome.exitCode == 1)
        let diagnostics = try #require(outcome.result?.diagnostics)
        #expect(diagnostics.contains { $0.brand == "sentinel" && $0.rule == "unknown-reference" })
        for testCase in Self.cases {
            let mine = diagnostics.filter { $0.file?.contains("/templates/\(testCase.name)/") == true
                || $0.file?.hasSuffix("/templates/\(testCase.name)") == true }
            if testCase.expected.isEmpty {
                #expect(mine.filter { $0.severity == .error }.isEmpty, "\(testCase.name): \(mine.map(\.message))")
            }
            for expectation in testCase.expected {
                let matched = mine.contains { d in
                    let fileMatches = expectation.file == "nobrand"
                        ? d.file?.hasSuffix("/\(testCase.name)") == true
                        : d.file?.hasSuffix("/\(expectation.file)") == true
                    return d.rule == expectation.rule && fileMatches && d.range?.start.line == expectation.line
                }
                #expect(matched, "\(testCase.name): expected \(expectation.rule) at \(expectation.file):\(expectation.line.map(String.init) ?? "(file)"), got \(mine.map { "\($0.rule) \($0.file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""):\($0.range?.start.line ?? 0) \($0.message)" })")
            }
        }
        // Every format renders the whole corpus.
        for format in ReportFormat.allCases where format != .json {
            #expect(!format.render(outcome.result!, options: ReportOptions()).isEmpty)
        }
    }
}
