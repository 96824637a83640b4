import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyLint
import Testing

/// The committed schemas under a real JSON Schema validator (Python's jsonschema, draft 2020-12):
/// every example file passes, the fixtures and rule examples with schema errors fail, and on a table
/// of small files the schema and the reader agree on what is an error.
@Suite struct SchemaValidationTests {
    static let root = TestSupport.packageRoot

    static func kind(ofFileNamed name: String) -> FileSchemas.Kind {
        name == "brand.yaml" ? .brand : name == "replykit.yaml" ? .config : .pack
    }

    /// templates/, locales/ and the configuration example of docs/cli.md: what users copy from.
    static func repositoryExamples() throws -> [(kind: FileSchemas.Kind, path: String)] {
        var files: [(FileSchemas.Kind, String)] = []
        let manager = FileManager.default
        let templates = root.appendingPathComponent("templates")
        for brand in try manager.contentsOfDirectory(atPath: templates.path).sorted() {
            let folder = templates.appendingPathComponent(brand)
            for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml") {
                files.append((kind(ofFileNamed: name), folder.appendingPathComponent(name).path))
            }
        }
        let locales = root.appendingPathComponent("locales")
        for name in try manager.contentsOfDirectory(atPath: locales.path).sorted() where name.hasSuffix(".yaml") {
            files.append((.locale, locales.appendingPathComponent(name).path))
        }
        return files
    }

    /// The `replykit.yaml` example of docs/cli.md, written to `directory`.
    static func documentedConfiguration(in directory: URL) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let section = try #require(text.range(of: "## replykit.yaml\n"), "docs/cli.md has no replykit.yaml section")
        let rest = text[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n")), end = try #require(rest.range(of: "```\n", range: start.upperBound..<rest.endIndex))
        let path = directory.appendingPathComponent("replykit.yaml").path
        try Data(rest[start.upperBound..<end.lowerBound].utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Files of the test fixtures, with whether the loader reports `schema` errors in them.
    static func fixtures() -> [(kind: FileSchemas.Kind, path: String, schemaErrors: Bool)] {
        let fixtures = TestSupport.fixtures
        let repositories = ["broken", "long-lines"].map { fixtures.appendingPathComponent($0).path }
        var files: [(FileSchemas.Kind, String, Bool)] = []
        for repository in repositories {
            let diagnostics = TestSupport.lint([repository]).result?.diagnostics ?? []
            let enumerator = FileManager.default.enumerator(atPath: repository)
            while let relative = enumerator?.nextObject() as? String {
                guard relative.hasSuffix(".yaml") else { continue }
                let path = (repository as NSString).appendingPathComponent(relative)
                // A located `schema` diagnostic: one about the file's content, not its folder.
                let errors = diagnostics.contains { $0.rule == "schema" && $0.range != nil && $0.file?.hasSuffix(relative) == true }
                files.append((kind(ofFileNamed: (relative as NSString).lastPathComponent), path, errors))
            }
        }
        return files.sorted { $0.1 < $1.1 }
    }

    /// The `schema` rule's examples that no schema of one file can catch: they need another file (the
    /// pack's file name) or another mapping (a template id used in `templates` and in a campaign).
    static let crossFileSchemaExamples: Set<String> = [
        "the locale does not match the file name", "a template id used twice in a pack, once in a campaign",
    ]

    /// Cases of the bad-input corpus whose `schema` error no schema of one file's content can
    /// express: the file's name against its `locale` (`english` is a well-formed tag, a language of
    /// 5–8 letters, just not the file's), or two keys compared with each other.
    static let crossKeyCorpusCases: Set<String> = [
        "locale-mismatch", "locale-not-a-tag", "file-name-not-a-tag", "brand-min-above-max",
    ]

    /// The bad-input corpus's files that the loader reports a `schema` error in, by case name.
    static func corpusSchemaErrors() -> [(name: String, file: String, bytes: [UInt8])] {
        BadInputCorpusTests.cases.compactMap { item in
            guard item.setup == nil, !crossKeyCorpusCases.contains(item.name), !item.expected.isEmpty,
                  item.expected.allSatisfy({ $0.rule == "schema" }), let file = item.expected.first?.file,
                  file.hasSuffix(".yaml"), let bytes = item.files[file] else { return nil }
            return (item.name, file, bytes)
        }
    }

    @Test func examplesPassAndSchemaErrorsFail() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var expected: [(kind: FileSchemas.Kind, path: String, valid: Bool, what: String)] = []
        for (kind, path) in try Self.repositoryExamples() {
            expected.append((kind, path, true, "example \(path)"))
        }
        let configuration = try Self.documentedConfiguration(in: directory)
        #expect(throws: Never.self, "the documented replykit.yaml must load") { _ = try LintConfiguration.load(path: configuration) }
        expected.append((.config, configuration, true, "the replykit.yaml of docs/cli.md"))
        let fixtures = Self.fixtures()
        #expect(fixtures.contains { $0.schemaErrors } && fixtures.contains { !$0.schemaErrors })
        for fixture in fixtures {
            expected.append((fixture.kind, fixture.path, !fixture.schemaErrors, "fixture \(fixture.path)"))
        }
        // Rule examples: every file of an example that must stay silent is a valid file; an example
        // the `schema` rule fires on has a file the schema refuses, where the marker stands.
        var count = 0
        for rule in RuleCatalogue.standard.rules.map(\.description) {
            let triggering = rule.id == "schema" ? rule.triggeringExamples : []
            for (example, valid) in rule.nonTriggeringExamples.map({ ($0, true) }) + triggering.map({ ($0, false) }) {
                if !valid, let comment = example.comment, Self.crossFileSchemaExamples.contains(comment) { continue }
                for (name, text) in example.files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".yaml") {
                    let marked = text.contains(RuleExample.marker)
                    if !valid && !marked { continue }
                    count += 1
                    let path = directory.appendingPathComponent("\(rule.id)-\(count)-\(name)").path
                    try Data(text.replacingOccurrences(of: String(RuleExample.marker), with: "").utf8).write(to: URL(fileURLWithPath: path))
                    expected.append((Self.kind(ofFileNamed: name), path, valid,
                                     "\(valid ? "non-" : "")triggering example of \(rule.id) (\(name)\(example.comment.map { ": \($0)" } ?? ""))"))
                }
            }
        }
        let corpus = Self.corpusSchemaErrors()
        #expect(corpus.count >= 20, "the bad-input corpus has its schema cases")
        for item in corpus {
            let path = directory.appendingPathComponent("corpus-\(item.name)-\(item.file)").path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            expected.append((Self.kind(ofFileNamed: item.file), path, false, "bad-input case \(item.name)"))
        }
        let outcome = try SchemaValidation.validate(expected.map { ($0.kind, $0.path) })
        guard case .verdicts(let verdicts) = outcome else {
            if case .unavailable(let reason) = outcome { SchemaValidation.skip(reason) }
            return
        }
        for file in expected {
            let verdict = try #require(verdicts[file.path], "no verdict on \(file.path)")
            #expect(verdict.valid == file.valid,
                    "\(file.what) should \(file.valid ? "pass" : "fail") \(file.kind.rawValue).schema.json: \(verdict.errors)")
            #expect(verdict.validDraft7 == verdict.valid, "a draft-07 validator (as editors use) disagrees on \(file.path)")
        }
        print("validated \(expected.count) files against the JSON Schemas (\(expected.filter(\.valid).count) valid)")
    }
}
