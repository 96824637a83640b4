import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Chooses, for one round, the candidates of each text that pass both checks together.
struct FixSettler {
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
