import Foundation
import ReplyKit
@testable import ReplyLint
import Testing

/// The linter checks template-scoped rules a batch of templates at a time: however the templates
/// are cut into batches, it must find exactly what one pass over all of them finds.
@Suite struct LinterBatchTests {
    /// Every triggering example of every template-scoped rule, each as a brand of its own.
    static func repository(under root: URL) throws -> TemplateRepository {
        var files: [String: [UInt8]] = [:]
        let examples = RuleCatalogue.standard.rules.filter { $0.scope == .template }.flatMap(\.description.triggeringExamples)
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
        let templateRules = Set(RuleCatalogue.standard.rules.filter { $0.scope == .template }.map(\.id))
        // Every template-scoped rule fires on its own examples, so the comparison covers all of them.
        #expect(Set(expected.map(\.rule)).isSuperset(of: templateRules))
        #expect(found == expected)
    }
}
