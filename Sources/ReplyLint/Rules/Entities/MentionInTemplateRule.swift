import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `mention-in-template`: literal text that mentions an account.
struct MentionInTemplateRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "mention-in-template",
        summary: "text that mentions an account (it notifies them; the reply already reaches the customer)",
        rationale: """
            A reply reaches the customer it answers without a mention. A mention written into a \
            template notifies that account every time the template is sent.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Thanks for flying with us! ↓@AcmeAirCrew will take it from here.\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks for flying with us! Write to us at help@acme.example.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                for (name, span) in Self.mentions(in: text.text.value) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` mentions @\(name)", in: analysis,
                                            range: text.map.range(span),
                                            notes: ["@\(name) is notified every time this template is sent"],
                                            help: "name the account without `@`, or remove it"))
                }
            }
        }
        return found
    }

    /// The accounts (and lists) `text` mentions, without `@`, with their UTF-8 spans.
    static func mentions(in text: String) -> [(name: String, span: Range<Int>)] {
        TwitterText.extractMentionsOrLists(text).map { ($0.value, $0.utf8Range(in: text)) }
    }
}
