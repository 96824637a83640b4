import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `yaml-syntax`: the file could not be read as one YAML document. Reported by the loader.
struct YAMLSyntaxRule: Rule {
    let description = RuleDescription(
        id: "yaml-syntax",
        summary: "not YAML; not UTF-8; several documents; alias expansion over budget; nesting too deep; file too large",
        rationale: """
            A file that cannot be read is a file whose replies cannot be checked. ReplyKit reads one \
            UTF-8 YAML document per file, refuses aliases that expand past a budget ("billion laughs"), \
            nesting deeper than 64 levels and files over 4 MiB, and reports where it stopped.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi there\n  ↓- a list item where a key belongs\n"),
            .pack("  greeting:\n    text: Hi there\n↓---\nlocale: en-US\n", comment: "a second document"),
            .pack("  greeting:\n  ↓\ttext: Hi there\n", comment: "a tab used for indentation"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"Hi: there\"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
