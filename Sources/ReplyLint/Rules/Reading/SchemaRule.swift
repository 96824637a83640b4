import ReplyKit
import ReplyCompiler
import ReplyKitSupport

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
