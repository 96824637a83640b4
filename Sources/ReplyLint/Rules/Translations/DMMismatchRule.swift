import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `dm-mismatch`: a translation that hands off to DMs while its source does not, or the reverse.
struct DMMismatchRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "dm-mismatch",
        summary: "a translation that hands off to DM while its source does not, or the reverse",
        rationale: """
            Whether a reply moves the conversation to DMs is a decision about privacy, not wording: \
            every language must make the same one.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  ↓greeting:\n    text: Hola {first_name}, escríbenos por DM.\n    dm: true\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, gracias por escribirnos.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Whether each source template hands off to DMs, by id.
        let pairs = TranslationPairs.pairs(context) { TranslationPairs.byID($0) { $0.dm != nil } }
        for (pair, sourceHandsOff) in pairs {
            // By index: copying each `Template` out of the array cost more than the comparison.
            let templates = pair.translation.templates
            for index in templates.indices {
                guard let handsOff = sourceHandsOff[templates[index].id.value], handsOff != (templates[index].dm != nil) else {
                    continue
                }
                let template = templates[index]
                found.append(diagnostic(
                    template.dm == nil
                        ? "`\(template.id.value)` does not hand off to DMs, but its source in `\(pair.source.tag!)` does"
                        : "`\(template.id.value)` hands off to DMs, but its source in `\(pair.source.tag!)` does not",
                    file: pair.translation.file, range: template.id.range,
                    help: template.dm == nil ? "add `dm: true` as in the source" : "remove `dm`, or add it to the source",
                    brand: pair.brand.id, locale: pair.translation.tag?.canonical, template: template.id.value))
            }
        }
        return found
    }
}
