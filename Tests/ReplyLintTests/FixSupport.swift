import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport
import ReplyLint
import Testing

/// Running `replykit lint --fix` on packs, and an oracle for what it may change, written apart from
/// the fixer: text may lose invisible characters and spaces and be put in NFC, nothing else.
enum FixSupport {
    /// The rules whose findings `--fix` may fix.
    static let fixableRules: Set<String> = Set(RuleCatalogue.standard.rules.filter(\.description.isFixable).map(\.id))

    /// `RuleExample.defaultBrand` with a second text variable and a choice, for the cases.
    static let brand = RuleExample.defaultBrand + """

          s:
            max_length: 20
            example: Ana
          cabin:
            type: choice
            values: [first, economy]

        """

    /// The files of a repository, by path relative to its root.
    static func snapshot(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(root.path.count))] = Array(try Data(contentsOf: url))
        }
        return files
    }

    /// Whether `new` is `old` with only invisible characters, spaces and tabs taken out, up to
    /// canonical equivalence.
    static func isCleaned(_ old: String, _ new: String) -> Bool {
        let was = Array(old.precomposedStringWithCanonicalMapping.unicodeScalars)
        let now = Array(new.precomposedStringWithCanonicalMapping.unicodeScalars)
        var j = 0
        for scalar in was {
            if j < now.count && now[j] == scalar {
                j += 1
            } else if !(scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .format) {
                return false
            }
        }
        return j == now.count
    }

    /// A message as rendering sees it: the marks (placeholders, branches with their keys, `#`) in
    /// order, and the literal text before, between and after them.
    static func shape(_ message: Message) -> (marks: [String], runs: [String]) {
        var marks: [String] = []
        var runs = [""]
        func mark(_ text: String) {
            marks.append(text)
            runs.append("")
        }
        func walk(_ message: Message) {
            for part in message.parts {
                switch part {
                case .literal(let text): runs[runs.count - 1] += text
                case .variable(let argument): mark("{\(argument.name)}")
                case .plural(let argument, let branches), .select(let argument, let branches):
                    if case .plural = part { mark("{\(argument.name), plural") } else { mark("{\(argument.name), select") }
                    for branch in branches {
                        // Keys by their scalars: a select value is matched exactly.
                        mark("key " + branch.key.description.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                        walk(branch.message)
                        mark("end of branch")
                    }
                    mark("}")
                case .pound: mark("#")
                }
            }
        }
        walk(message)
        return (marks, runs)
    }

    /// Whether `new` renders as `old` with invisible characters and spaces taken out of its literal
    /// text: the same placeholders, branches, keys and `#`, in order, for every value.
    static func rendersAlike(_ old: Message, _ new: Message) -> Bool {
        let was = shape(old), now = shape(new)
        return was.marks == now.marks && zip(was.runs, now.runs).allSatisfy { isCleaned($0, $1) }
    }

    /// The first way `new` differs from `old` as YAML documents beyond what a fix may change:
    /// structure, keys, styles and tags the same, scalars byte for byte the same except a template's
    /// `text` or `prefill`, which may only be cleaned and must render alike. Nil when none.
    static func difference(_ old: YAMLNode, _ new: YAMLNode, inText: Bool = false, path: String = "") -> String? {
        guard old.tag == new.tag else { return "\(path): tag \(old.tag ?? "-") became \(new.tag ?? "-")" }
        switch (old.content, new.content) {
        case (.scalar(let was, let style), .scalar(let now, let newStyle)):
            guard style == newStyle else { return "\(path): style \(style) became \(newStyle)" }
            if was.utf8.elementsEqual(now.utf8) { return nil }
            guard inText else { return "\(path): \(was.debugDescription) became \(now.debugDescription)" }
            guard isCleaned(was, now) else { return "\(path): text \(was.debugDescription) became \(now.debugDescription)" }
            // A text that is not template syntax is never fixed; one that is must render alike.
            guard let message = try? MessageParser.parse(was) else { return "\(path): unparsed text \(was.debugDescription) was edited" }
            guard let fixed = try? MessageParser.parse(now), rendersAlike(message, fixed) else {
                return "\(path): \(was.debugDescription) no longer renders as \(now.debugDescription)"
            }
            return nil
        case (.sequence(let was), .sequence(let now)):
            guard was.count == now.count else { return "\(path): \(was.count) items became \(now.count)" }
            for (index, (a, b)) in zip(was, now).enumerated() {
                if let problem = difference(a, b, inText: inText, path: "\(path)[\(index)]") { return problem }
            }
            return nil
        case (.mapping(let was), .mapping(let now)):
            guard was.count == now.count else { return "\(path): \(was.count) keys became \(now.count)" }
            for (a, b) in zip(was, now) {
                if let problem = difference(a.key, b.key, path: path + ".key") { return problem }
                let key = a.key.scalar ?? "?"
                if let problem = difference(a.value, b.value, inText: key == "text" || key == "prefill", path: path + "." + key) {
                    return problem
                }
            }
            return nil
        default:
            return "\(path): the kind of node changed"
        }
    }

    /// Checks what one run of `--fix` did to one pack: a file that was not YAML is untouched; one
    /// that was still is, and differs only as ``difference(_:_:inText:path:)`` allows.
    static func expectSafe(before: [UInt8], after: [UInt8], _ name: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let old = try? YAMLParser.parse(before) else {
            #expect(after == before, "\(name): a file that is not YAML was edited", sourceLocation: sourceLocation)
            return
        }
        guard let new = try? YAMLParser.parse(after) else {
            Issue.record("\(name): the fixed file no longer parses:\n\(String(decoding: after, as: UTF8.self))",
                         sourceLocation: sourceLocation)
            return
        }
        if let problem = difference(old, new) {
            Issue.record("\(name): \(problem)\nbefore:\n\(String(decoding: before, as: UTF8.self))\nafter:\n\(String(decoding: after, as: UTF8.self))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Every finding of a fixable rule that a `--fix` run left either has no fix and says why, or
    /// belongs to a file the run could not write.
    static func expectNothingFixableLeft(_ outcome: LintRun.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for diagnostic in outcome.result?.diagnostics ?? [] where fixableRules.contains(diagnostic.rule) {
            #expect(!diagnostic.isFixable && diagnostic.notes.contains { $0.hasPrefix("`--fix` left it: ") },
                    "still fixable after --fix: \(diagnostic.file ?? ""):\(diagnostic.range?.start.description ?? "") \(diagnostic.message)",
                    sourceLocation: sourceLocation)
        }
    }
}
