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

/// `schema`: keys and values that pack-format.md does not allow. Reported by the loader.
struct SchemaRule: Rule {
    let description = RuleDescription(
        id: "schema",
        summary: "missing required key, unknown key (with \"did you mean\"), wrong type, bad id or locale tag, pack `locale` not matching its file name",
        rationale: """
            Packs are read by their schema, not by YAML 1.1 guessing: `locale: no` is Norwegian and \
            `text: yes` is the word "yes". A misspelled key would otherwise be ignored in silence, and \
            a template would lose its DM handoff or its description without anyone noticing.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    ↓txt: Hi there\n", comment: "an unknown key, with a suggestion"),
            .pack("  greeting:\n    ↓description: Says hello\n    dm: true\n", comment: "a template without `text`"),
            .pack("  greeting:\n    text: ↓{first_name}\n", comment: "YAML reads a plain `{...}` as a mapping"),
            RuleExample(["en-US.yaml": "locale: ↓en-GB\ntemplates:\n  greeting:\n    text: Hi\n"],
                        comment: "the locale does not match the file name"),
            .pack("  greeting:\n    text: Hi there\n    dm: ↓yes\n", comment: "booleans are `true` or `false`"),
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "max: 30", with: "max: ↓thirty")]),
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: approved\n",
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Hi there\ncampaigns:\n  spring:\n    ↓greeting:\n      text: Hello there\n"],
                        comment: "a template id used twice in a pack, once in a campaign"),
            .pack("  greeting:\n    text: Hi there\n  ↓[welcome]:\n    text: Hello there\n", comment: "a key that is not a string"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"{first_name}, hi\"\n    dm: true\n"),
            .pack("  greeting:\n    \"text\": Hi there\n    !!str dm: true\n", comment: "keys may be quoted or tagged as strings"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] { [] }
}

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
