import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `template-syntax` †: text or a prefill that is not valid template syntax.
struct TemplateSyntaxRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "template-syntax",
        summary: "a `text` (or prefill) that is not valid template syntax",
        rationale: """
            A template that does not parse cannot be rendered at all. Templates use the ICU \
            MessageFormat subset that translators' tools know: `{name}`, `{n, plural, one {…} other {…}}`, \
            `{c, select, … other {…}}`, with ICU's apostrophe rule for literal braces.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi ↓{first_name\n"),
            .pack("  greeting:\n    text: \"{days, ↓number} days\"\n"),
            .pack("  greeting:\n    text: >-\n      Your refund arrives in\n      {days, plural, one {# day} ↓othr {# days}}\n"),
            .pack("  greeting:\n    text: Hi {first_name}\n    dm:\n      prefill: \"Order ↓{order\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"{days, plural, =0 {today} one {in # day} other {in # days}}, {first_name}\"\n"),
            .pack("  greeting:\n    text: Don't worry, '{'braces'}' are fine\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.flatMap { analysis in
            analysis.texts.compactMap { text, what -> Diagnostic? in
                guard let error = text.syntaxError else { return nil }
                return diagnostic("\(error.message) in \(what) of `\(analysis.template.id.value)`", in: analysis,
                                  range: text.map.range(error.span), notes: error.notes, help: error.help)
            }
        }
    }
}
