import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `dm-closed` †: a `dm` template while the account does not take DMs from anyone.
struct DMClosedRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "dm-closed",
        summary: "a `dm` template while `account.dm_open` is not true",
        rationale: """
            X shows the "Send a private message" button only for accounts that receive Direct Messages \
            from anyone. Without it the deep link is a bare URL and the customer cannot write.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "dm_open: true", with: "dm_open: false"),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm: ↓true\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let dm = analysis.template.dm, analysis.brand.account.dmOpen?.value != true else { return nil }
            return diagnostic(
                "`\(analysis.template.id.value)` hands off to DMs, but `account.dm_open` is not `true`", in: analysis,
                range: dm.range,
                notes: ["X shows the DM button only for accounts that receive Direct Messages from anyone"],
                help: "turn on \"Receive messages from anyone\" for @\(analysis.brand.account.handle?.value ?? "the account") and set `dm_open: true`, or remove `dm`")
        }
    }
}
