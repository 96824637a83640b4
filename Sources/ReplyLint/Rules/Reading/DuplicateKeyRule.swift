import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `duplicate-key`: one mapping with the same key twice. Reported by the loader.
struct DuplicateKeyRule: Rule {
    let description = RuleDescription(
        id: "duplicate-key",
        summary: "the same key twice in one mapping",
        rationale: """
            YAML keeps one value for a key and libraries disagree on which: the template you reviewed \
            may not be the one that is sent. Every duplicate is reported at its second occurrence.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi there\n    ↓text: Hello there\n"),
            .pack("  greeting:\n    text: Hi there\n  ↓greeting:\n    text: Hello\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi there\n  welcome:\n    text: Hello there\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
