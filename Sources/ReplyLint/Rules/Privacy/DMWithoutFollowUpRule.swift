import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `dm-without-follow-up`: a DM handoff with no follow-up template.
struct DMWithoutFollowUpRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "dm-without-follow-up",
        summary: "a `dm` template with no `follow_up`",
        rationale: """
            Many customers never open the DM. A `follow_up` names the template agents send when they \
            have not written, so the conversation does not end in silence.
            """,
        defaultSeverity: .info,
        triggeringExamples: [
            .pack("  greeting:\n    text: Send us a DM with your booking reference.\n    dm: ↓true\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Send us a DM with your booking reference.\n    dm: true\n    follow_up: nudge\n  nudge:\n    text: Still there? We're in your DMs.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let dm = analysis.template.dm, analysis.template.followUp == nil else { return nil }
            return diagnostic("`\(analysis.template.id.value)` hands off to DMs with no `follow_up`", in: analysis,
                              range: dm.range, help: "add `follow_up: <template>` for customers who do not write")
        }
    }
}
