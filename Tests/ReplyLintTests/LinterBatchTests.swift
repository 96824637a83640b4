import Foundation
import ReplyKit
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing
import ReplyCompiler

/// The linter checks template- and pack-scoped rules a batch of packs at a time: however the
/// templates are cut into batches, it must find exactly what one pass over all of them finds.
@Suite struct LinterBatchTests {
    /// Every triggering example of every template- and pack-scoped rule, each as a brand of its own.
    static func repository(under root: URL) throws -> TemplateRepository {
        var files: [String: [UInt8]] = [:]
        let examples = RuleCatalogue.standard.rules.filter { $0.scope != .repository }.flatMap(\.description.triggeringExamples)
        for (index, example) in examples.enumerated() {
            for (name, text) in example.allFiles {
                let clean = String(text.unicodeScalars.filter { Character($0) != RuleExample.marker })
                files["templates/example-\(index)/\(name)"] = Array(clean.utf8)
            }
        }
        _ = try TestSupport.write(files, under: root)
        return RepositoryLoader().load(templatesDirectory: root.appendingPathComponent("templates").path)
    }

    @Test(arguments: [1, 2, 7])
    func batchesFindWhatOnePassFinds(batchSize: Int) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try Self.repository(under: root)
        // Rules that are off by default are switched on.
        var configuration = LintConfiguration()
        for rule in RuleCatalogue.standard.rules where rule.description.defaultSeverity == .off {
            #expect(configuration.override("\(rule.id)=warning", catalogue: .standard) == nil)
        }
        var whole = Linter(configuration: configuration)
        whole.batchSize = Int.max / 2
        var batched = Linter(configuration: configuration)
        batched.batchSize = batchSize
        let expected = whole.lint(repository).diagnostics
        let found = batched.lint(repository).diagnostics
        let templateRules = Set(RuleCatalogue.standard.rules.filter { $0.scope != .repository }.map(\.id))
        // Every such rule fires on its own examples, so the comparison covers all of them.
        #expect(Set(expected.map(\.rule)).isSuperset(of: templateRules))
        #expect(found == expected)
        // A batch holds whole packs, for pack-scoped rules.
        let analyses = repository.analyses
        let batches = Linter.batches(analyses, size: batchSize)
        #expect(batches.first?.lowerBound == 0 && batches.last?.upperBound == analyses.count)
        for batch in batches where batch.lowerBound > 0 {
            #expect(analyses[batch.lowerBound].pack.file != analyses[batch.lowerBound - 1].pack.file)
        }
    }

    /// In batches, the privacy rules read their terms from one walk of each text shared by all of
    /// them; on a whole context (a rule checked on its own), each walks the texts itself. Both must
    /// find the same.
    @Test func rulesCheckedOnTheirOwnFindWhatTheLinterFinds() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try Self.repository(under: root)
        let templateRules = RuleCatalogue.standard.rules.filter { $0.scope != .repository }
        var configuration = LintConfiguration()
        for rule in templateRules where rule.description.defaultSeverity == .off {
            #expect(configuration.override("\(rule.id)=warning", catalogue: .standard) == nil)
        }
        struct Finding: Hashable { var rule, message: String; var file: String?; var range: SourceRange? }
        let context = LintContext(repository: repository, configuration: configuration)
        let alone = Set(templateRules.flatMap { $0.check(context) }.map { Finding(rule: $0.rule, message: $0.message, file: $0.file, range: $0.range) })
        let linted = Set(Linter(configuration: configuration).lint(repository).diagnostics
            .filter { d in templateRules.contains { $0.id == d.rule } }
            .map { Finding(rule: $0.rule, message: $0.message, file: $0.file, range: $0.range) })
        #expect(Set(alone.map(\.rule)).isSuperset(of: ["private-info-in-public", "secret-request", "redirect-off-platform"]))
        #expect(alone == linted)
    }
}
