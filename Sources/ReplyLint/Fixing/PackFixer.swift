import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Fixes one pack in memory, in rounds: each round reads the pack from the bytes at hand, asks the
/// fixable rules for their findings, and applies those whose fix passes both checks; the next round
/// looks at the result, so what one fix leaves (the double space around a removed character) is
/// fixed in the same run. It stops at the first round that applies nothing, or after `maxRounds`.
///
/// The checks, for every edited text: (a) the file read back with the project's YAML parser and
/// pack reader holds exactly the intended text there and every other value as it was
/// (``DocumentCheck``); (b) the text's parsed message is the same apart from the characters the fix
/// takes out of its literal text (``MessageShape``), so it renders the same for every value.
struct PackFixer {
    let path: String
    let brand: Brand
    /// The brand folder's id and the pack's file locale, as the loader read the pack with.
    let brandID: String
    let fileLocale: LocaleTag?
    /// The fixable rules that are not switched off.
    let rules: [any TextFixingRule]
    let loader: RepositoryLoader
    let maxRounds: Int

    struct Result {
        var bytes: [UInt8]
        /// Findings fixed, over all rounds.
        var applied: Int
        /// Findings of the final text whose fix was withheld, where they are in the final file.
        var withheld: [(rule: String, range: SourceRange, refusal: FixRefusal)]
        /// Fixes that passed the checks after `maxRounds` rounds, left for another run.
        var pending: Int
    }

    /// What one finding changes in its text: its own span, or wider (with the spaces beside it).
    struct Candidate {
        var rule: String
        var finding: TextFinding
        var changes: [(span: Range<Int>, replacement: String)]

        init(rule: String, finding: TextFinding) {
            self.rule = rule
            self.finding = finding
            changes = [(finding.span, finding.replacement)]
        }

        var action: FixAction { FixAction(replacement: finding.replacement) }

        func overlaps(_ other: Candidate) -> Bool {
            changes.contains { a in other.changes.contains { b in a.span.overlaps(b.span) } }
        }
    }

    /// One text with findings, in one round.
    struct Work {
        var field: TextField
        var text: TemplateAnalysis.Text
        var candidates: [Candidate]
        /// Whether `whitespace` applies to the text, so a fix may take the spaces it leaves too.
        var tidiesSpaces: Bool
    }

    /// Refusals of candidates tried alone on a text, by field: valid while the text is the same.
    fileprivate struct Remembered {
        var text: String
        var refusals: [Key: FixRefusal]
    }

    fileprivate struct Key: Hashable {
        var rule: String
        var span: Range<Int>
        var replacement: String
    }

    func run(_ bytes: [UInt8]) -> Result {
        var bytes = bytes
        var applied = 0
        var rounds = 0
        var remembered: [TextField: Remembered] = [:]
        while true {
            guard let round = self.round(bytes, remembered: &remembered) else {
                return Result(bytes: bytes, applied: applied, withheld: [], pending: 0)
            }
            if round.accepted == 0 || rounds == maxRounds {
                return Result(bytes: bytes, applied: applied, withheld: round.refused, pending: round.accepted)
            }
            bytes = round.bytes
            applied += round.accepted
            rounds += 1
        }
    }

    private struct Round {
        var bytes: [UInt8]
        var accepted: Int
        var refused: [(rule: String, range: SourceRange, refusal: FixRefusal)]
    }

    /// One round over `bytes`; nil when they cannot be read as a pack.
    private func round(_ bytes: [UInt8], remembered: inout [TextField: Remembered]) -> Round? {
        let file = SourceFile(path: path, bytes: bytes)
        let (read, diagnostics) = loader.readPack(file, brand: brandID, fileLocale: fileLocale)
        guard let pack = read else { return nil }
        let works = self.works(pack, file: file)
        guard !works.isEmpty else { return Round(bytes: bytes, accepted: 0, refused: []) }
        var settler = FixSettler(
            bytes: bytes, works: works,
            check: DocumentCheck(bytes: bytes, path: path, brand: brandID, fileLocale: fileLocale, loader: loader,
                                 pack: pack, readingDiagnostics: diagnostics))
        // Candidates refused before on the same text are refused again without trying.
        var fresh: [Int] = []
        for (index, work) in works.enumerated() {
            if let memory = remembered[work.field], memory.text.utf8.elementsEqual(work.text.text.value.utf8) {
                var untried: [Candidate] = []
                for candidate in work.candidates {
                    if let refusal = memory.refusals[Key(candidate)] {
                        settler.refuse(candidate, in: index, refusal)
                    } else {
                        untried.append(candidate)
                    }
                }
                settler.works[index].candidates = untried
            }
            if !settler.works[index].candidates.isEmpty { fresh.append(index) }
        }
        settler.settle(fresh)
        for (index, work) in works.enumerated() where settler.chosen[index]?.isEmpty ?? true {
            // Nothing of this text was applied, so each refusal was of the candidate alone.
            var memory = remembered[work.field] ?? Remembered(text: work.text.text.value, refusals: [:])
            if !memory.text.utf8.elementsEqual(work.text.text.value.utf8) {
                memory = Remembered(text: work.text.text.value, refusals: [:])
            }
            for (candidate, refusal) in settler.refusals[index] ?? [] { memory.refusals[Key(candidate)] = refusal }
            remembered[work.field] = memory
        }
        // The chosen plans passed the checks together; should their edits not apply, nothing is.
        let fixed = settler.chosen.isEmpty ? nil : settler.bytes(settler.chosen)
        let accepted = fixed == nil ? 0 : settler.chosen.values.reduce(0) { $0 + $1.count }
        var refused: [(rule: String, range: SourceRange, refusal: FixRefusal)] = []
        for (index, work) in works.enumerated() {
            for (candidate, refusal) in settler.refusals[index] ?? [] {
                refused.append((candidate.rule, work.text.map.sourceRange(candidate.finding.span),
                                FixRefusal(consequence: "\(candidate.action.phrase) \(refusal.consequence)", help: refusal.help)))
            }
        }
        return Round(bytes: fixed ?? bytes, accepted: accepted, refused: refused)
    }

    /// The pack's texts that the rules find something in, with their findings in text order.
    private func works(_ pack: LocalePack, file: SourceFile) -> [Work] {
        var works: [Work] = []
        for index in pack.templates.indices {
            let template = pack.templates[index]
            let applying = rules.filter { rule in
                rule.description.isMandatory || !template.disable.contains { $0.value == rule.id }
            }
            guard !applying.isEmpty else { continue }
            let analysis = TemplateAnalysis(brand: brand, pack: pack, templateAt: index, file: file)
            let tidies = applying.contains { $0 is WhitespaceRule }
            var texts = analysis.variants.enumerated().map { (TextField(template: index, variant: $0.offset), $0.element) }
            if let prefill = analysis.prefill { texts.append((TextField(template: index, variant: nil), prefill)) }
            for (field, text) in texts {
                let isPrefill = field.variant == nil
                let candidates = applying.filter { !isPrefill || $0.checksPrefill }.flatMap { rule in
                    rule.findings(in: text).map { Candidate(rule: rule.id, finding: $0) }
                }
                guard !candidates.isEmpty else { continue }
                // Stable: findings at one offset keep the catalogue's order.
                let ordered = candidates.enumerated().sorted {
                    ($0.element.finding.span.lowerBound, $0.offset) < ($1.element.finding.span.lowerBound, $1.offset)
                }.map(\.element)
                works.append(Work(field: field, text: text, candidates: ordered, tidiesSpaces: tidies && !isPrefill))
            }
        }
        return works
    }
}

extension PackFixer.Key {
    init(_ candidate: PackFixer.Candidate) {
        self.init(rule: candidate.rule, span: candidate.finding.span, replacement: candidate.finding.replacement)
    }
}
