import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `exclamation`: "!!" or more than two exclamation marks.
struct ExclamationRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "exclamation",
        summary: "\"!!\" or more than two exclamation marks",
        rationale: "One exclamation mark is warm; several in a reply to a complaint read as flippant.",
        defaultSeverity: .info,
        triggeringExamples: [.pack("  greeting:\n    text: Great news↓!! We found it.\n")],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Great news! We found it.\n")])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                let bytes = Array(text.text.value.utf8)
                let marks = bytes.indices.filter { bytes[$0] == UInt8(ascii: "!") }
                let doubled = marks.first { $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "!") }
                guard let at = doubled ?? (marks.count > 2 ? marks[2] : nil) else { continue }
                found.append(diagnostic(
                    doubled != nil ? "\(what) of `\(analysis.template.id.value)` has \"!!\"" : "\(what) of `\(analysis.template.id.value)` has \(marks.count) exclamation marks",
                    in: analysis, range: text.map.range(at..<at + 1), help: "keep one"))
            }
        }
        return found
    }
}
