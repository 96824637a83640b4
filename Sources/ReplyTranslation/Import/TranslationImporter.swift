import Dispatch
import ReplyKit
import ReplyCompiler
import ReplyLint
import ReplyKitSupport

/// Writes translations into their packs, each target checked first.
///
/// A target must read as the source does (same unit, same segments, the source it was translated
/// from unchanged) and, written into its pack, the template must lint without errors: template
/// syntax, the source's variables and select keys, the locale's plural categories, the worst case
/// within the limit, the copy-safety rules (lint's own rules, with the repository's configuration).
/// A unit that fails is reported at its place in the imported file; without `partial`, nothing of
/// its pack is written. Packs are edited by ``PackEditor`` and written atomically.
public struct TranslationImporter: Sendable {
    public var repository: TemplateRepository
    public var configuration: LintConfiguration
    public var catalogue: RuleCatalogue
    /// Write the units that passed even when others of their pack did not.
    public var partial: Bool
    public var limits: YAMLLimits

    public init(repository: TemplateRepository, configuration: LintConfiguration = LintConfiguration(),
                catalogue: RuleCatalogue = .standard, partial: Bool = false, limits: YAMLLimits = .default) {
        self.repository = repository
        self.configuration = configuration
        self.catalogue = catalogue
        self.partial = partial
        self.limits = limits
    }

    public struct Outcome: Sendable {
        /// The refused units, located in the imported files.
        public var diagnostics: [Diagnostic]
        /// Packs written, with the number of templates changed in each; `created` for a new pack.
        public var written: [(path: String, templates: Int, created: Bool)]
        /// Packs that could not be written, with why.
        public var failures: [(path: String, reason: String)]
        /// Units whose translation was already in the pack, or that had none.
        public var unchanged: Int
        public var refusedUnits: Int
    }

    /// A pack an import writes into.
    private struct PackWork {
        var brandIndex: Int
        var brand: Brand
        var source: LocalePack
        var locale: LocaleTag
        var path: String
        var existing: LocalePack?
        var changes: [String: TemplateChange] = [:]
        /// Where each unit of a change came from, by template and prefill.
        var origins: [UnitKey: Origin] = [:]
    }

    private struct UnitKey: Hashable {
        var template: String
        var prefill: Bool
    }

    private struct Origin {
        var file: SourceFile
        var lines: [Int]
        var unit: TranslationUnit
    }

    /// Imports `inputs` and writes the packs; `write: false` checks without writing.
    public func run(_ inputs: [ImportInput], write: Bool = true) -> Outcome {
        var outcome = Outcome(diagnostics: [], written: [], failures: [], unchanged: 0, refusedUnits: 0)
        var works: [String: PackWork] = [:]
        var order: [String] = []
        var blocked: Set<String> = []
        for input in inputs {
            collect(input, into: &works, order: &order, blocked: &blocked, outcome: &outcome)
        }
        // A unit refused as it was read holds back its pack as a refused check does.
        if !partial { for path in blocked { works[path]?.changes = [:] } }
        // Lint the packs as they would be, with the brands they belong to, and refuse what fails.
        var pending = order.filter { !(works[$0]?.changes.isEmpty ?? true) }
        var round = 0
        var results: [String: PackEditor.Result] = [:]
        while !pending.isEmpty && round < 3 {
            round += 1
            var failedPacks: Set<String> = []
            // Packs are edited on every core; each edit reads only its own pack.
            let items = pending.compactMap { path in works[path].map { (path, $0) } }
            let slots = ResultSlots<PackEditor.Result>(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let work = items[index].1
                slots[index] = editor(work).apply(work.changes.values.sorted { $0.sourceIndex < $1.sourceIndex },
                                                  to: work.existing.flatMap { repository.files[$0.file]?.bytes })
            }
            for (index, (path, _)) in items.enumerated() {
                guard let result = slots[index] else { continue }
                results[path] = result
                for refusal in result.refusals {
                    refuse(UnitKey(template: refusal.template, prefill: refusal.prefill), in: &works[path]!, rule: "translation-write",
                           message: refusal.message, notes: [], help: refusal.help, outcome: &outcome)
                    failedPacks.insert(path)
                }
            }
            let errors = lintErrors(pending.compactMap { path in results[path].map { (works[path]!, $0.bytes) } })
            for path in pending {
                for (key, diagnostics) in errors[path] ?? [:] {
                    for diagnostic in diagnostics {
                        refuse(key, in: &works[path]!, rule: diagnostic.rule, message: diagnostic.message,
                               notes: diagnostic.notes, help: diagnostic.help, outcome: &outcome)
                    }
                    failedPacks.insert(path)
                }
            }
            // Without --partial a pack with a refused unit is left alone; with it, the units left
            // are edited and checked again.
            if !partial {
                for path in failedPacks { works[path]?.changes = [:] }
                pending = []
                break
            }
            pending = pending.filter { failedPacks.contains($0) && !(works[$0]?.changes.isEmpty ?? true) }
            if round == 3 { for path in pending { works[path]?.changes = [:] } }
        }
        outcome.refusedUnits = Set(outcome.diagnostics.map { "\($0.file ?? "")|\($0.brand ?? "")|\($0.template ?? "")|\($0.notes.first ?? "")" }).count
        for path in order {
            guard let work = works[path], !work.changes.isEmpty, let result = results[path] else { continue }
            let old = work.existing.flatMap { repository.files[$0.file]?.bytes }
            guard result.bytes != old else { continue }
            if write, let problem = FileContents.writeAtomically(result.bytes, to: path) {
                outcome.failures.append((path, problem))
                continue
            }
            outcome.written.append((path, work.changes.count, old == nil))
        }
        outcome.diagnostics.sort { ($0.file ?? "", $0.range?.start.offset ?? -1, $0.rule) < ($1.file ?? "", $1.range?.start.offset ?? -1, $1.rule) }
        return outcome
    }

    private func editor(_ work: PackWork) -> PackEditor {
        PackEditor(path: work.path, brand: work.brand, brandID: repository.brands[work.brandIndex].id, fileLocale: work.locale,
                   loader: RepositoryLoader(limits: limits, parallel: false), source: work.source)
    }

    // MARK: Reading the units

    private func collect(_ input: ImportInput, into works: inout [String: PackWork], order: inout [String],
                         blocked: inout Set<String>, outcome: inout Outcome) {
        let file = input.file
        func report(_ unit: TranslationUnit?, brand: String?, _ message: String, help: String? = nil, at location: TranslationLocation?) {
            outcome.diagnostics.append(Diagnostic(
                rule: "translation-unit", severity: .error, message: message, file: file.path,
                range: Self.range(location ?? unit?.location, in: file, lines: input.lineStarts), notes: unit.map { ["unit `\($0.id)`"] } ?? [],
                help: help, brand: brand, locale: input.document.targetLocale, template: unit?.template))
        }
        guard let locale = LocaleTag(input.document.targetLocale) else {
            report(nil, brand: nil, "the file names no target locale (`trgLang`)", help: "export again with `--locale`, or give the locale in the file", at: nil)
            return
        }
        let problems = Dictionary(grouping: input.problems, by: { "\($0.file)|\($0.unit)" })
        for translationFile in input.document.files {
            guard let brandIndex = repository.brands.firstIndex(where: { $0.id == translationFile.brand }),
                  let brand = repository.brands[brandIndex].brand, let defaultLocale = brand.defaultLocale?.value,
                  let source = repository.brands[brandIndex].packs.first(where: { $0.tag == defaultLocale && $0.isReadable }) else {
                report(nil, brand: translationFile.brand, "no brand `\(translationFile.brand)` with a readable brand.yaml and default-locale pack in the repository",
                       at: translationFile.units.first?.location)
                continue
            }
            if defaultLocale == locale {
                report(nil, brand: brand.id, "\(locale) is the default locale of `\(brand.id)`: its pack is the source, not a translation", at: translationFile.units.first?.location)
                continue
            }
            let folder = repository.brands[brandIndex]
            let existing = folder.packs.first { $0.tag == locale }
            if let existing, !existing.isReadable {
                report(nil, brand: brand.id, "the pack \(existing.file) cannot be read", help: "fix it first (`replykit lint`)", at: translationFile.units.first?.location)
                continue
            }
            let path = existing?.file ?? PathText.join(folder.directory, locale.canonical + ".yaml")
            if works[path] == nil {
                works[path] = PackWork(brandIndex: brandIndex, brand: brand, source: source, locale: locale, path: path, existing: existing)
                order.append(path)
            }
            for unit in translationFile.units {
                if let found = problems["\(translationFile.brand)|\(unit.id)"], let first = found.first {
                    blocked.insert(path)
                    report(unit, brand: brand.id, first.message, help: "translate the text without markup", at: first.location)
                    continue
                }
                switch read(unit, source: source, existing: existing) {
                case .unchanged:
                    outcome.unchanged += 1
                case .refused(let message, let help, let location):
                    blocked.insert(path)
                    report(unit, brand: brand.id, message, help: help, at: location)
                case .change(let index, let texts):
                    let key = UnitKey(template: unit.template, prefill: unit.isPrefill)
                    var change = works[path]!.changes[unit.template] ?? TemplateChange(sourceIndex: index, template: unit.template)
                    if unit.isPrefill { change.prefill = texts.first } else { change.variants = texts }
                    works[path]!.changes[unit.template] = change
                    works[path]!.origins[key] = Origin(file: file, lines: input.lineStarts, unit: unit)
                }
            }
        }
        // A new template needs its text; a prefill alone cannot make one.
        for path in order {
            guard var work = works[path] else { continue }
            for (id, change) in work.changes where change.variants == nil && work.existing?.template(id) == nil {
                if let origin = work.origins[UnitKey(template: id, prefill: true)] {
                    blocked.insert(path)
                    report(origin.unit, brand: work.brand.id, "the template `\(id)` is not in \(path) yet: its prefill cannot be added without its text",
                           help: "translate the unit `\(id)` too", at: origin.unit.segments.first?.location)
                }
                work.changes[id] = nil
            }
            works[path] = work
        }
    }

    private enum UnitReading {
        case unchanged
        case refused(String, help: String?, at: TranslationLocation?)
        case change(sourceIndex: Int, texts: [String])
    }

    private func read(_ unit: TranslationUnit, source: LocalePack, existing: LocalePack?) -> UnitReading {
        guard let index = source.templates.firstIndex(where: { $0.id.value == unit.template }) else {
            return .refused("the source pack \(source.file) has no template `\(unit.template)`",
                            help: "export again: the template was renamed or removed", at: unit.location)
        }
        let template = source.templates[index]
        let sources: [String]
        if unit.isPrefill {
            guard let prefill = template.dm?.prefill else {
                return .refused("the template `\(unit.template)` has no DM prefill in the source", help: "export again", at: unit.location)
            }
            sources = [prefill.value]
        } else {
            sources = template.variants.map(\.value)
        }
        guard unit.segments.count == sources.count else {
            return .refused("the unit has \(unit.segments.count) segment\(unit.segments.count == 1 ? "" : "s") and the source \(sources.count) variant\(sources.count == 1 ? "" : "s")",
                            help: "export again: the template's variants changed", at: unit.location)
        }
        let expected = unit.isPrefill ? ["prefill"] : sources.indices.map { "v\($0 + 1)" }
        for (segment, id) in zip(unit.segments, expected) where !segment.id.isEmpty && segment.id != id {
            return .refused("segment `\(segment.id)` is not where the export wrote it (`\(id)`)",
                            help: "export again, and keep the segments of a unit in their order", at: segment.location)
        }
        for (segment, text) in zip(unit.segments, sources) where segment.source != text {
            return .refused("the source of segment `\(segment.id)` is not the source text any more: it changed after the export",
                            help: "export again and translate the new source", at: segment.location)
        }
        let targets = unit.segments.map { $0.target ?? "" }
        if targets.allSatisfy(\.isEmpty) {
            if let segment = unit.segments.first(where: { $0.state != .initial }) {
                return .refused("segment `\(segment.id)` is marked \(segment.state.rawValue) but its target is empty",
                                help: "translate it, or set its state to initial", at: segment.location)
            }
            return .unchanged
        }
        if let empty = unit.segments.first(where: { ($0.target ?? "").isEmpty }) {
            return .refused("segment `\(empty.id)` has no translation while others of its unit have",
                            help: "translate every variant of the template", at: empty.location ?? unit.location)
        }
        for (segment, text) in zip(unit.segments, sources) {
            if let target = segment.target, let mismatch = SelectKeys.mismatch(source: text, target: target) {
                return .refused(mismatch, help: "give the select the source's keys, translating only the branches' texts", at: segment.location)
            }
        }
        let current = existing?.template(unit.template)
        let currentTexts = unit.isPrefill ? current?.dm?.prefill.map { [$0.value] } : current?.variants.map(\.value)
        if currentTexts == targets { return .unchanged }
        return .change(sourceIndex: index, texts: targets)
    }

    // MARK: Checking

    /// The lint errors, per pack and unit, of the packs as `edited` would write them, linted with
    /// their brands' other packs.
    private func lintErrors(_ edited: [(PackWork, [UInt8])]) -> [String: [UnitKey: [Diagnostic]]] {
        guard !edited.isEmpty else { return [:] }
        var subset = TemplateRepository(templatesDirectory: repository.templatesDirectory)
        subset.locales = repository.locales
        subset.localeFiles = repository.localeFiles
        let loader = RepositoryLoader(limits: limits, parallel: false)
        var byBrand: [Int: [(PackWork, [UInt8])]] = [:]
        for item in edited { byBrand[item.0.brandIndex, default: []].append(item) }
        var newTexts: [String: LocalePack] = [:]
        for brandIndex in byBrand.keys.sorted() {
            var folder = repository.brands[brandIndex]
            for (work, bytes) in byBrand[brandIndex] ?? [] {
                let file = SourceFile(path: work.path, bytes: bytes)
                let (read, diagnostics) = loader.readPack(file, brand: folder.id, fileLocale: work.locale)
                guard let pack = read else { continue }
                if let index = folder.packs.firstIndex(where: { $0.file == work.path }) { folder.packs[index] = pack } else { folder.packs.append(pack) }
                subset.files[work.path] = file
                subset.diagnostics += diagnostics
                newTexts[work.path] = pack
            }
            // The other locales' packs are not what is checked: only the source, which the
            // translation rules compare with, is linted beside the changed packs.
            let sourceTag = folder.brand?.defaultLocale?.value
            folder.packs.removeAll { subset.files[$0.file] == nil && $0.tag != sourceTag }
            for pack in folder.packs where subset.files[pack.file] == nil {
                subset.files[pack.file] = repository.files[pack.file]
                subset.diagnostics += repository.diagnostics.filter { $0.file == pack.file }
            }
            if let brand = folder.brand, subset.files[brand.file] == nil {
                subset.files[brand.file] = repository.files[brand.file]
            }
            subset.brands.append(folder)
        }
        subset.filePaths = subset.files.keys.sorted()
        let result = Linter(catalogue: catalogue, configuration: configuration).lint(subset)
        var errors: [String: [UnitKey: [Diagnostic]]] = [:]
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics
        where diagnostic.severity == .error || (Self.heldAsErrors.contains(diagnostic.rule) && diagnostic.severity > .info) {
            if let file = diagnostic.file, newTexts[file] != nil { byFile[file, default: []].append(diagnostic) }
        }
        for (work, _) in edited {
            guard let pack = newTexts[work.path] else { continue }
            for diagnostic in byFile[work.path] ?? [] {
                guard let id = diagnostic.template, let change = work.changes[id],
                      let template = pack.template(id) else { continue }
                var prefill = change.variants == nil
                if change.prefill != nil, change.variants != nil, let range = diagnostic.range, let text = template.dm?.prefill,
                   range.start.offset >= text.range.start.offset, range.end.offset <= text.range.end.offset {
                    prefill = true
                }
                errors[work.path, default: [:]][UnitKey(template: id, prefill: prefill), default: []].append(diagnostic)
            }
        }
        return errors
    }

    /// Warnings a translation is refused for all the same: a plural branch the target locale lacks,
    /// or one it needs and does not have, is wrong in that language, whatever lint makes of it.
    static let heldAsErrors: Set<String> = ["plural-categories"]

    private func refuse(_ key: UnitKey, in work: inout PackWork, rule: String, message: String, notes: [String], help: String?,
                        outcome: inout Outcome) {
        let origin = work.origins[key] ?? work.origins[UnitKey(template: key.template, prefill: !key.prefill)]
        let location = origin?.unit.segments.first(where: { $0.target != nil })?.location ?? origin?.unit.location
        outcome.diagnostics.append(Diagnostic(
            rule: rule, severity: .error, message: message, file: origin?.file.path ?? work.path,
            range: origin.flatMap { Self.range(location, in: $0.file, lines: $0.lines) },
            notes: ["unit `\(origin?.unit.id ?? key.template)`: the translation into \(work.path)"] + notes,
            help: help, brand: work.brand.id, locale: work.locale.canonical, template: key.template))
        // The unit is not written, and neither is the rest of its template's change for it.
        if key.prefill { work.changes[key.template]?.prefill = nil } else { work.changes[key.template]?.variants = nil }
        if let change = work.changes[key.template], change.variants == nil,
           change.prefill == nil || work.existing?.template(key.template) == nil {
            work.changes[key.template] = nil
        }
    }

    /// The range of the line at `location` in an imported file, from its first character to its end.
    static func range(_ location: TranslationLocation?, in file: SourceFile, lines: [Int]) -> SourceRange? {
        guard let location, location.line >= 1 else { return nil }
        let bytes = file.bytes
        guard lines.indices.contains(location.line - 1) else { return nil }
        let lineStart = lines[location.line - 1]
        var start = lineStart
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end == start { end = min(bytes.count, start + 1) }
        return SourceRange(start: file.location(ofByte: start), end: file.location(ofByte: end))
    }
}
