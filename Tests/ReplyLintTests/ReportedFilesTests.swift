import Foundation
import ReplyCompiler
import ReplyKitSupport
@testable import ReplyLint
import Testing

/// A rule that reports on some kinds of files only (``Rule/reportsOn``) is left out while the
/// language server re-checks files of other kinds: no finding of it may fall elsewhere.
@Suite struct ReportedFilesTests {
    static let rules = RuleCatalogue.standard.rules.filter { $0.reportsOn != .all }

    @Test func theRulesThatReportOnSomeFilesSaySo() {
        let translations = Set(Self.rules.filter { $0.reportsOn == .translations }.map(\.id))
        let brand = Set(Self.rules.filter { $0.reportsOn == .brand }.map(\.id))
        #expect(translations == ["missing-translation", "obsolete-translation", "variable-mismatch", "dm-mismatch", "untranslated"])
        #expect(brand == ["unused-variable", "invalid-example", "campaign-window", "campaign-empty"])
    }

    @Test func theirFindingsFallOnTheFilesTheySay() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: [UInt8]] = [:]
        for (index, example) in Self.rules.flatMap(\.description.triggeringExamples).enumerated() {
            for (name, text) in example.allFiles {
                files["templates/example-\(index)/\(name)"] = Array(String(text.unicodeScalars.filter { Character($0) != RuleExample.marker }).utf8)
            }
        }
        _ = try TestSupport.write(files, under: root)
        let byID = Dictionary(uniqueKeysWithValues: Self.rules.map { ($0.id, $0.reportsOn) })
        var checked: Set<String> = []
        for templates in [root.appendingPathComponent("templates").path, ExampleTemplatesTests.templates] {
            let repository = RepositoryLoader().load(templatesDirectory: templates)
            for finding in Linter().lint(repository).diagnostics {
                guard let reportsOn = byID[finding.rule] else { continue }
                checked.insert(finding.rule)
                let kind = ReportedFiles(of: finding.file ?? "", in: repository)
                #expect(kind != .all && !kind.isDisjoint(with: reportsOn), "\(finding.rule) on \(finding.file ?? "-"): \(finding.message)")
            }
        }
        #expect(checked == Set(byID.keys))
    }

    @Test func aPackIsASourceOrATranslationByItsBrandsDefaultLocale() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try TestSupport.write([
            "templates/acme/brand.yaml": Array(RuleExample.defaultBrand.utf8),
            "templates/acme/en-US.yaml": Array(RuleExample.defaultPack.utf8),
            "templates/acme/fr-FR.yaml": Array(RuleExample.defaultPack.replacingOccurrences(of: "en-US", with: "fr-FR").utf8),
        ], under: root)
        let templates = root.appendingPathComponent("templates").path
        let repository = RepositoryLoader().load(templatesDirectory: templates)
        let brand = PathText.join(templates, "acme")
        #expect(ReportedFiles(of: PathText.join(brand, "brand.yaml"), in: repository) == .brand)
        #expect(ReportedFiles(of: brand, in: repository) == .brand)
        #expect(ReportedFiles(of: PathText.join(brand, "en-US.yaml"), in: repository) == .sourcePack)
        #expect(ReportedFiles(of: PathText.join(brand, "fr-FR.yaml"), in: repository) == .translations)
        #expect(ReportedFiles(of: PathText.join(templates, "elsewhere.yaml"), in: repository) == .all)
    }
}
