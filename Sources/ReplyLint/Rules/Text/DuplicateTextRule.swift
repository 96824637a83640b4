import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `duplicate-text`: two templates or variants of one pack with the same text.
struct DuplicateTextRule: Rule {
    let scope = RuleScope.pack
    let description = RuleDescription(
        id: "duplicate-text",
        summary: "two templates or variants of one pack with the same text",
        rationale: """
            A copy-pasted template drifts from its twin when one is edited; identical variants defeat \
            the point of variants. Texts are compared byte for byte: two that differ only in Unicode \
            normalization are for `not-nfc` to report.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [.pack("  greeting:\n    text: Thanks for writing in!\n  hello:\n    text: ↓Thanks for writing in!\n")],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks for writing in!\n  hello:\n    text: Hello there!\n"),
            .pack("  greeting:\n    text: \"Caf\\u00E9\"\n  hello:\n    text: \"Cafe\\u0301\"\n",
                  comment: "the same when shown, but not the same bytes: `not-nfc` reports the second"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The texts of the pack at hand: analyses come pack by pack.
        var pack: String?
        // Compared and hashed by their bytes: a `String` key hashes its Unicode normalization,
        // which costs more than the rest of the rule for non-ASCII text.
        var seen = StringTable<(template: String, range: SourceRange)>(capacity: 64)
        for analysis in context.analyses {
            if analysis.pack.file != pack {
                pack = analysis.pack.file
                seen.removeAll()
            }
            for (text, what) in analysis.variantTexts {
                let key = text.text.value
                guard !key.isEmpty else { continue }
                if let first = seen[key] {
                    found.append(diagnostic(
                        "\(what) of `\(analysis.template.id.value)` is the same as `\(first.template)`", in: analysis,
                        range: analysis.wholeRange(text),
                        notes: ["first written at \(analysis.pack.file):\(first.range.start)"],
                        help: "keep one template, or make the texts differ"))
                } else {
                    seen.insert(key, (analysis.template.id.value, text.text.range))
                }
            }
        }
        return found
    }
}
