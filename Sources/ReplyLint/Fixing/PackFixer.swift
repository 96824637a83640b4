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
        var settler = Settler(
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

/// Chooses, for one round, the candidates of each text that pass both checks together.
private struct Settler {
    let original: [UInt8]
    var works: [PackFixer.Work]
    let check: DocumentCheck
    /// By work index: the candidates applied, and those refused with why.
    var chosen: [Int: [PackFixer.Candidate]] = [:]
    var refusals: [Int: [(PackFixer.Candidate, FixRefusal)]] = [:]

    init(bytes: [UInt8], works: [PackFixer.Work], check: DocumentCheck) {
        original = bytes
        self.works = works
        self.check = check
    }

    mutating func refuse(_ candidate: PackFixer.Candidate, in work: Int, _ refusal: FixRefusal) {
        refusals[work, default: []].append((candidate, refusal))
    }

    /// Settles the candidates of `indices`: every text's whole plan at once when they pass, else
    /// halves, then one text at a time, then one candidate at a time.
    mutating func settle(_ indices: [Int]) {
        var whole: [Int: [PackFixer.Candidate]] = [:]
        var single: [Int] = []
        for index in indices {
            // Overlapping findings wait for the next round, unless the first of them is refused.
            var plan: [PackFixer.Candidate] = []
            for candidate in works[index].candidates where !plan.contains(where: candidate.overlaps) { plan.append(candidate) }
            if textRefusal(index, plan) == nil { whole[index] = plan } else { single.append(index) }
        }
        let accepted = bisect(whole.keys.sorted(), plans: whole, base: [:])
        chosen.merge(accepted) { $1 }
        for index in single {
            let plan = oneByOne(index, base: chosen)
            if !plan.isEmpty { chosen[index] = plan }
        }
    }

    /// The plans of `indices` that pass (a) on top of `base`, by halving the set while it fails.
    private mutating func bisect(_ indices: [Int], plans: [Int: [PackFixer.Candidate]],
                                 base: [Int: [PackFixer.Candidate]]) -> [Int: [PackFixer.Candidate]] {
        guard !indices.isEmpty else { return [:] }
        var all = base
        for index in indices { all[index] = plans[index] }
        if fileRefusal(all) == nil { return all.filter { indices.contains($0.key) } }
        if indices.count == 1 {
            let plan = oneByOne(indices[0], base: base)
            return plan.isEmpty ? [:] : [indices[0]: plan]
        }
        let middle = indices.count / 2
        let left = bisect(Array(indices[..<middle]), plans: plans, base: base)
        let right = bisect(Array(indices[middle...]), plans: plans, base: base.merging(left) { $1 })
        return left.merging(right) { $1 }
    }

    /// The candidates of one text, added one at a time while both checks pass; a candidate that
    /// fails (a) is tried once more with the spaces its removal would leave.
    private mutating func oneByOne(_ index: Int, base: [Int: [PackFixer.Candidate]]) -> [PackFixer.Candidate] {
        var plan: [PackFixer.Candidate] = []
        for candidate in works[index].candidates where !plan.contains(where: candidate.overlaps) {
            if let refusal = textRefusal(index, plan + [candidate]) {
                refuse(candidate, in: index, refusal)
                continue
            }
            guard let refusal = fileRefusal(base.merging([index: plan + [candidate]]) { $1 }) else {
                plan.append(candidate)
                continue
            }
            if let wider = widened(candidate, in: works[index]), !plan.contains(where: wider.overlaps),
               textRefusal(index, plan + [wider]) == nil,
               fileRefusal(base.merging([index: plan + [wider]]) { $1 }) == nil {
                plan.append(wider)
                continue
            }
            refuse(candidate, in: index, refusal)
        }
        return plan
    }

    /// The text of work `index` with `plan` applied; nil if its changes overlap or fall outside it.
    private func newText(_ index: Int, _ plan: [PackFixer.Candidate]) -> String? {
        let bytes = Array(works[index].text.text.value.utf8)
        var result: [UInt8] = []
        var cursor = 0
        for change in plan.flatMap(\.changes).sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
            guard change.span.lowerBound >= cursor, change.span.upperBound <= bytes.count else { return nil }
            result += bytes[cursor..<change.span.lowerBound]
            result += Array(change.replacement.utf8)
            cursor = change.span.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Check (b) for `plan` on work `index`.
    private func textRefusal(_ index: Int, _ plan: [PackFixer.Candidate]) -> FixRefusal? {
        let work = works[index]
        guard let message = work.text.message else {
            return FixRefusal(consequence: "cannot be checked: the text is not valid template syntax",
                              help: "fix the template syntax first (`template-syntax`), then run `replykit lint --fix` again")
        }
        guard let fixed = newText(index, plan) else { return Self.misplaced }
        let value = Array(work.text.text.value.utf8)
        var removable: [Unicode.Scalar: Int] = [:]
        for change in plan.flatMap(\.changes) where change.replacement.isEmpty {
            for scalar in String(decoding: value[change.span], as: UTF8.self).unicodeScalars { removable[scalar, default: 0] += 1 }
        }
        return MessageShape.refusal(from: message, oldText: work.text.text.value, to: fixed, removable: removable)
    }

    /// Check (a) for the plans of several texts applied together.
    private func fileRefusal(_ plans: [Int: [PackFixer.Candidate]]) -> FixRefusal? {
        var targets: [DocumentCheck.Target] = []
        for (index, plan) in plans.sorted(by: { $0.key < $1.key }) {
            let text = works[index].text.text
            guard let intended = newText(index, plan) else { return Self.misplaced }
            targets.append(DocumentCheck.Target(field: works[index].field, scalarOffset: text.range.start.offset,
                                                style: text.style, intended: intended))
        }
        guard let bytes = bytes(plans) else { return Self.misplaced }
        return check.refusal(bytes, targets: targets)
    }

    static let misplaced = FixRefusal(consequence: "cannot be placed in the file: where the text writes it was not found",
                                      help: FixRefusal.byHand)

    /// The file with the plans' edits; nil when an edit would fall outside its text's scalar or
    /// remove nothing (the text is not written where its node is, as through an alias).
    func bytes(_ plans: [Int: [PackFixer.Candidate]]) -> [UInt8]? {
        var edits: [TextEdit] = []
        for (index, plan) in plans {
            let text = works[index]
            for change in plan.flatMap(\.changes) {
                guard let range = sourceRange(change.span, in: text) else { return nil }
                edits.append(TextEdit(range: range, replacement: change.replacement))
            }
        }
        let (bytes, applied) = Fixer.apply(edits, to: original)
        return applied == edits.count ? bytes : nil
    }

    /// Where the file writes a span of the work's text, when it is inside the text's scalar.
    private func sourceRange(_ span: Range<Int>, in work: PackFixer.Work) -> SourceRange? {
        let range = work.text.map.sourceRange(span)
        let scalar = work.text.text.range
        guard range.start.offset >= scalar.start.offset, range.end.offset <= scalar.end.offset,
              range.end.offset > range.start.offset else { return nil }
        return range
    }

    /// `candidate`, a removal, widened by the spaces and tabs beside it as `whitespace` would remove
    /// them once it is gone: all of them at the start or end of the text or before a line break,
    /// else all but one. Nil when its removal leaves no such spaces, or every way of removing them
    /// would take a line break of the file with them.
    private func widened(_ candidate: PackFixer.Candidate, in work: PackFixer.Work) -> PackFixer.Candidate? {
        guard work.tidiesSpaces, candidate.changes.count == 1, candidate.finding.replacement.isEmpty else { return nil }
        let bytes = Array(work.text.text.value.utf8)
        let span = candidate.finding.span
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = span.lowerBound, end = span.upperBound
        while start > 0 && isBlank(bytes[start - 1]) { start -= 1 }
        while end < bytes.count && isBlank(bytes[end]) { end += 1 }
        let left = span.lowerBound - start, right = end - span.upperBound
        var options: [[Range<Int>]] = []
        if start == 0 || end == bytes.count || bytes[end] == 0x0A {
            guard left + right > 0 else { return nil }
            options = [[start..<end]]
        } else {
            guard left + right > 1 else { return nil }
            // Keep the first blank of the run, or the last.
            options.append(left > 0 ? [start + 1..<end] : [span, span.upperBound + 1..<end])
            options.append(right > 0 ? [start..<end - 1] : [start..<span.lowerBound - 1, span])
        }
        for option in options {
            let ranges = option.map { sourceRange($0, in: work) }
            guard ranges.allSatisfy({ range in
                range.map { !original[$0.start.offset..<$0.end.offset].contains { $0 == 0x0A || $0 == 0x0D } } ?? false
            }) else { continue }
            var wider = candidate
            wider.changes = option.map { ($0, "") }
            return wider
        }
        return nil
    }
}
