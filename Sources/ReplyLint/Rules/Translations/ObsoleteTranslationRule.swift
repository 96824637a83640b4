import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `obsolete-translation`: a template in a pack but not in the default locale.
struct ObsoleteTranslationRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "obsolete-translation",
        summary: "a template in a pack but not in the default locale",
        rationale: """
            A template the default locale no longer has was renamed or retired there; its \
            translations linger, unreviewed, and agents may still send them.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}.\n  ↓old-promo:\n    text: ¡Oferta!\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for pair in TranslationPairs.pairs(context) {
            let source = Set(pair.source.templates.map(\.id.value))
            let templates = pair.translation.templates
            for index in templates.indices where !source.contains(templates[index].id.value) {
                let template = templates[index]
                found.append(diagnostic("`\(template.id.value)` is not in the default locale `\(pair.source.tag!)`",
                                        file: pair.translation.file, range: template.id.range,
                                        help: "remove it, or add it to \(pair.source.file)",
                                        brand: pair.brand.id, locale: pair.translation.tag?.canonical,
                                        template: template.id.value))
            }
        }
        return found
    }
}
