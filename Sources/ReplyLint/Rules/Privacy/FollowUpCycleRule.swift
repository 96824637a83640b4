import ReplyKit
import ReplyCompiler
import ReplyKitSupport

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
