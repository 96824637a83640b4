import ReplyKit
import ReplyCompiler
import ReplyLint
import ReplyKitSupport

/// Writes translations into one pack's bytes with minimal edits: a changed text replaces its scalar
/// alone, in the scalar's style where the new text reads back the same in it (checked by
/// ``DocumentCheck``, as `lint --fix` checks its edits), else in double quotes; a new template is
/// inserted in the source's order, indented as its neighbours are; a missing pack is written whole.
/// Everything else stays byte for byte, and the result is read back before it is used.
struct PackEditor {
    let path: String
    let brand: Brand
    let brandID: String
    let fileLocale: LocaleTag
    let loader: RepositoryLoader
    let source: LocalePack

    struct Result {
        var bytes: [UInt8]
        var refusals: [EditRefusal]
    }

    /// The pack's bytes with `changes`; `bytes` nil for a pack that does not exist yet.
    func apply(_ changes: [TemplateChange], to bytes: [UInt8]?) -> Result {
        guard let bytes else {
            for quoted in [false, true] {
                let made = newPack(changes, quoted: quoted)
                if readsBack(made, changes) { return Result(bytes: made, refusals: []) }
            }
            return Result(bytes: [], refusals: changes.map {
                EditRefusal(template: $0.template, prefill: false, message: "a new pack \(path) with the translations cannot be written so that it reads back as they are",
                            help: "write the pack by hand")
            })
        }
        let (read, diagnostics) = loader.readPack(SourceFile(path: path, bytes: bytes), brand: brandID, fileLocale: fileLocale)
        guard let pack = read, pack.isReadable else {
            return Result(bytes: bytes, refusals: changes.map {
                EditRefusal(template: $0.template, prefill: false, message: "the pack \(path) cannot be read", help: "fix it first (`replykit lint`)")
            })
        }
        var refusals: [EditRefusal] = []
        var replacements: [(TemplateChange, Int)] = []
        var additions: [TemplateChange] = []
        for change in changes {
            guard let index = pack.templates.firstIndex(where: { $0.id.value == change.template }) else {
                additions.append(change)
                continue
            }
            let existing = pack.templates[index]
            if let variants = change.variants, variants.count != existing.variants.count {
                refusals.append(EditRefusal(template: change.template, prefill: false,
                    message: "the pack's template has \(existing.variants.count) variant\(existing.variants.count == 1 ? "" : "s") and the translation \(variants.count)",
                    help: "write the template's `text` in \(path) with \(variants.count) variant\(variants.count == 1 ? "" : "s") by hand, then import again"))
                continue
            }
            if change.prefill != nil, existing.dm?.prefill == nil {
                refusals.append(EditRefusal(template: change.template, prefill: true,
                    message: "the pack's template has no DM prefill to translate",
                    help: "add `dm: {prefill: …}` to the template in \(path) by hand, then import again"))
                continue
            }
            replacements.append((change, index))
        }
        var edited = replace(replacements, in: bytes, pack: pack, diagnostics: diagnostics)
        refusals += edited.refusals
        if !additions.isEmpty {
            let added = insert(additions, into: edited.bytes)
            edited.bytes = added.bytes
            refusals += added.refusals
        }
        return Result(bytes: edited.bytes, refusals: refusals)
    }

    // MARK: Changed texts

    private struct Replacement {
        var target: DocumentCheck.Target
        var text: TemplateText
        var edit: TextEdit
        var template: String
        var prefill: Bool
    }

    private func replace(_ items: [(TemplateChange, Int)], in bytes: [UInt8], pack: LocalePack,
                         diagnostics: [Diagnostic]) -> Result {
        var edits: [Replacement] = []
        for (change, index) in items {
            let template = pack.templates[index]
            var fields: [(TextField, TemplateText, String)] = []
            if let variants = change.variants {
                for (variant, (text, new)) in zip(template.variants, variants).enumerated() where text.value != new {
                    fields.append((TextField(template: index, variant: variant), text, new))
                }
            }
            if let prefill = change.prefill, let text = template.dm?.prefill, text.value != prefill {
                fields.append((TextField(template: index, variant: nil), text, prefill))
            }
            for (field, text, new) in fields {
                let kept = text.style == .doubleQuoted
                    ? ScalarWriter.doubleQuoted(new, asciiOnly: Self.escapesNonASCII(text, in: bytes))
                    : ScalarWriter.render(new, style: text.style, indent: blockIndent(text, in: bytes))
                let rendered = kept ?? ScalarWriter.doubleQuoted(new)
                edits.append(Replacement(
                    target: DocumentCheck.Target(field: field, scalarOffset: text.range.start.offset,
                                                 style: kept == nil ? .doubleQuoted : text.style, intended: new),
                    text: text, edit: edit(text, rendered, in: bytes), template: change.template, prefill: field.variant == nil))
            }
        }
        guard !edits.isEmpty else { return Result(bytes: bytes, refusals: []) }
        let check = DocumentCheck(bytes: bytes, path: path, brand: brandID, fileLocale: fileLocale, loader: loader,
                                  pack: pack, readingDiagnostics: diagnostics)
        func attempt(_ set: [Replacement]) -> [UInt8]? {
            let (result, applied) = Fixer.apply(set.map(\.edit), to: bytes)
            guard applied == set.count else { return nil }
            return check.refusal(result, targets: set.map(\.target)) == nil ? result : nil
        }
        if let result = attempt(edits) { return Result(bytes: result, refusals: []) }
        // Some text does not read back in its style: those are written in double quotes.
        for index in edits.indices where attempt([edits[index]]) == nil {
            let quoted = ScalarWriter.doubleQuoted(edits[index].target.intended)
            edits[index].edit = edit(edits[index].text, quoted, in: bytes)
            edits[index].target.style = .doubleQuoted
        }
        if let result = attempt(edits) { return Result(bytes: result, refusals: []) }
        var refusals: [EditRefusal] = []
        var kept: [Replacement] = []
        for item in edits {
            if attempt(kept + [item]) != nil { kept.append(item) } else {
                refusals.append(EditRefusal(template: item.template, prefill: item.prefill,
                                            message: "the translation cannot be written into \(path) so that it reads back as it is",
                                            help: "write it into the pack by hand"))
            }
        }
        return Result(bytes: attempt(kept) ?? bytes, refusals: refusals)
    }

    /// Whether a double-quoted scalar writes the characters past ASCII as escapes (`\u00E9`) and
    /// none as themselves: its new text is written the same way.
    static func escapesNonASCII(_ text: TemplateText, in bytes: [UInt8]) -> Bool {
        let start = min(text.range.start.offset, bytes.count), end = min(max(start, text.range.end.offset), bytes.count)
        let scalar = bytes[start..<end]
        guard !scalar.contains(where: { $0 >= 0x80 }) else { return false }
        var index = scalar.startIndex
        while index + 1 < scalar.endIndex {
            if scalar[index] == 0x5C {
                if scalar[index + 1] == 0x75 || scalar[index + 1] == 0x55 { return true }
                index += 2
                continue
            }
            index += 1
        }
        return false
    }

    /// The edit that replaces the scalar of `text` with `rendered`, keeping the line breaks a block
    /// scalar's range ends with.
    private func edit(_ text: TemplateText, _ rendered: String, in bytes: [UInt8]) -> TextEdit {
        var range = text.range
        var end = range.end.offset
        if text.style == .literal || text.style == .folded {
            // A block scalar's range runs over the line breaks after it, up to what follows.
            while end > range.start.offset, end <= bytes.count, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D {
                end -= 1
            }
            range.end = SourceLocation(line: range.end.line, column: range.end.column, offset: end)
        }
        return TextEdit(range: range, replacement: rendered)
    }

    /// Where a block scalar's lines start: the indentation of its first line of content; for
    /// another style, two more than its key's line.
    private func blockIndent(_ text: TemplateText, in bytes: [UInt8]) -> Int {
        let start = min(text.range.start.offset, bytes.count)
        if text.style == .literal || text.style == .folded {
            var index = start
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            index += 1
            var count = 0
            while index + count < bytes.count, bytes[index + count] == 0x20 { count += 1 }
            if count > 0 { return count }
        }
        return lineIndent(at: start, in: bytes) + 2
    }

    private func lineIndent(at offset: Int, in bytes: [UInt8]) -> Int {
        var lineStart = min(offset, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var count = 0
        while lineStart + count < bytes.count, bytes[lineStart + count] == 0x20 { count += 1 }
        return count
    }

    // MARK: New templates

    private func insert(_ additions: [TemplateChange], into bytes: [UInt8]) -> Result {
        var bytes = bytes
        var refusals: [EditRefusal] = []
        let order = Dictionary(source.templates.enumerated().map { ($0.element.id.value, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for change in additions.sorted(by: { $0.sourceIndex < $1.sourceIndex }) {
            let before = bytes
            guard let (read, diagnostics) = Optional(loader.readPack(SourceFile(path: path, bytes: bytes), brand: brandID, fileLocale: fileLocale)),
                  let pack = read else { break }
            var placed: [UInt8]?
            for quoted in [false, true] {
                guard let candidate = place(change, in: bytes, pack: pack, order: order, quoted: quoted) else { break }
                if readsBack(candidate, before: pack, diagnostics: diagnostics, added: change) { placed = candidate; break }
            }
            if let placed { bytes = placed } else {
                bytes = before
                refusals.append(EditRefusal(template: change.template, prefill: false,
                                            message: "the new template cannot be placed in \(path) so that the pack reads as before with it added",
                                            help: "add the template to the pack by hand"))
            }
        }
        return Result(bytes: bytes, refusals: refusals)
    }

    /// The bytes with the new template's entry among its neighbours in the source's order.
    private func place(_ change: TemplateChange, in bytes: [UInt8], pack: LocalePack, order: [String: Int], quoted: Bool) -> [UInt8]? {
        guard source.templates.indices.contains(change.sourceIndex) else { return nil }
        let model = source.templates[change.sourceIndex]
        let group = pack.templates.filter { $0.campaign == model.campaign }
        let previous = group.filter { (order[$0.id.value] ?? Int.max) < change.sourceIndex }.max { (order[$0.id.value] ?? 0) < (order[$1.id.value] ?? 0) }
        let following = group.filter { (order[$0.id.value] ?? -1) > change.sourceIndex }.min { (order[$0.id.value] ?? 0) < (order[$1.id.value] ?? 0) }
        if let neighbour = previous ?? following {
            let keyIndent = max(0, neighbour.id.range.start.column - 1)
            let valueIndent = neighbour.range.start.column - 1 > keyIndent ? neighbour.range.start.column - 1 : keyIndent + 2
            let entry = Array(self.entry(change, model: model, keyIndent: keyIndent, indent: valueIndent, quoted: quoted).utf8)
            let at = previous.map { endOfEntry($0, pack: pack, in: bytes) } ?? lineStart(neighbour.id.range.start.offset, in: bytes)
            return splice(entry, at: at, in: bytes)
        }
        // The first template of its group in this pack: a new section at the end.
        var text = ""
        if let campaign = model.campaign {
            if !pack.templates.contains(where: { $0.campaign != nil }) && !pack.campaigns.isEmpty { return nil }
            if pack.campaigns.contains(where: { $0.value == campaign }) { return nil }
            if !hasTopLevelKey("campaigns", in: bytes) { text += "campaigns:\n" }
            text += "  \(campaign):\n" + entry(change, model: model, keyIndent: 4, indent: 6, quoted: quoted)
            var end = bytes
            if let last = end.last, last != 0x0A { end.append(0x0A) }
            return end + Array(text.utf8)
        }
        guard !hasTopLevelKey("templates", in: bytes) else { return nil }
        text = "templates:\n" + entry(change, model: model, keyIndent: 2, indent: 4, quoted: quoted)
        if let campaigns = topLevelKeyOffset("campaigns", in: bytes) { return splice(Array(text.utf8), at: campaigns, in: bytes) }
        var end = bytes
        if let last = end.last, last != 0x0A { end.append(0x0A) }
        return end + Array(text.utf8)
    }

    private func splice(_ entry: [UInt8], at offset: Int, in bytes: [UInt8]) -> [UInt8] {
        var result = Array(bytes[..<offset])
        if let last = result.last, last != 0x0A { result.append(0x0A) }
        return result + entry + bytes[offset...]
    }

    /// Just past the line of the entry's last content.
    private func endOfEntry(_ template: Template, pack: LocalePack, in bytes: [UInt8]) -> Int {
        var end = min(template.range.end.offset, bytes.count)
        // The next key of the file starts another entry, whatever the entry's range says.
        if let next = pack.templates.map(\.id.range.start.offset).filter({ $0 > template.id.range.start.offset }).min() {
            end = min(end, lineStart(next, in: bytes))
        }
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return min(end + 1, bytes.count)
    }

    private func lineStart(_ offset: Int, in bytes: [UInt8]) -> Int {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    private func topLevelKeyOffset(_ key: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array((key + ":").utf8)
        var start = 0
        while start < bytes.count {
            if bytes[start...].starts(with: pattern) { return start }
            while start < bytes.count, bytes[start] != 0x0A { start += 1 }
            start += 1
        }
        return nil
    }

    private func hasTopLevelKey(_ key: String, in bytes: [UInt8]) -> Bool { topLevelKeyOffset(key, in: bytes) != nil }

    /// A template's entry: its id, text, DM handoff and follow-up, as the source writes them.
    func entry(_ change: TemplateChange, model: Template, keyIndent: Int, indent: Int, quoted: Bool) -> String {
        let pad = String(repeating: " ", count: indent)
        func scalar(_ text: String, column: Int, blockIndent: Int) -> String {
            quoted ? ScalarWriter.doubleQuoted(text) : ScalarWriter.readable(text, column: column, indent: blockIndent)
        }
        var out = String(repeating: " ", count: keyIndent) + change.template + ":\n"
        let variants = change.variants ?? []
        if variants.count == 1 {
            out += pad + "text: " + scalar(variants[0], column: indent + 6, blockIndent: indent + 2) + "\n"
        } else if !variants.isEmpty {
            out += pad + "text:\n"
            for variant in variants { out += pad + "  - " + scalar(variant, column: indent + 4, blockIndent: indent + 4) + "\n" }
        }
        if let dm = model.dm {
            let prefill = change.prefill
            if prefill == nil && dm.welcomeMessageID == nil {
                out += pad + "dm: true\n"
            } else {
                out += pad + "dm:\n"
                if let prefill { out += pad + "  prefill: " + scalar(prefill, column: indent + 11, blockIndent: indent + 4) + "\n" }
                if let id = dm.welcomeMessageID?.value { out += pad + "  welcome_message_id: \"\(id)\"\n" }
            }
        }
        if let followUp = model.followUp?.value { out += pad + "follow_up: \(followUp)\n" }
        return out
    }

    /// Whether `bytes` read as `before` with `added` among its templates and nothing else changed.
    private func readsBack(_ bytes: [UInt8], before: LocalePack, diagnostics: [Diagnostic], added: TemplateChange) -> Bool {
        let (read, newDiagnostics) = loader.readPack(SourceFile(path: path, bytes: bytes), brand: brandID, fileLocale: fileLocale)
        guard let read, read.isReadable, newDiagnostics.map(\.message).sorted() == diagnostics.map(\.message).sorted(),
              read.templates.count == before.templates.count + 1 else { return false }
        let old = Dictionary(before.templates.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for template in read.templates {
            if template.id.value == added.template {
                guard template.variants.map(\.value) == (added.variants ?? []), template.dm?.prefill?.value == added.prefill,
                      template.campaign == source.templates[added.sourceIndex].campaign else { return false }
                continue
            }
            guard let was = old[template.id.value], was.variants.map(\.value) == template.variants.map(\.value),
                  was.dm?.prefill?.value == template.dm?.prefill?.value, was.campaign == template.campaign,
                  (was.dm == nil) == (template.dm == nil), was.followUp?.value == template.followUp?.value else { return false }
        }
        return true
    }

    // MARK: A new pack

    /// A pack with `locale` and the changes' templates in the source's order.
    private func readsBack(_ bytes: [UInt8], _ changes: [TemplateChange]) -> Bool {
        let (read, diagnostics) = loader.readPack(SourceFile(path: path, bytes: bytes), brand: brandID, fileLocale: fileLocale)
        guard let read, read.isReadable, diagnostics.isEmpty, read.templates.count == changes.count else { return false }
        return changes.allSatisfy { change in
            guard let template = read.template(change.template) else { return false }
            return template.variants.map(\.value) == (change.variants ?? []) && template.dm?.prefill?.value == change.prefill
        }
    }

    private func newPack(_ changes: [TemplateChange], quoted: Bool) -> [UInt8] {
        var out = "locale: \(fileLocale.canonical)\n"
        let sorted = changes.sorted { $0.sourceIndex < $1.sourceIndex }
        let plain = sorted.filter { source.templates.indices.contains($0.sourceIndex) && source.templates[$0.sourceIndex].campaign == nil }
        if !plain.isEmpty {
            out += "templates:\n"
            for change in plain { out += entry(change, model: source.templates[change.sourceIndex], keyIndent: 2, indent: 4, quoted: quoted) }
        }
        var campaigns: [String] = []
        for change in sorted {
            if let campaign = source.templates[change.sourceIndex].campaign, !campaigns.contains(campaign) { campaigns.append(campaign) }
        }
        if !campaigns.isEmpty {
            out += "campaigns:\n"
            for campaign in campaigns {
                out += "  \(campaign):\n"
                for change in sorted where source.templates[change.sourceIndex].campaign == campaign {
                    out += entry(change, model: source.templates[change.sourceIndex], keyIndent: 4, indent: 6, quoted: quoted)
                }
            }
        }
        return Array(out.utf8)
    }
}
