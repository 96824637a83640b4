import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Each pack of a brand beside the pack of its default locale, which defines the catalogue.
struct TranslationPairs {
    struct Pair {
        var brand: Brand
        var source: LocalePack
        var translation: LocalePack
    }

    static func pairs(_ context: LintContext) -> [Pair] {
        var result: [Pair] = []
        for (folder, brand) in context.brands {
            guard let tag = brand.defaultLocale?.value,
                  let source = folder.packs.first(where: { $0.tag == tag && $0.isReadable }) else { continue }
            for pack in folder.packs where pack.tag != tag && pack.isReadable && pack.tag != nil {
                result.append(Pair(brand: brand, source: source, translation: pack))
            }
        }
        return result
    }

    /// The pairs, each with what `summarize` makes of its source pack: made once per source, which
    /// all the brand's other packs share, rather than once per pair.
    static func pairs<Summary>(_ context: LintContext, withSource summarize: (LocalePack) -> Summary) -> [(Pair, Summary)] {
        var result: [(Pair, Summary)] = []
        var last: (file: String, summary: Summary)?
        for pair in pairs(context) {
            if last?.file != pair.source.file { last = (pair.source.file, summarize(pair.source)) }
            if let last { result.append((pair, last.summary)) }
        }
        return result
    }

    /// `value` of each template of `pack` by id; the first template of an id that repeats.
    static func byID<Value>(_ pack: LocalePack, _ value: (Template) -> Value) -> [String: Value] {
        var result: [String: Value] = [:]
        // By index: copying each `Template` out of the array retains every field of it.
        for index in pack.templates.indices where result[pack.templates[index].id.value] == nil {
            result[pack.templates[index].id.value] = value(pack.templates[index])
        }
        return result
    }
}

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

/// `variable-mismatch`: a translation that uses a variable its source does not, or drops one.
struct VariableMismatchRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "variable-mismatch",
        summary: "a translation that uses a variable its source does not (warning when it drops one)",
        rationale: """
            Agents' tools pass the values the source template needs: a translation that needs \
            another fails to render, and one that drops a variable loses information (a date, a \
            number) the customer was given in the other language.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, en {↓days} días.\n"]),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: ↓Hola, gracias por escribirnos.\n"],
                        comment: "drops `first_name`: a warning"),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Gracias por escribirnos, {first_name}.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // By source template id: the variables its texts use, each once; nil when a text of it does
        // not parse.
        let pairs = TranslationPairs.pairs(context) { source in
            var names: [String: [String]?] = [:]
            for analysis in context.analyses(ofPack: source.file) where names[analysis.template.id.value] == nil {
                names[analysis.template.id.value] = .some(Self.variableNames(analysis))
            }
            return names
        }
        for (pair, sources) in pairs {
            for analysis in context.analyses(ofPack: pair.translation.file) {
                guard let entry = sources[analysis.template.id.value], let expected = entry else { continue }
                for (text, what) in analysis.texts {
                    // Most translations use exactly their source's variables: no need to walk them.
                    guard let message = text.message, !text.variableNames.allSatisfy(expected.contains) else { continue }
                    message.forEachArgument { argument, _ in
                        guard !expected.contains(argument.name) else { return }
                        found.append(diagnostic(
                            "\(what) of `\(analysis.template.id.value)` uses `\(argument.name)`, which its source in `\(pair.source.tag!)` does not",
                            in: analysis, range: text.map.range(argument.nameSpan),
                            notes: ["the source uses: \(expected.sorted().joined(separator: ", "))"],
                            help: "use the source's variables"))
                    }
                }
                func isUsed(_ name: String) -> Bool { analysis.texts.contains { $0.text.variableNames.contains(name) } }
                guard !expected.allSatisfy(isUsed), let first = analysis.variants.first,
                      !analysis.texts.contains(where: { $0.text.message == nil }) else { continue }
                let dropped = expected.filter { !isUsed($0) }.sorted()
                found.append(diagnostic(
                    "`\(analysis.template.id.value)` drops \(dropped.map { "`\($0)`" }.joined(separator: ", ")), which its source in `\(pair.source.tag!)` uses",
                    in: analysis, range: analysis.wholeRange(first),
                    help: "keep every variable of the source, or say why with `disable: [variable-mismatch]`",
                    severity: .warning))
            }
        }
        return found
    }

    /// The variables the texts of `analysis` use, each once; nil when one of its texts does not parse.
    static func variableNames(_ analysis: TemplateAnalysis) -> [String]? {
        var names: [String] = []
        for (text, _) in analysis.texts {
            guard text.message != nil else { return nil }
            // One text (the usual case) lists its names once already.
            if names.isEmpty { names = text.variableNames; continue }
            for name in text.variableNames where !names.contains(name) { names.append(name) }
        }
        return names
    }
}

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

/// `untranslated`: a translation identical to its source text in another language.
struct UntranslatedRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "untranslated",
        summary: "a translation identical to its source text in another language",
        rationale: """
            A pack copied from the source and never translated sends English (say) to customers who \
            wrote in Japanese. Text in the same language (`en-GB` from `en-US`) may stay as it is.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: ↓Hi {first_name}, thanks for reaching out.\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample(["en-GB.yaml": "locale: en-GB\ntemplates:\n  greeting:\n    text: Hi {first_name}, thanks for reaching out.\n"]),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, gracias por escribirnos.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Each source template's variant texts, by id.
        let pairs = TranslationPairs.pairs(context) { TranslationPairs.byID($0) { $0.variants.map(\.value) } }
        for (pair, sources) in pairs where pair.translation.tag?.language != pair.source.tag?.language {
            for analysis in context.analyses(ofPack: pair.translation.file) {
                guard let source = sources[analysis.template.id.value] else { continue }
                for (text, what) in analysis.variantTexts where source.contains(text.text.value) {
                    // Text with no words to translate (`{first_name}!`) is the same in every language.
                    guard Self.hasWords(text.text.value) else { continue }
                    found.append(diagnostic(
                        "\(what) of `\(analysis.template.id.value)` is the same as in `\(pair.source.tag!)`", in: analysis,
                        range: analysis.wholeRange(text), help: "translate it into \(pair.translation.tag!)"))
                }
            }
        }
        return found
    }

    /// Whether `text` has at least three letters outside placeholders, each skipped from a `{` to
    /// the next `}`: text with no words to translate (`{first_name}!`) is the same in every language.
    static func hasWords(_ text: String) -> Bool {
        var letters = 0
        var inPlaceholder = false
        for scalar in text.unicodeScalars {
            if inPlaceholder {
                if scalar == "}" { inPlaceholder = false }
            } else if scalar == "{" {
                inPlaceholder = true
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if letters >= 3 { return true }
            }
        }
        return false
    }
}
