import Foundation
import ReplyKit
@testable import ReplyKitSupport
import ReplyLint
import Testing
import ReplyCompiler

/// `replykit lint --fix`: minimal edits, byte for byte elsewhere, atomic and idempotent (what it
/// withholds, and why, is in FixSafetyTests).
@Suite struct FixTests {
    static let before = Array("""
        # Acme replies: keep this comment
        locale: en-US   # the source
        templates:
          refund-check:
            text: "Hi\\u200B {first_name},  did your refund arrive? "   # odd quoting stays
          bag-found:
            text:
              - Good news, {first_name}! We found your bag\u{00AD}.
              - 'Cafe\u{0301} {first_name}, it''s here.'
          dm-nudge:
            text: |
              Still there?\u{0020}\u{0020}
              We are here, {first_name}.

        """.utf8)

    static let after = Array("""
        # Acme replies: keep this comment
        locale: en-US   # the source
        templates:
          refund-check:
            text: "Hi {first_name}, did your refund arrive?"   # odd quoting stays
          bag-found:
            text:
              - Good news, {first_name}! We found your bag.
              - 'Caf\u{00E9} {first_name}, it''s here.'
          dm-nudge:
            text: |
              Still there?
              We are here, {first_name}.

        """.utf8)

    @Test func fixesAreMinimalAtomicAndIdempotent() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["templates/acme/brand.yaml": Array((RuleExample.defaultBrand + "\n").utf8),
                               "templates/acme/en-US.yaml": Self.before], under: root)
        let pack = root.appendingPathComponent("templates/acme/en-US.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: pack.path)
        let options: (inout LintRun.Options) -> Void = { $0.fix = true; $0.ruleOverrides = ["unused-variable=off"] }

        let first = TestSupport.lint([root.path], configure: options)
        #expect(first.stderr.contains("fixed 6 problems in 1 file"), "\(first.stderr)")
        // Every byte outside the fixed ranges is as it was: comments, quoting, indentation, key order.
        #expect(Array(try Data(contentsOf: pack)) == Self.after)
        // What remains is reported from the fixed file: nothing.
        #expect(first.result?.diagnostics.filter { $0.file == pack.path }.isEmpty == true, "\(first.stdout)")
        // Atomic: written beside and renamed, so no temporary file is left and permissions are kept.
        let names = try FileManager.default.contentsOfDirectory(atPath: pack.deletingLastPathComponent().path)
        #expect(names.sorted() == ["brand.yaml", "en-US.yaml"])
        let permissions = try FileManager.default.attributesOfItem(atPath: pack.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)

        // Idempotent: a second run finds nothing to fix and changes nothing.
        let second = TestSupport.lint([root.path], configure: options)
        #expect(!second.stderr.contains("fixed"))
        #expect(Array(try Data(contentsOf: pack)) == Self.after)
    }

    @Test func fixesNeverChangeWhatTheReplySays() throws {
        // The texts before and after, as YAML reads them, differ only by what the rules remove.
        let before = try #require(try YAMLParser.parse(Self.before))
        let after = try #require(try YAMLParser.parse(Self.after))
        func texts(_ root: YAMLNode) -> [String] {
            (root["templates"]?.mapping ?? []).flatMap { pair -> [String] in
                let text = pair.value["text"]
                return text?.sequence?.compactMap(\.scalar) ?? [text?.scalar].compactMap { $0 }
            }
        }
        for (old, new) in zip(texts(before), texts(after)) {
            let cleaned = old.unicodeScalars.filter { $0.properties.generalCategory != .format }
                .reduce(into: "") { $0.unicodeScalars.append($1) }
                .replacing(#/\ +\n/#, with: "\n").replacing(#/\ {2,}/#, with: " ").trimmingCharacters(in: .whitespaces)
            #expect(cleaned.precomposedStringWithCanonicalMapping == new.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func overlappingEditsWaitForTheNextRun() {
        let bytes = Array("abcdef".utf8)
        func edit(_ start: Int, _ end: Int, _ text: String) -> TextEdit {
            TextEdit(range: SourceRange(start: SourceLocation(line: 1, column: start + 1, offset: start),
                                        end: SourceLocation(line: 1, column: end + 1, offset: end)), replacement: text)
        }
        let (result, applied) = Fixer.apply([edit(3, 5, "X"), edit(1, 2, ""), edit(4, 6, "Y")], to: bytes)
        #expect(String(decoding: result, as: UTF8.self) == "acXf")
        #expect(applied == 2)
    }
}
