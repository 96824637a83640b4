import Foundation
internal import TweetText

/// Renders replies from checked templates: the library agents' tools link.
///
/// A loaded library is an immutable `Sendable` value; many threads render from one at once. Every
/// failure is a ``RenderError`` naming its cause; a reply it returns fits the brand's limit, stays
/// within the worst case lint computed, and ends with the deep link when the template hands off to DMs.
public struct ReplyLibrary: Sendable {
    struct CompiledTemplate: Sendable {
        var id: String
        var campaign: String?
        var variants: [Message]
        /// Each variant's worst case, deep link excluded.
        var bounds: [Int]
        var dm: Bool
        var prefill: Message?
        var welcomeMessageID: String?
        /// Why it cannot be rendered, when it cannot (it does not parse, or uses undeclared variables).
        var invalid: String?

        /// The variables variant `index` needs, prefill included, in order of first use.
        func variableNames(of index: Int) -> [String] {
            var names = variants[index].variableNames
            for name in prefill?.variableNames ?? [] where !names.contains(name) { names.append(name) }
            return names
        }
    }

    /// A template ready to render: what compiling it found, with what rendering looks up each time.
    final class Prepared: Sendable {
        let source: TemplateSource
        /// The pack's locale.
        let tag: LocaleTag
        let plural: PluralRules
        /// Its variants as the fast path renders them, made on first use.
        let plans = PlanCache()

        var template: CompiledTemplate { source.template }

        init(source: TemplateSource, tag: LocaleTag, plural: PluralRules) {
            self.source = source
            self.tag = tag
            self.plural = plural
        }
    }

    struct CompiledBrand: Sendable {
        var brand: Brand
        var variables: [String: Variable]
        var checker: ValueChecker
        /// Templates by pack locale, then id.
        var packs: [LocaleTag: [String: TemplateSource]]
    }

    /// Pack tags by the text a caller may pass (`es-MX`), so most renders parse no tag.
    let tagsByText: [String: LocaleTag]
    /// By `brand/template`: each template's packs, with their plural rules looked up.
    let fast: [String: FastTemplate]

    let brands: [String: CompiledBrand]
    let locales: LocaleCatalog

    init(brands: [String: CompiledBrand], locales: LocaleCatalog) {
        var tags: [String: LocaleTag] = [:]
        var fast: [String: FastTemplate] = [:]
        for (id, brand) in brands {
            let fastBrand = FastBrand(brand)
            var byTemplate: [String: [String: Prepared]] = [:]
            for (tag, templates) in brand.packs {
                tags[tag.canonical] = tag
                let plural = locales.resolve(tag)?.plural ?? .otherOnly
                for (templateID, source) in templates {
                    byTemplate[templateID, default: [:]][tag.canonical] = Prepared(source: source, tag: tag, plural: plural)
                }
            }
            for (templateID, packs) in byTemplate {
                let byDefault = brand.brand.defaultLocale.flatMap {
                    Self.resolve($0.value, template: templateID, in: brand, locales: locales)
                }.flatMap { packs[$0.canonical] }
                let key = "\(id)/\(templateID)"
                fast[key] = FastTemplate(id: key, brand: fastBrand, byLocale: packs, byDefault: byDefault)
            }
        }
        self.tagsByText = tags
        self.brands = brands
        self.locales = locales
        self.fast = fast
    }

    /// A library of every template in `repository` (templates with errors fail when rendered).
    public init(repository: TemplateRepository) {
        var brands: [String: CompiledBrand] = [:]
        var byBrand: [String: [TemplateAnalysis]] = [:]
        for analysis in repository.analyses { byBrand[analysis.brand.id, default: []].append(analysis) }
        for folder in repository.brands {
            guard let brand = folder.brand else { continue }
            var packs: [LocaleTag: [String: TemplateSource]] = [:]
            for analysis in byBrand[brand.id] ?? [] {
                guard let tag = analysis.pack.tag else { continue }
                packs[tag, default: [:]][analysis.template.id.value] = TemplateSource(Self.compile(analysis))
            }
            brands[brand.id] = CompiledBrand(
                brand: brand, variables: Dictionary(brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a }),
                checker: ValueChecker(variables: brand.variables), packs: packs)
        }
        self.init(brands: brands, locales: repository.locales)
    }

    /// Loads the packs under `path` (a repository, templates folder or brand folder, found as
    /// `replykit lint` finds them) with the repository's `locales/`.
    /// A path to a `.json` file is read as a compiled bundle (`replykit compile`).
    public init(contentsOf path: String) throws(RenderError) {
        if path.hasSuffix(".json"), case .success(let bytes) = FileContents.read(path) {
            do {
                self = try ReplyBundle.decode(bytes: Array(bytes))
            } catch {
                throw RenderError(.invalidRequest, "\(path): \(error.message)")
            }
            return
        }
        let target: RepositoryDiscovery.Target
        switch RepositoryDiscovery.target(for: path) {
        case .success(let found): target = found
        case .failure(let notFound): throw RenderError(.unknownTemplate, notFound.message)
        }
        let repository = RepositoryLoader().load(target, localesDirectory: PathText.join(target.root, "locales"))
        self.init(repository: repository)
    }

    static func compile(_ analysis: TemplateAnalysis) -> CompiledTemplate {
        var template = CompiledTemplate(id: analysis.template.id.value, campaign: analysis.template.campaign,
                                        variants: [], bounds: [], dm: analysis.template.dm != nil,
                                        welcomeMessageID: analysis.template.dm?.welcomeMessageID?.value)
        for variant in analysis.variants {
            guard let message = variant.message, let bound = variant.bound else {
                template.invalid = variant.syntaxError.map { "its text is not valid template syntax: \($0.message)" }
                    ?? "its text uses a variable brand.yaml does not declare as it needs"
                return template
            }
            template.variants.append(message)
            template.bounds.append(bound.total)
        }
        if let prefill = analysis.prefill {
            guard let message = prefill.message else {
                template.invalid = "its DM prefill is not valid template syntax"
                return template
            }
            template.prefill = message
        }
        if template.variants.isEmpty { template.invalid = "it has no text" }
        return template
    }

    /// Every `brand/template` id, sorted.
    public var templateIDs: [String] {
        brands.flatMap { id, brand in Set(brand.packs.values.flatMap(\.keys)).map { "\(id)/\($0)" } }.sorted()
    }
}

extension ReplyLibrary {
    /// The `example` values of the variables of `template`'s brand (`render --examples`).
    public func examples(for template: String) -> [String: String] {
        guard let brand = template.split(separator: "/").first.flatMap({ brands[String($0)] }) else { return [:] }
        var examples: [String: String] = [:]
        for variable in brand.brand.variables { examples[variable.name.value] = variable.example?.value }
        return examples
    }
}
