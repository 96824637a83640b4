import Dispatch
import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Applies the fixes of fixable rules, and only those it can prove safe.
///
/// Each pack with fixable findings is fixed in memory, in rounds (``PackFixer``): a fix is applied
/// only when the file, read again with the project's YAML parser and pack reader, holds exactly the
/// intended text and nothing else changed, and when the text's parsed message is the same apart from
/// the characters the fix takes out, so the reply renders the same for every value. What a fix
/// leaves for another fixable rule (a double space) is fixed in the next round of the same run.
/// Edits are minimal, at the exact bytes that wrote what they change, so comments, key order,
/// quoting and indentation stay byte for byte; each changed file is written once, beside itself,
/// and renamed over the original, so a reader never sees half a file.
public enum Fixer {
    /// Rounds of fixes per file before the rest is left for another run.
    public static let maxRounds = 10

    public struct Outcome: Sendable {
        /// Files written, with the number of findings fixed in each.
        public var changed: [(path: String, edits: Int)]
        /// Files that could not be written, with why.
        public var failures: [(path: String, reason: String)]
        /// Findings whose fix was withheld, as they stand in the files afterwards.
        public var withheld: [WithheldFix]
        /// Files with fixes left after ``maxRounds`` rounds, with how many.
        public var unfinished: [(path: String, fixes: Int)]
    }

    /// A finding `--fix` left as it was, and why.
    public struct WithheldFix: Sendable, Hashable {
        public var file: String
        public var rule: String
        /// The finding's range in the file as written afterwards.
        public var range: SourceRange
        /// What the fix would have done: "removing it would turn `{s}` into literal text".
        public var reason: String
        public var help: String
    }

    /// The bytes of `file` with `edits` applied; overlapping edits after the first are left out.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        var applied = 0
        for edit in edits.sorted(by: { $0.range.start.offset < $1.range.start.offset }) {
            let start = edit.range.start.offset, end = edit.range.end.offset
            guard start >= cursor, end >= start, end <= bytes.count else { continue }
            result += bytes[cursor..<start]
            result += Array(edit.replacement.utf8)
            cursor = end
            applied += 1
        }
        result += bytes[cursor...]
        return (result, applied)
    }

    /// Fixes the packs that `result` has fixable findings in, with the rules of `catalogue` as
    /// `configuration` sets them, and writes those that changed.
    public static func fix(_ result: LintResult, catalogue: RuleCatalogue, configuration: LintConfiguration,
                           limits: YAMLLimits = .default, maxRounds: Int = Fixer.maxRounds) -> Outcome {
        let rules = catalogue.rules.compactMap { $0 as? any TextFixingRule }
            .filter { configuration.severity(of: $0.description) != .off }
        let paths = Set(result.diagnostics.filter { $0.isFixable && $0.severity != .off }.compactMap(\.file))
        var work: [(pack: LocalePack, brand: Brand, source: SourceFile)] = []
        var outcome = Outcome(changed: [], failures: [], withheld: [], unfinished: [])
        for path in paths.sorted() {
            // Only packs of readable brands are analysed, so only they have fixable findings.
            let found = result.repository.brands.lazy.compactMap { folder in
                folder.brand.flatMap { brand in folder.packs.first { $0.file == path }.map { (pack: $0, brand: brand) } }
            }.first
            guard let found, let source = result.repository.files[path] else { continue }
            work.append((found.pack, found.brand, source))
        }
        let loader = RepositoryLoader(limits: limits, parallel: false)
        let results = ResultSlots<PackFixer.Result>(count: work.count)
        let items = work
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let item = items[index]
            let fixer = PackFixer(path: item.source.path, brand: item.brand, brandID: item.pack.brand,
                                  fileLocale: item.pack.fileLocale, rules: rules, loader: loader, maxRounds: maxRounds)
            results[index] = fixer.run(item.source.bytes)
        }
        for (index, item) in work.enumerated() {
            guard let fixed = results[index] else { continue }
            let path = item.source.path
            if fixed.applied > 0, fixed.bytes != item.source.bytes {
                if let problem = FileContents.writeAtomically(fixed.bytes, to: path) {
                    // The file is as it was: what was withheld in the fixed text is not what the report shows.
                    outcome.failures.append((path, problem))
                    continue
                }
                outcome.changed.append((path, fixed.applied))
            }
            outcome.withheld += fixed.withheld.map {
                WithheldFix(file: path, rule: $0.rule, range: $0.range, reason: $0.refusal.consequence, help: $0.refusal.help)
            }
            if fixed.pending > 0 { outcome.unfinished.append((path, fixed.pending)) }
        }
        return outcome
    }

    /// `diagnostics` with those whose fix was withheld marked so: no fix, a note that says why, and
    /// help to fix it by hand; and how many were.
    public static func marking(_ diagnostics: [Diagnostic], withheld: [WithheldFix]) -> (diagnostics: [Diagnostic], marked: Int) {
        guard !withheld.isEmpty else { return (diagnostics, 0) }
        struct Key: Hashable {
            var file: String
            var rule: String
            var start: Int
            var end: Int
        }
        let byKey = Dictionary(withheld.map { (Key(file: $0.file, rule: $0.rule, start: $0.range.start.offset, end: $0.range.end.offset), $0) },
                               uniquingKeysWith: { first, _ in first })
        var marked = 0
        let result = diagnostics.map { diagnostic in
            guard let file = diagnostic.file, let range = diagnostic.range, diagnostic.isFixable,
                  let found = byKey[Key(file: file, rule: diagnostic.rule, start: range.start.offset, end: range.end.offset)]
            else { return diagnostic }
            var copy = diagnostic
            copy.fix = nil
            copy.notes.append("`--fix` left it: \(found.reason)")
            copy.help = found.help
            marked += 1
            return copy
        }
        return (result, marked)
    }
}
