import Foundation
import ReplyCompiler
@testable import ReplyLint
import Testing

/// Lint's order of findings comes from a sort of keys (``Linter/sorted(_:)``): it must put any
/// list of findings where the plain comparison sort (``Linter/order(_:_:)``) puts it.
@Suite struct LinterOrderTests {
    /// A deterministic shuffle, so that a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

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
        var generator = SplitMix(state: seed)
        findings.shuffle(using: &generator)
        #expect(Linter.sorted(findings) == findings.sorted(by: Linter.order))
    }
}
