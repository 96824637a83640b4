import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// A lint rule: its description, and the check that finds what it describes.
///
/// A check returns findings at the rule's default severity; the linter applies configuration.
/// Rules whose findings come from loading the files (`yaml-syntax`, `schema`, `duplicate-key`)
/// check nothing themselves.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    /// What a check needs to see; `.repository` unless the rule says otherwise.
    var scope: RuleScope { get }
    /// The files its findings may fall on; ``ReportedFiles/all`` unless the rule says otherwise.
    /// A rule that compares a translation with its source and reports on the translation, or one
    /// that reports on brand.yaml only, may wait while a pack is edited.
    var reportsOn: ReportedFiles { get }
    func check(_ context: LintContext) -> [Diagnostic]
}

/// What one run of a rule's check must see to find everything it reports.
public enum RuleScope: Sendable {
    /// Each template's findings depend on that template alone (with its brand and pack): the linter
    /// may check any share of the templates at a time, and checks them in small batches, every
    /// such rule on a batch before the next, so a batch's templates are read while still in cache.
    case template
    /// Findings compare templates of one pack, never two packs: as `template`, but a batch holds
    /// whole packs.
    case pack
    /// Findings compare packs or brands: the check sees the whole repository.
    case repository
}

extension Rule {
    public var id: String { description.id }
    public var scope: RuleScope { .repository }
    public var reportsOn: ReportedFiles { .all }

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

    /// The DM prefill: what the customer sends, not what the brand says.
    var isPrefill: Bool { variant == nil }

    var description: String {
        guard let variant else { return "the DM prefill" }
        return variantCount == 1 ? "the text" : "variant \(variant + 1)"
    }
}

/// A template's texts, each with what to call it in a message: a plain sequence rather than lazy
/// wrappers, because rules walk it for every template and most find nothing.
struct NamedTexts: Sequence {
    let analysis: TemplateAnalysis
    let includesPrefill: Bool

    struct Iterator: IteratorProtocol {
        let analysis: TemplateAnalysis
        let includesPrefill: Bool
        var index = 0

        mutating func next() -> (text: TemplateAnalysis.Text, what: TextName)? {
            let variants = analysis.variants
            defer { index += 1 }
            if index < variants.count { return (variants[index], TextName(variant: index, variantCount: variants.count)) }
            if includesPrefill, index == variants.count, let prefill = analysis.prefill {
                return (prefill, TextName(variant: nil, variantCount: 0))
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(analysis: analysis, includesPrefill: includesPrefill) }
    var underestimatedCount: Int { analysis.variants.count }
}

extension TemplateAnalysis {
    /// The variants, each with what to call it in a message.
    var variantTexts: NamedTexts { NamedTexts(analysis: self, includesPrefill: false) }

    /// The variants that could be measured, with their bound and whole worst case (deep link included).
    var measuredVariants: [(text: Text, what: TextName, bound: LengthBound, worst: Int)] {
        variantTexts.compactMap { text, what in
            text.bound.map { (text, what, $0, $0.reply(deepLink: deepLinkWeight)) }
        }
    }

    /// The whole text of a variant or prefill, as a file range.
    func wholeRange(_ text: Text) -> SourceRange { text.map.range(0..<text.text.value.utf8.count) }

    /// The variants and the prefill, each with what to call it in a message.
    var texts: NamedTexts { NamedTexts(analysis: self, includesPrefill: true) }
}

/// What rules look at: the loaded repository and the options configured for them.
public struct LintContext: Sendable {
    public var repository: TemplateRepository
    public var configuration: LintConfiguration
    /// The time campaign windows are checked against.
    public var now: Date
    /// Every template of every pack, parsed and measured once for all rules.
    public var analyses: [TemplateAnalysis]
    /// Positions in `analyses` by pack file, so rules that compare packs look one up directly.
    private var byFile: [String: [Int]] = [:]
    /// The copy-safety grammar of every pack's locale.
    let copySafetyGrammars: CopySafetyGrammars
    /// What `plural-categories` found for each locale, range and set of branches, for every batch.
    let pluralExamples = PluralExampleCache()
    /// The copy-safety findings of a batch's texts, when a rule that reads them runs on it.
    private(set) var copySafetyFindings: CopySafetyTable?

    public init(repository: TemplateRepository, configuration: LintConfiguration, now: Date = Date()) {
        self.init(repository: repository, configuration: configuration, now: now, analyses: repository.analyses)
    }

    /// A context over analyses already made of `repository`'s packs, pack by pack in its order (the
    /// language server keeps each pack's analyses until the pack or its brand changes).
    ///
    /// `grammars`: where the packs' copy-safety grammars come from (a new cache when nil); it must
    /// be a cache of `repository`'s locale data.
    package init(repository: TemplateRepository, configuration: LintConfiguration, now: Date, analyses: [TemplateAnalysis],
                 grammars: CopySafetyCache? = nil) {
        self.repository = repository
        self.configuration = configuration
        self.now = now
        self.analyses = analyses
        copySafetyGrammars = CopySafetyGrammars(repository, from: grammars ?? CopySafetyCache(repository.locales))
        // A pack's file is hashed once, not once for each template.
        for run in analyses.packRuns { byFile[analyses[run.lowerBound].pack.file, default: []] += Array(run) }
    }

    /// The same context with only some of its analyses, for rules of ``RuleScope/template`` scope;
    /// ``analyses(ofPack:)`` finds nothing in it. `findingTerms`: the copy-safety findings of its texts
    /// are found once for all the rules that read them.
    func batch(_ range: Range<Int>, findingTerms: Bool) -> LintContext {
        var batch = self
        batch.analyses = Array(analyses[range])
        batch.byFile = [:]
        if findingTerms { batch.copySafetyFindings = CopySafetyTable(analyses[range], grammars: copySafetyGrammars) }
        return batch
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

extension [TemplateAnalysis] {
    /// The runs of consecutive analyses of one pack file, in order: analyses come pack by pack.
    var packRuns: [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in indices where index + 1 == count || self[index + 1].pack.file != self[index].pack.file {
            runs.append(start..<index + 1)
            start = index + 1
        }
        return runs
    }
}
