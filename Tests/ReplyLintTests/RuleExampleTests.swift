import Foundation
import ReplyKit
@testable import ReplyKitSupport
import ReplyLint
import Testing
import ReplyCompiler

/// Runs every example of every rule in the catalogue: a triggering example must report that rule at
/// exactly the positions marked `↓` (or somewhere, when it marks none); a non-triggering one must not.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var example: RuleExample
        var triggers: Bool
        var index: Int
        var testDescription: String { "\(rule) \(triggers ? "triggering" : "non-triggering") #\(index + 1)" }
    }

    static let cases: [Case] = RuleCatalogue.standard.rules.flatMap { rule in
        rule.description.triggeringExamples.enumerated().map { Case(rule: rule.id, example: $1, triggers: true, index: $0) }
            + rule.description.nonTriggeringExamples.enumerated().map { Case(rule: rule.id, example: $1, triggers: false, index: $0) }
    }

    struct Position: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(file):\(line):\(column)" }
    }

    /// The example's files without markers, and the marked positions (1-based, columns in scalars).
    static func unmark(_ example: RuleExample) -> (files: [String: String], marks: Set<Position>) {
        var files: [String: String] = [:]
        var marks: Set<Position> = []
        for (name, text) in example.allFiles {
            var clean = ""
            var line = 1, column = 1
            for scalar in text.unicodeScalars {
                if Character(scalar) == RuleExample.marker {
                    marks.insert(Position(file: name, line: line, column: column))
                    continue
                }
                clean.unicodeScalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            files[name] = clean
        }
        return (files, marks)
    }

    @Test(arguments: cases)
    func example(_ testCase: Case) throws {
        let (files, marks) = Self.unmark(testCase.example)
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(Dictionary(uniqueKeysWithValues: files.map { ("templates/acme/\($0.key)", Array($0.value.utf8)) }),
                              under: root)
        // A rule that is off by default is switched on to run its examples.
        let isOff = RuleCatalogue.standard.rule(testCase.rule)?.description.defaultSeverity == .off
        let outcome = TestSupport.lint([root.path]) { if isOff { $0.ruleOverrides = ["\(testCase.rule)=warning"] } }
        let found = outcome.result?.diagnostics.filter { $0.rule == testCase.rule } ?? []
        let positions = Set(found.compactMap { d in
            d.range.map { Position(file: URL(fileURLWithPath: d.file ?? "").lastPathComponent, line: $0.start.line, column: $0.start.column) }
        })
        if testCase.triggers {
            if marks.isEmpty {
                #expect(!found.isEmpty, "`\(testCase.rule)` did not fire")
            } else {
                #expect(positions == marks, "`\(testCase.rule)` fired at \(positions.sorted { $0.description < $1.description }), expected \(marks.sorted { $0.description < $1.description })")
            }
        } else {
            #expect(found.isEmpty, "`\(testCase.rule)` fired: \(found.map(\.message))")
        }
        // Examples show one rule at a time: the rest of the example repository must be clean of errors
        // from other rules, or the example documents something else.
        let others = outcome.result?.diagnostics.filter { $0.rule != testCase.rule && $0.severity == .error } ?? []
        #expect(others.isEmpty, "other rules fired: \(others.map { "\($0.rule): \($0.message)" })")
    }

    @Test func everyRuleHasExamplesBothWays() {
        for rule in RuleCatalogue.standard.rules {
            #expect(!rule.description.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
        }
    }
}
