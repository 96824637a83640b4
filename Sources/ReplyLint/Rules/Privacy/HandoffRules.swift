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
        for (folder, brand) in context.brands {
            for pack in folder.packs {
                // By index: copying each template out of the array retains every field of it.
                var next = StringTable<Located<String>>(capacity: pack.templates.count)
                for index in pack.templates.indices {
                    if let followUp = pack.templates[index].followUp { next.insert(pack.templates[index].id.value, followUp) }
                }
                guard next.count > 0 else { continue }
                var reported: Set<String> = []
                // Report each cycle once, at the first template of it in file order.
                for index in pack.templates.indices {
                    let id = pack.templates[index].id.value
                    guard let start = next[id], !reported.contains(id) else { continue }
                    var path = [id]
                    var current: String? = start.value
                    while let step = current, !path.contains(step), path.count <= pack.templates.count {
                        path.append(step)
                        current = next[step]?.value
                    }
                    guard current == id else { continue }
                    reported.formUnion(path)
                    found.append(diagnostic(
                        "follow-ups loop: \((path + [id]).map { "`\($0)`" }.joined(separator: " → "))",
                        file: pack.file, range: start.range,
                        help: "end the chain with a template that has no `follow_up`",
                        brand: brand.id, locale: pack.tag?.canonical, template: id))
                }
            }
        }
        return found
    }
}
