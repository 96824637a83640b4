import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Applies the fixes of fixable rules: minimal edits at the exact byte ranges they name, so
/// comments, key order, quoting and indentation stay byte for byte; each changed file is written
/// beside itself and renamed over the original, so a reader never sees half a file.
public enum Fixer {
    public struct Outcome: Sendable {
        /// Files written, with the number of edits applied to each.
        public var changed: [(path: String, edits: Int)]
        /// Files that could not be written, with why.
        public var failures: [(path: String, reason: String)]
    }

    /// The bytes of `file` with `edits` applied; overlapping edits after the first are left for a
    /// later run (which will report them again if they still apply).
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

    /// Applies every fix in `diagnostics` to the files of `repository`.
    public static func fix(_ diagnostics: [Diagnostic], in repository: TemplateRepository) -> Outcome {
        var byFile: [String: [TextEdit]] = [:]
        for diagnostic in diagnostics where diagnostic.severity != .off {
            guard let file = diagnostic.file, let edits = diagnostic.fix else { continue }
            byFile[file, default: []] += edits
        }
        var outcome = Outcome(changed: [], failures: [])
        for (path, edits) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let source = repository.files[path] else { continue }
            let (bytes, applied) = apply(edits, to: source.bytes)
            guard applied > 0, bytes != source.bytes else { continue }
            if let problem = FileContents.writeAtomically(bytes, to: path) {
                outcome.failures.append((path, problem))
            } else {
                outcome.changed.append((path, applied))
            }
        }
        return outcome
    }
}
