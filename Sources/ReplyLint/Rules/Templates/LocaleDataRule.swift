import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `locale-data` †: locale files that cannot be used, and packs whose locale has no data.
struct LocaleDataRule: Rule {
    let description = RuleDescription(
        id: "locale-data",
        summary: "a locale file with a bad plural rule or unknown parent; a pack whose locale has no locale data",
        rationale: """
            Plural branches are chosen by the locale's CLDR rules, and the privacy rules read its term \
            lists: without valid data for a pack's locale, neither can be checked. Problems in a \
            repository's `locales/` files are found while loading them.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale: en-US", with: "default_locale: tlh"),
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Hi\n",
                         "tlh.yaml": "locale: ↓tlh\ntemplates:\n  greeting:\n    text: nuqneH\n"],
                        comment: "Klingon has no built-in locale data"),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for folder in context.repository.brands {
            for pack in folder.packs {
                guard let tag = pack.tag, context.repository.locales.resolve(tag) == nil else { continue }
                found.append(diagnostic("locale `\(tag)` has no locale data", file: pack.file,
                                        range: pack.locale?.range,
                                        notes: ["plural rules and term lists come from locale data; ReplyKit ships \(context.repository.locales.files.count) locales"],
                                        help: "add locales/\(tag).yaml with its plural rules, or use a locale ReplyKit knows",
                                        brand: folder.id, locale: tag.canonical))
            }
        }
        return found
    }
}
