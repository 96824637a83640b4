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
    ///
    /// `reusing`: by pack file, the ids of templates whose ``RuleScope/template`` findings the caller
    /// keeps from before (the template did not change): those rules skip them.
    /// `keeping`: the files whose findings the caller keeps (all when nil). Only they are reported
    /// on, and the rules that report on none of their kinds (``Rule/reportsOn``) are left out.
    package func lint(_ repository: TemplateRepository, analyses: [TemplateAnalysis],
                      templateRulesOn packs: Set<String>?, reusing: [String: Set<String>] = [:],
                      keeping kept: Set<String>? = nil) -> ScopedFindings {
        let context = LintContext(repository: repository, configuration: configuration, now: now ?? Date(),
                                  analyses: analyses, grammars: grammars)
        let rules = catalogue.rules.filter { configuration.severity(of: $0.description) != .off }
        let reported = kept.map { ReportedFiles(of: $0, in: repository) } ?? .all
        let wholeRules = rules.filter { $0.scope == .repository && !$0.reportsOn.isDisjoint(with: reported) }
        let templateRules = rules.filter { $0.scope == .template }
        let packRules = rules.filter { $0.scope == .pack }
        // Template rules take slices of at most `batchSize` analyses, so that one large pack is
        // checked on every core; pack rules take whole packs.
        struct Work {
            var range: Range<Int>
            var rules: [any Rule]
            var findsTerms: Bool
        }
        var work: [Work] = []
        let runs = analyses.packRuns.filter { packs?.contains(analyses[$0.lowerBound].pack.file) ?? true }
        let templateTerms = templateRules.contains { $0 is any CopySafetyChecking }
        let packTerms = packRules.contains { $0 is any CopySafetyChecking }
        for run in runs where !templateRules.isEmpty {
            let kept = reusing[analyses[run.lowerBound].pack.file] ?? []
            var start = run.lowerBound
            while start < run.upperBound {
                // Skip what the caller keeps, then take up to `batchSize` it does not.
                while start < run.upperBound, kept.contains(analyses[start].template.id.value) { start += 1 }
                var end = start
                while end < run.upperBound, end - start < batchSize, !kept.contains(analyses[end].template.id.value) { end += 1 }
                if end > start { work.append(Work(range: start..<end, rules: templateRules, findsTerms: templateTerms)) }
                start = end
            }
        }
        for run in runs where !packRules.isEmpty {
            if let last = work.last, last.rules.first?.scope == .pack, last.range.upperBound == run.lowerBound,
               last.range.count < batchSize {
                work[work.count - 1].range = last.range.lowerBound..<run.upperBound
            } else {
                work.append(Work(range: run, rules: packRules, findsTerms: packTerms))
            }
        }
        let results = ResultSlots<[Diagnostic]>(count: wholeRules.count + work.count)
        let items = work
        DispatchQueue.concurrentPerform(iterations: wholeRules.count + items.count) { index in
            if index < wholeRules.count {
                results[index] = wholeRules[index].check(context)
            } else {
                let item = items[index - wholeRules.count]
                let batch = context.batch(item.range, findingTerms: item.findsTerms)
                results[index] = item.rules.flatMap { $0.check(batch) }
            }
        }
        var whole = repository.diagnostics
        for index in 0..<wholeRules.count { whole += results[index] ?? [] }
        if let kept { whole.removeAll { !kept.contains($0.file ?? "") } }
        // What `disable:` switches off, read from the packs reported on only.
        let disabled = disabledRules(repository, packs: kept.flatMap { kept in packs.map { kept.union($0) } })
        applyConfiguration(to: &whole, disabled: disabled)
        var byPack: [String: [Diagnostic]] = [:]
        for run in runs { byPack[analyses[run.lowerBound].pack.file] = [] }
        var found: [Diagnostic] = []
        for index in wholeRules.count..<wholeRules.count + items.count { found += results[index] ?? [] }
        applyConfiguration(to: &found, disabled: disabled)
        for diagnostic in found { byPack[diagnostic.file ?? "", default: []].append(diagnostic) }
        return ScopedFindings(whole: whole, byPack: byPack)
    }

    /// `diagnostics` in ``order(_:_:)``, the order lint reports findings in; stable.
    ///
    /// What is sorted is a key per finding (its file's rank and its offset, with its index), not the
    /// findings: a finding has a dozen fields, each retained and released at every move,
    /// and comparing two paths costs more than comparing two ranks. Rules and messages are
    /// compared only for findings at the same place.
    package static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let files = Set(diagnostics.lazy.map { $0.file ?? "" }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($0.element, $0.offset) })
        struct Key { var file: Int, offset: Int, index: Int }
        var keys = diagnostics.indices.map { index in
            Key(file: rank[diagnostics[index].file ?? ""] ?? 0, offset: diagnostics[index].range?.start.offset ?? -1, index: index)
        }
        keys.sort { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.offset != b.offset { return a.offset < b.offset }
            let first = diagnostics[a.index], second = diagnostics[b.index]
            if first.rule != second.rule { return first.rule < second.rule }
            if first.message != second.message { return first.message < second.message }
            return a.index < b.index
        }
        return keys.map { diagnostics[$0.index] }
    }
}
