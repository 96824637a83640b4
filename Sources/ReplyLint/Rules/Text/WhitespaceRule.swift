import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `whitespace`: leading or trailing whitespace, runs of spaces, spaces before a line break.
struct WhitespaceRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = false
    let description = RuleDescription(
        id: "whitespace",
        summary: "leading or trailing whitespace, runs of spaces, spaces before a line break",
        rationale: """
            Stray spaces count against the limit and show as gaps in the reply. `--fix` removes them.
            """,
        defaultSeverity: .warning, isFixable: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"Hi ↓ {first_name}\"\n"),
            .pack("  greeting:\n    text: \"↓ Hi {first_name}\"\n"),
            .pack("  greeting:\n    text: \"Hi {first_name}↓ \"\n"),
        ],
        nonTriggeringExamples: [.pack("  greeting:\n    text: \"Hi {first_name}\"\n")])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        text.text.value.withUTF8Bytes { Self.problems(in: $0) }.map { span, problem in
            TextFinding(span: span, replacement: "", problem: "has \(problem)", help: "remove it (`replykit lint --fix` does)")
        }
    }

    /// UTF-8 spans of spaces to remove, with what they are.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, String)] {
        var result: [(Range<Int>, String)] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x20 || bytes[i] == 0x09 else { i += 1; continue }
            var end = i
            while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
            if i == 0 {
                result.append((i..<end, "leading whitespace"))
            } else if end == bytes.count {
                result.append((i..<end, "trailing whitespace"))
            } else if bytes[end] == 0x0A {
                result.append((i..<end, "spaces before a line break"))
            } else if end - i > 1 {
                result.append((i + 1..<end, "a run of \(end - i) spaces"))
            }
            i = end
        }
        return result
    }
}
