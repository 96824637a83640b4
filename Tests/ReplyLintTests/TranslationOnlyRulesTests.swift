import Foundation
import ReplyCompiler
import ReplyKitSupport
@testable import ReplyLint
import Testing

/// A rule that says it reports on translations only (``Rule/reportsOnTranslationsOnly``) is left
/// out while the language server re-checks a default locale's pack at once: no finding of it may
/// fall on a default locale's pack, nor on brand.yaml.
@Suite struct TranslationOnlyRulesTests {
    static let rules = RuleCatalogue.standard.rules.filter(\.reportsOnTranslationsOnly)

    @Test func theTranslationRulesSayTheyReportOnTranslationsOnly() {
        #expect(Set(Self.rules.map(\.id)) == ["missing-translation", "obsolete-translation", "variable-mismatch", "dm-mismatch", "untranslated"])
    }

    @Test func theirFindingsFallOnTranslationsOnly() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: [UInt8]] = [:]
        for (index, example) in Self.rules.flatMap(\.description.triggeringExamples).enumerated() {
            for (name, text) in example.allFiles {
                files["templates/example-\(index)/\(name)"] = Array(String(text.unicodeScalars.filter { Character($0) != RuleExample.marker }).utf8)
            }
        }
        _ = try TestSupport.write(files, under: root)
        let ids = Set(Self.rules.map(\.id))
        var checked = 0
        for templates in [root.appendingPathComponent("templates").path, ExampleTemplatesTests.templates] {
            let repository = RepositoryLoader().load(templatesDirectory: templates)
            let result = Linter().lint(repository)
            var sources: Set<String> = []
            for folder in repository.brands {
                sources.insert(PathText.join(folder.directory, "brand.yaml"))
                guard let tag = folder.brand?.defaultLocale?.value else { continue }
                for pack in folder.packs where pack.tag == tag || pack.fileLocale == tag { sources.insert(pack.file) }
            }
            for finding in result.diagnostics where ids.contains(finding.rule) {
                checked += 1
                #expect(!sources.contains(finding.file ?? ""), "\(finding.rule) on \(finding.file ?? "-"): \(finding.message)")
            }
        }
        #expect(checked >= Self.rules.count)
    }
}
