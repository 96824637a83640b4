import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `missing-translation`: a template of the default locale missing from another locale's pack.
struct MissingTranslationRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "missing-translation",
        summary: "a template of the default locale missing from another locale's pack",
        rationale: """
            An agent answering in that language gets the fallback locale's text, or an error. The \
            default locale's pack is the catalogue every other pack translates.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["en-US.yaml": RuleExample.defaultPack + "\n  bye:\n    text: Bye\n",
                         "es-MX.yaml": "locale: ↓es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, gracias por escribirnos.\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, gracias por escribirnos.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for pair in TranslationPairs.pairs(context) {
            let translated = Set(pair.translation.templates.map(\.id.value))
            let missing = pair.source.templates.map(\.id.value).filter { !translated.contains($0) }
            guard let tag = pair.translation.tag else { continue }
            for id in missing {
                found.append(diagnostic("`\(tag)` has no translation of `\(id)`", file: pair.translation.file,
                                        range: pair.translation.locale?.range,
                                        notes: ["\(pair.source.file) defines it"],
                                        help: "translate it in \(pair.translation.file)",
                                        brand: pair.brand.id, locale: tag.canonical, template: id))
            }
        }
        return found
    }
}
