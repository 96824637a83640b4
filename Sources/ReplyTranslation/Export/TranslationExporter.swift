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

    public var repository: TemplateRepository
    /// Only this brand; nil for every brand with a readable brand.yaml.
    public var brand: String?

    public init(repository: TemplateRepository, brand: String? = nil) {
        self.repository = repository
        self.brand = brand
    }

    /// The brand folders exported, with their brand and source pack.
    private var exported: [(folder: TemplateRepository.BrandFolder, brand: Brand, source: LocalePack)] {
        repository.brands.compactMap { folder in
            guard brand == nil || folder.id == brand, let model = folder.brand, let defaultLocale = model.defaultLocale?.value,
                  let source = folder.packs.first(where: { $0.tag == defaultLocale && $0.isReadable }) else { return nil }
            return (folder, model, source)
        }
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
        // Every brand that translates into the locale; a brand named with --brand even when it does
        // not yet (its pack is created on import).
        let brands = exported.filter {
            $0.brand.defaultLocale?.value != locale && (brand != nil || Self.targets($0.folder, $0.brand).contains(locale))
        }
        if brand != nil, exported.isEmpty {
            return .failure(Failure(message: "no brand `\(brand ?? "")` with a readable brand.yaml and default-locale pack"))
        }
        guard let first = brands.first, let sourceLocale = first.brand.defaultLocale?.value else {
            return .failure(Failure(message: "no brand translates from another locale into \(locale)"))
        }
        let others = brands.filter { $0.brand.defaultLocale?.value != sourceLocale }.map(\.folder.id)
        if !others.isEmpty {
            return .failure(Failure(message: "brands \(others.map { "`\($0)`" }.joined(separator: ", ")) are written in another default locale than \(sourceLocale): export them with --brand"))
        }
        let files = brands.map { item in
            let target = item.folder.packs.first { $0.tag == locale && $0.isReadable }
            return file(brand: item.brand, source: item.source, target: target)
        }
        return .success(TranslationDocument(sourceLocale: sourceLocale.canonical, targetLocale: locale.canonical, files: files))
    }

    private func file(brand: Brand, source: LocalePack, target: LocalePack?) -> TranslationFile {
        var units: [TranslationUnit] = []
        guard let sourceFile = repository.files[source.file] else {
            return TranslationFile(brand: brand.id, original: source.file, units: [])
        }
        let byID = Dictionary((target?.templates ?? []).map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for index in source.templates.indices {
            let analysis = TemplateAnalysis(brand: brand, pack: source, templateAt: index, file: sourceFile)
            units += self.units(analysis, translated: byID[analysis.template.id.value])
        }
        return TranslationFile(brand: brand.id, original: source.file, units: units)
    }

    /// The unit of a template's text and, with a prefill, the prefill's unit.
    func units(_ analysis: TemplateAnalysis, translated: Template?) -> [TranslationUnit] {
        let template = analysis.template
        let id = template.id.value
        let common = UnitNotes.common(template)
        let targets = translated.map { $0.variants.count == template.variants.count ? $0.variants.map(\.value) : [] } ?? []
        var segments: [TranslationSegment] = []
        var budgets: [Budget?] = []
        for (index, variant) in analysis.variants.enumerated() {
            let target = targets.indices.contains(index) ? targets[index] : nil
            segments.append(TranslationSegment(id: "v\(index + 1)", source: variant.text.value, target: target,
                                               state: target == nil ? .initial : .translated))
            budgets.append(Budget(variant, limit: analysis.brand.maxLength, deepLink: analysis.deepLinkWeight))
        }
        var notes = common
        if let translated, translated.variants.count != template.variants.count {
            notes.append(TranslationNote(category: "variants", text: "the \(translated.variants.count == 1 ? "translation has 1 variant" : "translation has \(translated.variants.count) variants") and the source \(template.variants.count): every variant is to be translated again"))
        }
        notes += UnitNotes.variables(analysis.variants.flatMap(\.variableNames), brand: analysis.brand)
        notes += UnitNotes.budgets(budgets, segments: segments.map(\.id))
        var units = [TranslationUnit(id: TranslationUnit.id(template: id, prefill: false), template: id, isPrefill: false,
                                     segments: segments, notes: notes,
                                     sizeRestriction: budgets.count == 1 ? budgets[0]?.available : nil)]
        if let prefill = analysis.prefill {
            let target = translated?.dm?.prefill?.value
            var prefillNotes = common
            prefillNotes.append(TranslationNote(category: "prefill", text: "the text pre-filled in the customer's DM box when they follow the reply's link; it travels inside the link, so it does not count toward the reply's limit"))
            prefillNotes += UnitNotes.variables(prefill.variableNames, brand: analysis.brand)
            units.append(TranslationUnit(
                id: TranslationUnit.id(template: id, prefill: true), template: id, isPrefill: true,
                segments: [TranslationSegment(id: "prefill", source: prefill.text.value, target: target,
                                              state: target == nil ? .initial : .translated)],
                notes: prefillNotes))
        }
        return units
    }
}
