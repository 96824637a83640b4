import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `private-info-in-public`: a public reply that asks for private information.
struct PrivateInfoInPublicRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "private-info-in-public",
        summary: "a template without `dm` that asks for private information: order numbers, emails, phone numbers, addresses must go to DM",
        rationale: """
            Customers answer a public reply in public: an order number, an email address, a phone \
            number or a home address asked for there ends up in a public tweet. Ask for it after \
            handing the conversation to DMs (`dm: true`). An ask is a request, a question or a need \
            aimed at the customer ("could you share…", "where should we send it?", "we'll need \
            your…"); a mention, the brand's own action or a warning is not one. The locale data's \
            `copy_safety` grammar says what counts (docs/copy-safety.md).
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Could you ↓share your email address so we can look into it?\n"),
            .pack("  greeting:\n    text: \"So sorry, {first_name}! ↓Where should we send the replacement?\"\n"),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: ↓Compártenos tu número de pedido para revisarlo.\n"]),
            RuleExample(["ja-JP.yaml": "locale: ja-JP\ntemplates:\n  greeting:\n    text: \"{first_name}様、↓注文番号を教えてください。\"\n"]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: DM us your order number and we'll check on it.\n    dm: true\n"),
            .pack("  greeting:\n    text: We've sent the receipt to your email address.\n"),
            .pack("  greeting:\n    text: Your booking reference is on your ticket.\n"),
            .pack("  greeting:\n    text: \"No need to share your order number: we've found it.\"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses where analysis.template.dm == nil {
            for (text, what) in analysis.variantTexts {
                for finding in finder.findings(.privateInfoInPublic, in: text, name: what, of: analysis) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.message)", in: analysis,
                                            range: text.map.range(finding.range), notes: finding.notes, help: finding.help))
                }
            }
        }
        return found
    }
}
