import ReplyKit

/// A lint rule: its description, and the check that finds what it describes.
///
/// A check returns findings at the rule's default severity; the linter applies configuration.
/// Rules whose findings come from loading the files (`yaml-syntax`, `schema`, `duplicate-key`)
/// check nothing themselves.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: LintContext) -> [Diagnostic]
}

extension Rule {
    public var id: String { description.id }

    /// A finding of this rule at its default severity.
    /// `severity`: a milder one than the rule's default for this finding (kept unless configuration
    /// sets the rule's severity).
    func diagnostic(_ message: String, file: String?, range: SourceRange?, notes: [String] = [],
                    help: String? = nil, brand: String? = nil, locale: String? = nil,
                    template: String? = nil, fix: [TextEdit]? = nil, severity: Severity? = nil) -> Diagnostic {
        Diagnostic(rule: description.id, severity: severity ?? description.defaultSeverity, message: message, file: file,
                   range: range, notes: notes, help: help, brand: brand, locale: locale, template: template, fix: fix)
    }
}

extension Rule {
    /// A finding about one template of one pack.
    func diagnostic(_ message: String, in analysis: TemplateAnalysis, range: SourceRange?, notes: [String] = [],
                    help: String? = nil, fix: [TextEdit]? = nil, severity: Severity? = nil) -> Diagnostic {
        diagnostic(message, file: analysis.pack.file, range: range, notes: notes, help: help,
                   brand: analysis.brand.id, locale: analysis.pack.tag?.canonical,
                   template: analysis.template.id.value, fix: fix, severity: severity)
    }
}

/// What a message calls a text: `the text`, `variant 2` or `the DM prefill`; made into a string only
/// when a message is.
struct TextName: CustomStringConvertible {
    var variant: Int?
    var variantCount: Int

    var description: String {
        guard let variant else { return "the DM prefill" }
        return variantCount == 1 ? "the text" : "variant \(variant + 1)"
    }
}

extension TemplateAnalysis {
    /// The variants, each with what to call it in a message (lazily: rules walk these for every
    /// template, and most find nothing).
    var variantTexts: LazyMapSequence<EnumeratedSequence<[Text]>, (text: Text, what: TextName)> {
        let count = variants.count
        return variants.enumerated().lazy.map { ($1, TextName(variant: $0, variantCount: count)) }
    }

    /// The variants that could be measured, with their bound and whole worst case (deep link included).
    var measuredVariants: [(text: Text, what: TextName, bound: LengthBound, worst: Int)] {
        variantTexts.compactMap { text, what in
            text.bound.map { (text, what, $0, $0.total + deepLinkWeight) }
        }
    }

    /// The whole text of a variant or prefill, as a file range.
    func wholeRange(_ text: Text) -> SourceRange { text.map.range(0..<text.text.value.utf8.count) }

    /// The variants and the prefill, each with what to call it in a message.
    var texts: FlattenSequence<[AnySequence<(text: Text, what: TextName)>]> {
        let prefill = self.prefill.map { [($0, TextName(variant: nil, variantCount: 0))] } ?? []
        return [AnySequence(variantTexts), AnySequence(prefill)].joined()
    }
}

/// What rules look at: the loaded repository and the options configured for them.
public struct LintContext: Sendable {
    public var repository: TemplateRepository
    public var configuration: LintConfiguration
    /// Every template of every pack, parsed and measured once for all rules.
    public var analyses: [TemplateAnalysis]
    /// Positions in `analyses` by pack file, so rules that compare packs look one up directly.
    private var byFile: [String: [Int]] = [:]

    public init(repository: TemplateRepository, configuration: LintConfiguration) {
        self.repository = repository
        self.configuration = configuration
        self.analyses = repository.analyses
        for (index, analysis) in analyses.enumerated() { byFile[analysis.pack.file, default: []].append(index) }
    }

    /// The analyses of one pack's templates, in file order.
    public func analyses(ofPack file: String) -> [TemplateAnalysis] {
        (byFile[file] ?? []).map { analyses[$0] }
    }

    /// Every brand folder that has a readable brand.yaml, with its brand.
    public var brands: [(folder: TemplateRepository.BrandFolder, brand: Brand)] {
        repository.brands.compactMap { folder in folder.brand.map { (folder, $0) } }
    }
}
