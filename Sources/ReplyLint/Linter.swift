import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Runs the rules over a loaded repository and applies the configuration.
public struct Linter: Sendable {
    public var catalogue: RuleCatalogue
    public var configuration: LintConfiguration
    /// The time campaign windows are checked against; nil for the time of each lint.
    public var now: Date?

    /// About how many templates a task of template- and pack-scoped rules checks: small enough that
    /// a batch's analyses stay in cache while every rule reads them.
    var batchSize = 256
    /// Where copy-safety grammars come from, for a caller that lints one repository's locale data
    /// again and again (the language server); nil: each lint builds the grammars it needs.
    package var grammars: CopySafetyCache?

    public init(catalogue: RuleCatalogue = .standard, configuration: LintConfiguration = LintConfiguration(),
                now: Date? = nil) {
        self.catalogue = catalogue
        self.configuration = configuration
        self.now = now
    }

    /// Lints `repository`: loading's findings and every rule's, at their configured severities,
    /// without those switched off (globally or by a template's `disable`), sorted by file and position.
    public func lint(_ repository: TemplateRepository) -> LintResult {
        let (result, context) = lintKeepingAnalyses(repository)
        Self.freeInBackground(consume context)
        return result
    }

    /// ``lint(_:)``, handing back the analyses the rules read instead of freeing them: `replykit
    /// lint` frees them after the report is written (which a background free would slow down),
    /// or not at all when it exits.
    package func lintKeepingAnalyses(_ repository: TemplateRepository) -> (LintResult, LintContext) {
        let context = LintContext(repository: repository, configuration: configuration, now: now ?? Date())
        var found = repository.diagnostics
        // Rules only read the context: run them on every core. Rules that see the whole repository
        // are a task each; the others share tasks of a batch of whole packs each. The order of
        // findings does not matter: they are sorted below.
        let rules = catalogue.rules.filter { configuration.severity(of: $0.description) != .off }
        let wholeRules = rules.filter { $0.scope == .repository }
        let templateRules = rules.filter { $0.scope != .repository }
        let batches = Self.batches(context.analyses, size: batchSize)
        let findsTerms = templateRules.contains { $0 is any CopySafetyChecking }
        let results = ResultSlots<[Diagnostic]>(count: wholeRules.count + batches.count)
        let worstCases = ResultSlots<[(file: String, lengths: [Int?])]>(count: batches.count)
        DispatchQueue.concurrentPerform(iterations: wholeRules.count + batches.count) { index in
            if index < wholeRules.count {
                results[index] = wholeRules[index].check(context)
            } else {
                let batch = context.batch(batches[index - wholeRules.count], findingTerms: findsTerms)
                results[index] = templateRules.flatMap { $0.check(batch) }
                // The batch's packs' worst cases while their analyses are at hand, rather than in a
                // loop over all of them on one core afterwards. Each pack's analyses are in file order.
                worstCases[index - wholeRules.count] = batch.analyses.packRuns.map { run in
                    (batch.analyses[run.lowerBound].pack.file, batch.analyses[run].map(\.maxWeightedLength))
                }
            }
        }
        for index in 0..<wholeRules.count + batches.count { found += results[index] ?? [] }
        applyConfiguration(to: &found, repository)
        found = Self.sorted(found)
        var result = LintResult(diagnostics: found, repository: repository)
        result.worstCases.reserveCapacity(repository.brands.reduce(0) { $0 + $1.packs.count })
        for index in batches.indices {
            for (file, lengths) in worstCases[index] ?? [] { result.worstCases[file] = lengths }
        }
        return (result, context)
    }

    /// Frees the analyses on another thread: a hundred thousand of them take as long to free as the
    /// findings take to report, and the caller need not wait for that.
    private static func freeInBackground(_ context: consuming LintContext) {
        // The box is the analyses' only owner once this returns, so they are freed where it is
        // emptied, not wherever the last copy happens to die.
        final class Handoff: @unchecked Sendable {
            var context: LintContext?
            init(_ context: consuming LintContext) { self.context = consume context }
        }
        let handoff = Handoff(consume context)
        DispatchQueue.global(qos: .utility).async { handoff.context = nil }
    }

    /// Sets each finding to its rule's configured severity and drops those switched off, globally
    /// or by the template's `disable` (mandatory rules cannot be).
    func applyConfiguration(to found: inout [Diagnostic], _ repository: TemplateRepository) {
        applyConfiguration(to: &found, disabled: disabledRules(repository))
    }

    /// ``applyConfiguration(to:_:)`` with what `disable:` switches off worked out before.
    func applyConfiguration(to found: inout [Diagnostic], disabled: DisabledRules) {
        // What each rule's findings become, worked out once rather than per finding.
        var settings: [String: (severity: Severity, adjusts: Bool, disablable: Bool)] = [:]
        for rule in catalogue.rules where settings[rule.id] == nil {
            let description = rule.description
            let severity = configuration.severity(of: description)
            settings[rule.id] = (severity, severity != description.defaultSeverity,
                                 !description.isMandatory && disabled.rules.contains(rule.id))
        }
        var kept = 0
        for index in found.indices {
            if let rule = settings[found[index].rule] {
                if rule.severity == .off { continue }
                if rule.disablable, let template = found[index].template,
                   disabled.byTemplate[DisableKey(file: found[index].file ?? "", template: template)]?
                    .contains(found[index].rule) == true {
                    continue
                }
                // A rule may report a milder case below its default (an ended campaign is a warning);
                // configuration sets the severity of the rule as a whole.
                if rule.adjusts || found[index].severity > rule.severity {
                    found[index].severity = rule.severity
                }
            }
            found.swapAt(kept, index)
            kept += 1
        }
        found.removeLast(found.count - kept)
    }

    /// Runs of about `size` analyses that end where a pack ends, for rules of ``RuleScope/pack``
    /// scope (analyses come pack by pack).
    static func batches(_ analyses: [TemplateAnalysis], size: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        for run in analyses.packRuns where run.lowerBound - start >= size {
            batches.append(start..<run.lowerBound)
            start = run.lowerBound
        }
        if start < analyses.count { batches.append(start..<analyses.count) }
        return batches
    }

    struct DisableKey: Hashable {
        var file: String
        var template: String
    }

    /// What the templates' `disable:` lists switch off: by template, and every rule any of them names.
    typealias DisabledRules = (byTemplate: [DisableKey: Set<String>], rules: Set<String>)

    /// What `disable:` switches off in the packs of `packs` (all when nil).
    func disabledRules(_ repository: TemplateRepository, packs: Set<String>? = nil) -> DisabledRules {
        var byTemplate: [DisableKey: Set<String>] = [:]
        var rules: Set<String> = []
        for folder in repository.brands {
            for pack in folder.packs where packs?.contains(pack.file) ?? true {
                // By index: copying each template out of the array retains every field of it.
                for index in pack.templates.indices where !pack.templates[index].disable.isEmpty {
                    let ids = Set(pack.templates[index].disable.map(\.value))
                    byTemplate[DisableKey(file: pack.file, template: pack.templates[index].id.value)] = ids
                    rules.formUnion(ids)
                }
            }
        }
        return (byTemplate, rules)
    }

    /// File, then position (file-level problems first), then rule, then message.
    package static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fileA = a.file ?? "", fileB = b.file ?? ""
        if fileA != fileB { return fileA < fileB }
        let offsetA = a.range?.start.offset ?? -1, offsetB = b.range?.start.offset ?? -1
        if offsetA != offsetB { return offsetA < offsetB }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// What a lint run found, with the repository it looked at.
public struct LintResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var repository: TemplateRepository
    /// The worst-case weighted length (deep link included) of each pack's templates by pack file,
    /// in file order; nil for a template that could not be measured (it does not parse, or uses
    /// undeclared variables). Kept by pack, not by template: a repository has a hundred thousand.
    public var worstCases: [String: [Int?]] = [:]

    /// The worst-case weighted length (deep link included) of the template at `index` of the pack
    /// `file` (0-based, file order); nil when it could not be measured or was not analysed.
    public func worstCase(ofTemplateAt index: Int, inPack file: String) -> Int? {
        guard let pack = worstCases[file], pack.indices.contains(index) else { return nil }
        return pack[index]
    }

    public init(diagnostics: [Diagnostic], repository: TemplateRepository) {
        self.diagnostics = diagnostics
        self.repository = repository
    }

    public func count(_ severity: Severity) -> Int { diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// The files that were linted: every file read, and every file a diagnostic names.
    public var files: [String] {
        var seen = Set(repository.filePaths)
        var all = repository.filePaths
        for diagnostic in diagnostics {
            if let file = diagnostic.file, seen.insert(file).inserted { all.append(file) }
        }
        return all.sorted()
    }

    /// Only the diagnostics of the files in `paths`, for `replykit lint FILE`.
    public func restricted(to paths: Set<String>) -> LintResult {
        var copy = self
        copy.diagnostics = diagnostics.filter { $0.file.map(paths.contains) ?? false }
        return copy
    }
}
