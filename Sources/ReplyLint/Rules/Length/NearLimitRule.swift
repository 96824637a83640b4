import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `near-limit`: a worst case within `margin` of the limit (off unless configured).
struct NearLimitRule: Rule {
    let scope = RuleScope.template
    static let defaultMargin = 10

    let description = RuleDescription(
        id: "near-limit",
        summary: "worst case within `margin` (default 10) of the limit",
        rationale: """
            A template that only just fits leaves no room for the next edit or a longer translation. \
            Switch it on with `near-limit: {severity: warning, margin: 10}` in replykit.yaml.
            """,
        defaultSeverity: .off,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale", with: "max_length: 40\ndefault_locale"),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: ↓Hi {first_name}, thanks a lot!\n",
            ], comment: "3 + 20 + 14 = 37: within 10 of 40"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi {first_name}\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let margin = context.configuration.option("margin", of: description.id)?.scalar.flatMap { Int($0) } ?? Self.defaultMargin
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            let limit = analysis.brand.maxLength
            for (text, what, bound, worst) in analysis.measuredVariants where worst <= limit && limit - worst < margin {
                found.append(diagnostic(
                    "\(what) of `\(analysis.template.id.value)` can reach \(worst) weighted characters, \(limit - worst) below the limit of \(limit)",
                    in: analysis, range: analysis.wholeRange(text),
                    notes: OverLimitRule.drivers(bound, deepLink: analysis.deepLinkWeight, brand: analysis.brand)
                        + ["the margin is \(margin)"]))
            }
        }
        return found
    }
}
