import Foundation
import ReplyCompiler
@testable import ReplyLint
import Testing

/// Lint's order of findings comes from a sort of keys (``Linter/sorted(_:)``): it must put any
/// list of findings where the plain comparison sort (``Linter/order(_:_:)``) puts it.
@Suite struct LinterOrderTests {
    @Test(arguments: [1, 2, 3])
    func keySortPutsFindingsWhereTheComparisonSortDoes(seed: UInt64) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let linted = Linter().lint(try LinterBatchTests.repository(under: root)).diagnostics
        #expect(linted.count > 50)
        // Findings without a file or a place, and exact ties, as lint can also produce.
        var findings = linted + linted.prefix(20) + [
            Diagnostic(rule: "config", severity: .error, message: "b"),
            Diagnostic(rule: "config", severity: .error, message: "a"),
            Diagnostic(rule: "schema", severity: .error, message: "a", file: linted.first?.file),
        ]
        // Deterministic, so that a failure can be reproduced.
        var generator = FixPropertyTests.Generator(state: seed)
        findings.shuffle(using: &generator)
        #expect(Linter.sorted(findings) == findings.sorted(by: Linter.order))
    }
}
