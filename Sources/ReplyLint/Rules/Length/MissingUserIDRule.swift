import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `missing-user-id` †: a `dm` template while the account has no user id.
struct MissingUserIDRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "missing-user-id",
        summary: "a `dm` template while `account.user_id` is missing",
        rationale: """
            The deep link names the account by its numeric user id (`recipient_id`), not its handle: \
            without it there is no link to append.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "  user_id: \"3805104374\"\n", with: ""),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm: ↓true\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let dm = analysis.template.dm, analysis.brand.account.userID == nil else { return nil }
            return diagnostic("`\(analysis.template.id.value)` hands off to DMs, but `account.user_id` is missing",
                              in: analysis, range: dm.range,
                              help: "add the account's numeric id as `user_id` under `account:` in \(analysis.brand.file)")
        }
    }
}
