import Dispatch
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Builds what `replykit xliff export` writes: for one target locale, per brand a file, per
/// template a unit (its variants as segments, its DM prefill a unit of its own) with the source as
/// written, the current translation and its state, and the notes a translator needs.
public struct TranslationExporter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public let repository: TemplateRepository
    /// Only this brand; nil for every brand with a readable brand.yaml.
    public let brand: String?
    /// The brand folders exported, with their brand and source pack.
    private let exported: [(folder: TemplateRepository.BrandFolder, brand: Brand, source: LocalePack)]
    /// The units of each exported brand without their targets, by brand id: the same for every
    /// target locale, so analysed once.
    private let sourceUnits: [String: [TranslationUnit]]

    /// Analyses the source packs of the brands to export, on every core.
    public init(repository: TemplateRepository, brand: String? = nil) {
        self.repository = repository
        self.brand = brand
        let exported = repository.brands.compactMap { folder -> (folder: TemplateRepository.BrandFolder, brand: Brand, source: LocalePack)? in
            guard brand == nil || folder.id == brand, let model = folder.brand, let defaultLocale = model.defaultLocale?.value,
                  let source = folder.packs.first(where: { $0.tag == defaultLocale && $0.isReadable }) else { return nil }
            return (folder, model, source)
        }
        self.exported = exported
        let slots = ResultSlots<[TranslationUnit]>(count: exported.count)
        DispatchQueue.concurrentPerform(iterations: exported.count) { index in
            let item = exported[index]
            guard let file = repository.files[item.source.file] else { return }
            slots[index] = item.source.templates.indices.flatMap { templateIndex in
                Self.units(TemplateAnalysis(brand: item.brand, pack: item.source, templateAt: templateIndex, file: file))
            }
        }
        var units: [String: [TranslationUnit]] = [:]
        for (index, item) in exported.enumerated() { units[item.folder.id] = slots[index] ?? [] }
        sourceUnits = units
    }

    /// Every locale some exported brand translates into, in order: its listed locales, else its
    /// packs, without its default locale.
    public var targetLocales: [LocaleTag] {
        var seen: Set<LocaleTag> = []
        var result: [LocaleTag] = []
        for (folder, brand, _) in exported {
            for tag in Self.targets(folder, brand) where seen.insert(tag).inserted { result.append(tag) }
        }
        return result.sorted()
    }

    /// The locales a brand translates into: those brand.yaml lists, else those it has packs for.
    private static func targets(_ folder: TemplateRepository.BrandFolder, _ brand: Brand) -> [LocaleTag] {
        let listed = brand.locales?.map(\.value) ?? folder.packs.compactMap(\.tag)
        return listed.filter { $0 != brand.defaultLocale?.value }
    }

    /// The document for `locale`; fails when no brand has templates to translate into it, or the
    /// brands have different default locales (an XLIFF file has one source language).
    public func document(for locale: LocaleTag) -> Result<TranslationDocument, Failure> {
        switch documents(for: locale) {
        case .failure(let failure): return .failure(failure)
        case .success(let documents):
            guard documents.count == 1, let document = documents.first else {
                let sources = documents.map(\.sourceLocale).joined(separator: ", ")
                return .failure(Failure(message: "the brands that translate into \(locale) are written in different default locales (\(sources)): export with --all-locales (a file per source locale) or --brand"))
            }
            return .success(document)
        }
    }

    /// One document per default locale of the brands that translate into `locale`, in the order
    /// of the source tags.
    public func documents(for locale: LocaleTag) -> Result<[TranslationDocument], Failure> {
        if brand != nil, exported.isEmpty {
            return .failure(Failure(message: "no brand `\(brand ?? "")` with a readable brand.yaml and default-locale pack"))
        }
        // Every brand that translates into the locale; a brand named with --brand even when it does
        // not yet (its pack is created on import).
        let brands = exported.filter {
            $0.brand.defaultLocale?.value != locale && (brand != nil || Self.targets($0.folder, $0.brand).contains(locale))
        }
        guard !brands.isEmpty else {
            return .failure(Failure(message: "no brand translates from another locale into \(locale)"))
        }
        var groups: [LocaleTag: [(folder: TemplateRepository.BrandFolder, brand: Brand, source: LocalePack)]] = [:]
        for item in brands {
            if let tag = item.brand.defaultLocale?.value { groups[tag, default: []].append(item) }
        }
        return .success(groups.keys.sorted().map { sourceLocale in
            let files = (groups[sourceLocale] ?? []).map { item in
                file(brand: item.brand, source: item.source, target: item.folder.packs.first { $0.tag == locale && $0.isReadable })
            }
            return TranslationDocument(sourceLocale: sourceLocale.canonical, targetLocale: locale.canonical, files: files)
        })
    }

    /// The brand's units with the targets `target` has: a translation whose variants do not match
    /// the source's in number is left out, with a note.
    private func file(brand: Brand, source: LocalePack, target: LocalePack?) -> TranslationFile {
        let byID = Dictionary((target?.templates ?? []).map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        var units = sourceUnits[brand.id] ?? []
        for index in units.indices {
            guard let translated = byID[units[index].template] else { continue }
            if units[index].isPrefill {
                guard let text = translated.dm?.prefill?.value else { continue }
                units[index].segments[0].target = text
                units[index].segments[0].state = .translated
                continue
            }
            guard translated.variants.count == units[index].segments.count else {
                let count = translated.variants.count
                units[index].notes.insert(TranslationNote(category: "variants", text: "the translation has \(count) variant\(count == 1 ? "" : "s") and the source \(units[index].segments.count): every variant is to be translated again"), at: 1)
                continue
            }
            for (variant, text) in translated.variants.enumerated() {
                units[index].segments[variant].target = text.value
                units[index].segments[variant].state = .translated
            }
        }
        return TranslationFile(brand: brand.id, original: source.file, units: units)
    }

    /// The unit of a template's text and, with a prefill, the prefill's unit, without targets.
    static func units(_ analysis: TemplateAnalysis) -> [TranslationUnit] {
        let template = analysis.template
        let id = template.id.value
        let common = UnitNotes.common(template)
        var segments: [TranslationSegment] = []
        var budgets: [Budget?] = []
        for (index, variant) in analysis.variants.enumerated() {
            segments.append(TranslationSegment(id: "v\(index + 1)", source: variant.text.value, target: nil, state: .initial))
            budgets.append(Budget(variant, limit: analysis.brand.maxLength, deepLink: analysis.deepLinkWeight))
        }
        var notes = common
        notes += UnitNotes.variables(analysis.variants.flatMap(\.variableNames), brand: analysis.brand)
        notes += UnitNotes.budgets(budgets, segments: segments.map(\.id))
        var units = [TranslationUnit(id: TranslationUnit.id(template: id, prefill: false), template: id, isPrefill: false,
                                     segments: segments, notes: notes,
                                     sizeRestriction: budgets.count == 1 ? budgets[0]?.available : nil)]
        if let prefill = analysis.prefill {
            var prefillNotes = common
            prefillNotes.append(TranslationNote(category: "prefill", text: "the text pre-filled in the customer's DM box when they follow the reply's link; it travels inside the link, so it does not count toward the reply's limit"))
            prefillNotes += UnitNotes.variables(prefill.variableNames, brand: analysis.brand)
            units.append(TranslationUnit(
                id: TranslationUnit.id(template: id, prefill: true), template: id, isPrefill: true,
                segments: [TranslationSegment(id: "prefill", source: prefill.text.value, target: nil, state: .initial)],
                notes: prefillNotes))
        }
        return units
    }
}
