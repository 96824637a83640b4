import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// The copy-safety grammar of every pack's locale, for one lint, shared read-only by every core.
///
/// The grammars come from a ``CopySafetyCache``: a lint makes its own, and the language server
/// keeps one until the locale data changes, because building a locale's grammar takes longer than
/// checking a pack.
final class CopySafetyGrammars: Sendable {
    private let grammars: [LocaleTag: CopySafety]
    private static let none = CopySafety(grammar: CopySafetyGrammar(nil))

    init(_ repository: TemplateRepository, from cache: CopySafetyCache) {
        var grammars: [LocaleTag: CopySafety] = [:]
        for folder in repository.brands {
            for pack in folder.packs {
                guard let tag = pack.tag, grammars[tag] == nil else { continue }
                grammars[tag] = cache.copySafety(tag) ?? Self.none
            }
        }
        self.grammars = grammars
    }

    /// The grammar of `locale`; one that finds nothing for a locale it lacks.
    func grammar(_ locale: LocaleTag) -> CopySafety {
        grammars[locale] ?? Self.none
    }
}

/// The copy-safety findings of the texts of a batch of templates, every rule at once: the three
/// rules read the same texts, and one reading of a text serves them all.
final class CopySafetyTable: Sendable {
    /// By text; a text without findings is left out.
    private let byText: [ObjectIdentifier: [CopySafetyFinding]]

    init(_ analyses: ArraySlice<TemplateAnalysis>, grammars: CopySafetyGrammars) {
        var byText: [ObjectIdentifier: [CopySafetyFinding]] = [:]
        var last: (locale: LocaleTag, grammar: CopySafety)?
        for analysis in analyses {
            guard let locale = analysis.pack.tag else { continue }
            if last?.locale != locale { last = (locale, grammars.grammar(locale)) }
            guard let grammar = last?.grammar else { continue }
            for (text, what) in analysis.texts {
                let found = grammar.findings(in: text.text.value, prefill: what.isPrefill,
                                             handsOffToDM: analysis.template.dm != nil,
                                             brandTakesDMs: analysis.brand.account.dmOpen?.value == true)
                if !found.isEmpty { byText[ObjectIdentifier(text)] = found }
            }
        }
        self.byText = byText
    }

    /// The findings in `text`, which must be a text of the batch.
    func findings(in text: TemplateAnalysis.Text) -> [CopySafetyFinding] {
        byText[ObjectIdentifier(text)] ?? []
    }
}

/// A rule that reads copy-safety findings with a ``CopySafetyFinder``: the linter finds those of a
/// batch's texts once for all such rules.
protocol CopySafetyChecking: Rule {}

/// Finds what the copy-safety rules report in a template's texts.
struct CopySafetyFinder {
    private let grammars: CopySafetyGrammars
    private let table: CopySafetyTable?

    init(_ context: LintContext) {
        grammars = context.copySafetyGrammars
        table = context.copySafetyFindings
    }

    /// The findings of `rule` in `text` of the template of `analysis`.
    func findings(_ rule: CopySafetyRule, in text: TemplateAnalysis.Text, name: TextName, of analysis: TemplateAnalysis) -> [CopySafetyFinding] {
        guard let locale = analysis.pack.tag else { return [] }
        let all = table?.findings(in: text) ?? grammars.grammar(locale).findings(
            in: text.text.value, prefill: name.isPrefill, handsOffToDM: analysis.template.dm != nil,
            brandTakesDMs: analysis.brand.account.dmOpen?.value == true)
        return all.filter { $0.rule == rule }
    }
}
