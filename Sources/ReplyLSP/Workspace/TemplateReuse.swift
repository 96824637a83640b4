internal import ReplyCompiler

/// The templates of a pack read again that are byte for byte what they were, with the findings of
/// template rules about them from before: a template rule's findings depend on the template alone
/// (with its brand and pack), so an edit of one template leaves the others' findings as they were,
/// moved by what the edit added or removed before them.
struct TemplateReuse {
    /// The ids of the templates whose findings are kept.
    private(set) var ids: Set<String> = []
    /// Their template rules' findings, where they are in the new text.
    private(set) var findings: [Diagnostic] = []

    /// `templateRules`: the ids of the rules of ``RuleScope/template`` scope.
    init(old: LocalePack, oldBytes: [UInt8], oldFindings: [Diagnostic], new: LocalePack, newBytes: [UInt8],
         templateRules: Set<String>) {
        // The pack's own keys (its locale) feed every template's findings.
        guard old.isReadable, new.isReadable, old.tag == new.tag, old.fileLocale == new.fileLocale else { return }
        let shorter = min(oldBytes.count, newBytes.count)
        var prefix = 0
        while prefix < shorter, oldBytes[prefix] == newBytes[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, oldBytes[oldBytes.count - 1 - suffix] == newBytes[newBytes.count - 1 - suffix] { suffix += 1 }
        let delta = newBytes.count - oldBytes.count
        let changedEnd = newBytes.count - suffix
        func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        let lineDelta = lineBreaks(newBytes[prefix..<changedEnd]) - lineBreaks(oldBytes[prefix..<oldBytes.count - suffix])
        // A moved template must start on a line after the edit's last, so that its columns stay.
        let nextLine = newBytes[changedEnd...].firstIndex(of: 0x0A) ?? newBytes.count
        // Where each template is, by id, for ids that occur once. Offsets, not templates: copying a
        // template retains every field of it, and a pack has a thousand.
        func unique(_ pack: LocalePack) -> [String: (start: Int, end: Int)] {
            var result: [String: (start: Int, end: Int)] = [:]
            var repeated: Set<String> = []
            result.reserveCapacity(pack.templates.count)
            for index in pack.templates.indices {
                let id = pack.templates[index].id
                if result.updateValue((id.range.start.offset, pack.templates[index].range.end.offset), forKey: id.value) != nil {
                    repeated.insert(id.value)
                }
            }
            for id in repeated { result[id] = nil }
            return result
        }
        let before = unique(old)
        var shifts: [String: Int] = [:]
        for (id, (start, end)) in unique(new) {
            guard let (oldStart, oldEnd) = before[id] else { continue }
            if end <= prefix, start == oldStart, end == oldEnd {
                shifts[id] = 0
            } else if start > nextLine, start >= changedEnd, oldStart == start - delta, oldEnd == end - delta {
                shifts[id] = delta
            }
        }
        for diagnostic in oldFindings {
            guard templateRules.contains(diagnostic.rule), let id = diagnostic.template, let shift = shifts[id] else { continue }
            findings.append(shift == 0 ? diagnostic : Self.moved(diagnostic, by: shift, lines: lineDelta))
        }
        ids = Set(shifts.keys)
    }

    static func moved(_ diagnostic: Diagnostic, by offset: Int, lines: Int) -> Diagnostic {
        func move(_ location: SourceLocation) -> SourceLocation {
            SourceLocation(line: location.line + lines, column: location.column, offset: location.offset + offset)
        }
        func move(_ range: SourceRange) -> SourceRange { SourceRange(start: move(range.start), end: move(range.end)) }
        var copy = diagnostic
        copy.range = diagnostic.range.map(move)
        copy.fix = diagnostic.fix?.map { TextEdit(range: move($0.range), replacement: $0.replacement) }
        return copy
    }
}
