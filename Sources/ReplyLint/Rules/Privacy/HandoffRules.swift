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

/// `follow-up-cycle`: follow-ups that lead back to where they started.
struct FollowUpCycleRule: Rule {
    let scope = RuleScope.pack
    let description = RuleDescription(
        id: "follow-up-cycle",
        summary: "follow-ups that loop",
        rationale: """
            Agents' tools follow `follow_up` from template to template; a loop sends the same \
            reminders to a customer for ever.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi\n    follow_up: ↓nudge\n  nudge:\n    text: Still there?\n    follow_up: greeting\n"),
            .pack("  greeting:\n    text: Hi\n    follow_up: ↓greeting\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi\n    follow_up: nudge\n  nudge:\n    text: Still there?\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Analyses come pack by pack: each run is one pack's templates, in file order.
        for run in context.analyses.packRuns {
            let templates = context.analyses[run]
            var next = StringTable<Located<String>>(capacity: templates.count)
            for analysis in templates {
                if let followUp = analysis.template.followUp { next.insert(analysis.template.id.value, followUp) }
            }
            guard next.count > 0 else { continue }
            var reported: Set<String> = []
            // Report each cycle once, at the first template of it in file order.
            for analysis in templates {
                let id = analysis.template.id.value
                guard let start = next[id], !reported.contains(id) else { continue }
                var path = [id]
                var current: String? = start.value
                while let step = current, !path.contains(step), path.count <= templates.count {
                    path.append(step)
                    current = next[step]?.value
                }
                guard current == id else { continue }
                reported.formUnion(path)
                found.append(diagnostic(
                    "follow-ups loop: \((path + [id]).map { "`\($0)`" }.joined(separator: " → "))", in: analysis,
                    range: start.range, help: "end the chain with a template that has no `follow_up`"))
            }
        }
        return found
    }
}
