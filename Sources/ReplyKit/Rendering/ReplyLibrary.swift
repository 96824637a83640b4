import Foundation
import Synchronization
internal import TweetText
package import ReplyKitSupport

/// Renders replies from compiled templates: the library agents' tools link.
///
/// A library is an immutable `Sendable` value; many threads render from one at once. It is built
/// from packs (``init(contentsOf:)``) or read from a bundle (`replykit compile`), and renders only
/// from the compiled form either way. Every failure is a ``RenderError`` naming its cause; a reply
/// it returns fits the brand's limit, stays within the worst case lint computed, and ends with the
/// deep link when the template hands off to DMs.
public struct ReplyLibrary: Sendable {
    /// A brand with what rendering looks up each time: its value checkers, campaigns and the fixed
    /// part of its deep link.
    final class BrandEntry: Sendable {
        let brand: CompiledBrand
        let checkers: [String: ValueChecker]
        let campaigns: [String: CampaignWindow]
        /// `https://<host>/messages/compose?recipient_id=<id>`, nil without a user id.
        let linkPrefix: String?
        /// What the separator and the link add to a reply's weight.
        let linkWeight: Int
        /// The separator starts and ends with whitespace and is NFC, so nothing the text ends with
        /// runs into the link, and the link counts as one URL.
        let separatorIsWall: Bool

        init(_ brand: CompiledBrand) {
            self.brand = brand
            var checkers: [String: ValueChecker] = [:]
            for variable in brand.variables where checkers[variable.name] == nil {
                checkers[variable.name] = ValueChecker(variable)
            }
            self.checkers = checkers
            campaigns = Dictionary(brand.campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            linkPrefix = brand.userID.map {
                DeepLink.url(host: brand.deepLinkHost, recipientID: $0, prefill: nil, welcomeMessageID: nil)
            }
            linkWeight = DeepLink.weight(separator: brand.separator)
            let scalars = brand.separator.unicodeScalars
            separatorIsWall = (scalars.first?.properties.isWhitespace ?? false)
                && (scalars.last?.properties.isWhitespace ?? false) && !TwitterText.nfc(brand.separator).changed
        }
    }

    /// One pack's copy of a template.
    final class PackEntry: Sendable {
        let tag: LocaleTag
        let plural: PluralRules
        let source: TemplateSource
        private let prepared = AtomicLazyReference<PreparedTemplate>()

        init(tag: LocaleTag, plural: PluralRules, source: TemplateSource) {
            self.tag = tag
            self.plural = plural
            self.source = source
        }

        /// The template with its variants' value checkers, made on first use: a bundle's template
        /// is decoded then, and loading stays a scan.
        func prepared(for brand: BrandEntry) -> PreparedTemplate {
            if let prepared = prepared.load() { return prepared }
            return prepared.storeIfNil(PreparedTemplate(source.template, brand: brand))
        }
    }

    /// A template as rendering reads it: its variants, the checker of each variant's names in slot
    /// order (nil for a name the brand does not declare), and its messages' programs.
    final class PreparedTemplate: Sendable {
        let template: CompiledTemplate
        let checkers: [[ValueChecker?]]
        /// Each variant's text and DM prefill, laid out for walking.
        let bodies: [MessageProgram]
        let prefills: [MessageProgram?]

        init(_ template: CompiledTemplate, brand: BrandEntry) {
            self.template = template
            checkers = template.variants.map { variant in variant.names.map { brand.checkers[$0] } }
            bodies = template.variants.map { MessageProgram($0.body) }
            prefills = template.variants.map { $0.prefill.map(MessageProgram.init) }
        }
    }

    /// A template as a render finds it: by `brand/template`, then by the locale asked for.
    final class TemplateEntry: Sendable {
        let id: String
        let brand: BrandEntry
        /// The packs holding the template, by their canonical tag.
        let byLocale: [String: PackEntry]
        /// The pack the brand's default locale resolves to.
        let byDefault: PackEntry?

        init(id: String, brand: BrandEntry, byLocale: [String: PackEntry], byDefault: PackEntry?) {
            self.id = id
            self.brand = brand
            self.byLocale = byLocale
            self.byDefault = byDefault
        }
    }

    /// By `brand/template`.
    let templates: [String: TemplateEntry]
    let brands: [String: BrandEntry]
    let locales: LocaleRules
    /// The repository's own locale data files, for checks that read copy-safety terms.
    package let localeSources: [LocaleSource]

    /// A library of compiled brands; `locales` gives the parents and plural rules of their packs'
    /// locales and of any locale a caller may ask for; `localeSources`, the repository's own
    /// locale data files as written.
    package init(brands compiled: [CompiledBrand], locales: LocaleRules, localeSources: [LocaleSource] = []) {
        var brands: [String: BrandEntry] = [:]
        var templates: [String: TemplateEntry] = [:]
        for compiledBrand in compiled {
            let brand = BrandEntry(compiledBrand)
            brands[compiledBrand.id] = brand
            var byTemplate: [String: [String: PackEntry]] = [:]
            for (tag, sources) in compiledBrand.packs {
                let plural = locales.plural(for: tag)
                for (templateID, source) in sources {
                    byTemplate[templateID, default: [:]][tag.canonical] = PackEntry(tag: tag, plural: plural, source: source)
                }
            }
            for (templateID, packs) in byTemplate {
                let byDefault = compiledBrand.defaultLocale.flatMap {
                    Self.resolve($0, template: templateID, in: compiledBrand, locales: locales)
                }.flatMap { packs[$0.canonical] }
                let id = "\(compiledBrand.id)/\(templateID)"
                templates[id] = TemplateEntry(id: id, brand: brand, byLocale: packs, byDefault: byDefault)
            }
        }
        self.brands = brands
        self.templates = templates
        self.locales = locales
        self.localeSources = localeSources
    }

    /// The compiled brands, sorted by id: what a bundle holds.
    package var compiledBrands: [CompiledBrand] { brands.keys.sorted().compactMap { brands[$0]?.brand } }

    /// Every `brand/template` id, sorted.
    public var templateIDs: [String] { templates.keys.sorted() }

    /// The variables of `template`'s brand (`brand/template`, or a brand id), in declaration order.
    public func variables(for template: String) -> [ReplyVariable] {
        let brand = template.split(separator: "/", maxSplits: 1).first.map(String.init) ?? template
        return brands[brand]?.brand.variables ?? []
    }

    /// The `example` values of the variables of `template`'s brand (`render --examples`).
    public func examples(for template: String) -> [String: String] {
        var examples: [String: String] = [:]
        for variable in variables(for: template) { examples[variable.name] = variable.example }
        return examples
    }

    /// The pack to use for `requested`: itself, its parent chain, the brand's only pack of the same
    /// language, then `fallback_locale` (pack-format.md, "Locale resolution").
    static func resolve(_ requested: LocaleTag, template id: String, in brand: CompiledBrand,
                        locales: LocaleRules) -> LocaleTag? {
        func has(_ tag: LocaleTag) -> Bool { brand.packs[tag]?[id] != nil }
        var candidate: LocaleTag? = requested
        var seen: Set<LocaleTag> = []
        while let tag = candidate, seen.insert(tag).inserted {
            if has(tag) { return tag }
            candidate = locales.next(after: tag)
        }
        let sameLanguage = brand.packs.keys.filter { $0.language == requested.language && has($0) }
        if sameLanguage.count == 1 { return sameLanguage[0] }
        if let fallback = brand.fallbackLocale, has(fallback) { return fallback }
        return nil
    }
}
