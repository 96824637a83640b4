import Dispatch
import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

extension Linter {
    /// What a scoped lint found, split by what it depends on, so that a caller that keeps a
    /// repository loaded can replace the findings an edit changed and keep the others.
    package struct ScopedFindings: Sendable {
        /// Loading's findings and those of the rules that compare packs or brands (``RuleScope/repository``),
        /// over the whole repository given.
        package var whole: [Diagnostic]
        /// The findings of ``RuleScope/template`` and ``RuleScope/pack`` rules, by pack file, for the
        /// packs asked for: they depend on the pack and its brand alone.
        package var byPack: [String: [Diagnostic]]
    }

    /// Lints `repository` with `analyses` (its packs' analyses, pack by pack, as
    /// ``TemplateRepository/analyses`` makes them): every rule that compares packs over all of it,
    /// and the template and pack rules only over the packs in `packs` (all when nil). Findings are at
    /// their configured severities without those switched off, as ``lint(_:)`` reports them.
    package func lint(_ repository: TemplateRepository, analyses: [TemplateAnalysis],
                      templateRulesOn packs: Set<String>?) -> ScopedFindings {
        let context = LintContext(repository: repository, configuration: configuration, now: now ?? Date(),
                                  analyses: analyses)
        let rules = catalogue.rules.filter { configuration.severity(of: $0.description) != .off }
        let wholeRules = rules.filter { $0.scope == .repository }
        let templateRules = rules.filter { $0.scope != .repository }
        var batches: [Range<Int>] = []
        for run in analyses.packRuns where packs?.contains(analyses[run.lowerBound].pack.file) ?? true {
            if let last = batches.last, last.upperBound == run.lowerBound, last.count < batchSize {
                batches[batches.count - 1] = last.lowerBound..<run.upperBound
            } else {
                batches.append(run)
            }
        }
        let findsTerms = templateRules.contains { $0 is any CopySafetyChecking }
        let results = ResultSlots<[Diagnostic]>(count: wholeRules.count + batches.count)
        let work = batches
        DispatchQueue.concurrentPerform(iterations: wholeRules.count + work.count) { index in
            if index < wholeRules.count {
                results[index] = wholeRules[index].check(context)
            } else {
                let batch = context.batch(work[index - wholeRules.count], findingTerms: findsTerms)
                results[index] = templateRules.flatMap { $0.check(batch) }
            }
        }
        var whole = repository.diagnostics
        for index in 0..<wholeRules.count { whole += results[index] ?? [] }
        applyConfiguration(to: &whole, repository)
        var byPack: [String: [Diagnostic]] = [:]
        for run in analyses.packRuns where packs?.contains(analyses[run.lowerBound].pack.file) ?? true {
            byPack[analyses[run.lowerBound].pack.file] = []
        }
        var found: [Diagnostic] = []
        for index in wholeRules.count..<wholeRules.count + work.count { found += results[index] ?? [] }
        applyConfiguration(to: &found, repository)
        for diagnostic in found { byPack[diagnostic.file ?? "", default: []].append(diagnostic) }
        return ScopedFindings(whole: whole, byPack: byPack)
    }

    /// Files, then positions, then rules: the order lint reports findings in.
    package static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.sorted(by: order) }
}
