import ReplyKit
import ReplyCompiler
import ReplyKitSupport

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
