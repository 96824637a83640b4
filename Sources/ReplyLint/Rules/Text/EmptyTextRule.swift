import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `empty-text` †: empty or blank text or variant.
struct EmptyTextRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "empty-text",
        summary: "empty or blank text or variant",
        rationale: "X refuses an empty tweet, and a blank variant would be picked for some conversations.",
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: ↓\"  \"\n"),
            .pack("  greeting:\n    text:\n      - Hi {first_name}\n      - ↓\"\"\n"),
        ],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Hi {first_name}\n")])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.flatMap { analysis in
            analysis.variantTexts.compactMap { text, what -> Diagnostic? in
                guard text.text.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
                return diagnostic("\(what) of `\(analysis.template.id.value)` is empty", in: analysis, range: text.text.range,
                                  help: "write the reply, or remove the variant")
            }
        }
    }
}
