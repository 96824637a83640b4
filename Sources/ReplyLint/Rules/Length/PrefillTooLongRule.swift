import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `prefill-too-long`: a DM prefill whose worst case exceeds what a DM holds.
struct PrefillTooLongRule: Rule {
    let scope = RuleScope.template
    /// X's limit for a Direct Message, in characters.
    static let limit = 10_000

    let description = RuleDescription(
        id: "prefill-too-long",
        summary: "a DM prefill whose worst case exceeds 10,000 characters",
        rationale: """
            A Direct Message holds at most 10,000 characters; a longer prefill is cut or refused by \
            X. The worst case counts every variable at its longest.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand + "\n  details:\n    max_length: 10000\n",
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm:\n      prefill: ↓\"About: {details}\"\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm:\n      prefill: \"Order number: \"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let prefill = analysis.prefill, let bound = prefill.bound, bound.total > Self.limit else { return nil }
            return diagnostic(
                "the DM prefill of `\(analysis.template.id.value)` can reach \(bound.total) characters, \(bound.total - Self.limit) over the \(Self.limit) a DM holds",
                in: analysis, range: prefill.text.range,
                notes: OverLimitRule.drivers(bound, deepLink: 0, brand: analysis.brand),
                help: "keep the prefill to a short opening line, and lower the `max_length` of its variables")
        }
    }
}
