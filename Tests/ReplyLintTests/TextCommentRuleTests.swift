import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing

/// `text-comment` on the shapes a line can take after a plain scalar, through the real lint run.
@Suite struct TextCommentRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The pack's bytes after `templates:\n`.
        var templates: String
        /// The comment the finding names, as its message quotes it; nil when nothing is lost.
        var comment: String?
        /// What the note says is kept.
        var kept: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "hashtags after a variable", templates: "  hi:\n    text: Thanks {first_name} #gale #outdoor\n",
             comment: " #gale #outdoor", kept: "Thanks {first_name}"),
        Case(name: "a tab before the hash", templates: "  hi:\n    text: Thanks {first_name}\t#gale\n",
             comment: " #gale", kept: "Thanks {first_name}"),
        Case(name: "trailing blanks after the comment", templates: "  hi:\n    text: Thanks #gale   \n",
             comment: " #gale", kept: "Thanks"),
        Case(name: "CRLF line endings", templates: "  hi:\r\n    text: Thanks #gale\r\n  bye:\r\n    text: Bye\r\n",
             comment: " #gale", kept: "Thanks"),
        Case(name: "no line break at the end of the file", templates: "  hi:\n    text: Thanks #gale",
             comment: " #gale", kept: "Thanks"),
        Case(name: "the last line of a folded plain scalar", templates: "  hi:\n    text: Thanks {first_name}\n      for waiting #gale\n",
             comment: " #gale", kept: "Thanks {first_name} for waiting"),
        Case(name: "a hash inside a word", templates: "  hi:\n    text: Thanks {first_name}, ticket#4\n"),
        Case(name: "a comment line below the text", templates: "  hi:\n    text: Thanks {first_name}\n    # greeting\n"),
        Case(name: "a single-quoted text", templates: "  hi:\n    text: 'Thanks #gale' # a comment\n"),
        Case(name: "a literal block", templates: "  hi:\n    text: |-\n      Thanks #gale\n"),
    ]

    @Test(arguments: cases)
    func findsWhatYAMLDropped(_ testCase: Case) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pack = (testCase.templates.contains("\r\n") ? "locale: en-US\r\ntemplates:\r\n" : "locale: en-US\ntemplates:\n")
            + testCase.templates
        try TestSupport.write(["templates/acme/brand.yaml": Array((RuleExample.defaultBrand + "\n").utf8),
                               "templates/acme/en-US.yaml": Array(pack.utf8)], under: root)
        let outcome = TestSupport.lint([root.path], format: .json)
        let diagnostics = try #require(outcome.result?.diagnostics)
        #expect(!diagnostics.contains { $0.rule == "yaml-syntax" || $0.rule == "schema" }, "\(diagnostics.map(\.message))")
        let found = diagnostics.filter { $0.rule == "text-comment" }
        guard let comment = testCase.comment else {
            #expect(found.isEmpty, "\(found.map(\.message))")
            return
        }
        #expect(found.count == 1, "\(found.map(\.message))")
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("ends before `\(comment)`, which YAML reads as a comment"), "\(finding.message)")
        #expect(finding.notes == ["the posted copy is `\(testCase.kept ?? "")`"])
        #expect(finding.help?.hasPrefix("quote the text") == true)
        // The range is the comment as written, on the text's last line.
        let range = try #require(finding.range)
        let bytes = Array(pack.utf8)
        let written = String(decoding: bytes[range.start.offset..<range.end.offset], as: UTF8.self)
        #expect(" " + written == comment)
        #expect(range.start.line == range.end.line)
    }
}
