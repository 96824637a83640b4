import Foundation
public import ReplyKit
package import ReplyKitSupport

extension ReplyLibrary {
    /// A library of every template in `repository` (templates with errors fail when rendered).
    public init(repository: TemplateRepository) {
        self.init(repository: repository, analyses: repository.analyses)
    }

    /// A library of every template in `repository` from its `analyses` (``TemplateRepository/analyses``),
    /// for callers that have them already (lint's, for `replykit preview`).
    package init(repository: TemplateRepository, analyses: [TemplateAnalysis]) {
        var byBrand: [String: [TemplateAnalysis]] = [:]
        for analysis in analyses { byBrand[analysis.brand.id, default: []].append(analysis) }
        var brands: [CompiledBrand] = []
        for folder in repository.brands {
            guard let brand = folder.brand else { continue }
            var compiled = CompiledBrand(brand)
            for analysis in byBrand[brand.id] ?? [] {
                guard let tag = analysis.pack.tag else { continue }
                compiled.packs[tag, default: [:]][analysis.template.id.value] = TemplateSource(CompiledTemplate(analysis))
            }
            brands.append(compiled)
        }
        let sources = repository.localeFiles.compactMap { path in
            repository.files[path].map { LocaleSource(file: path, text: String(decoding: $0.bytes, as: UTF8.self)) }
        }
        self.init(brands: brands, locales: LocaleRules(repository.locales), localeSources: sources)
    }

    /// Loads the packs under `path` (a repository, templates folder or brand folder, found as
    /// `replykit lint` finds them) with the repository's `locales/`.
    /// A path to a `.json` file is read as a compiled bundle (`replykit compile`).
    public init(contentsOf path: String) throws(RenderError) {
        if path.hasSuffix(".json") {
            self = try ReplyLibrary(bundleAt: path)
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
}

extension CompiledBrand {
    /// What rendering needs of `brand`; its packs are added by the caller.
    package init(_ brand: Brand) {
        self.init(id: brand.id, maxLength: brand.maxLength, userID: brand.account.userID?.value,
                  dmOpen: brand.account.dmOpen?.value == true,
                  handle: brand.account.handle?.value, allowedDomains: brand.allowedDomains?.map(\.value),
                  defaultLocale: brand.defaultLocale?.value,
                  fallbackLocale: brand.fallbackLocale?.value, deepLinkHost: brand.deepLink.host,
                  separator: brand.deepLink.separator, variables: brand.variables.map(\.runtime),
                  campaigns: brand.campaigns.map {
                      CampaignWindow(id: $0.id.value, approved: $0.status?.value == .approved,
                                     starts: $0.starts?.value, ends: $0.ends?.value)
                  })
    }
}

extension LocaleRules {
    /// The parents and plural rules of every file in `catalog`.
    package init(_ catalog: LocaleCatalog) {
        self.init(catalog.files.values.map { Entry(tag: $0.tag, parent: $0.parent?.value, plural: $0.plural) })
    }
}

extension CompiledTemplate {
    /// The template `analysis` checked, as the renderer renders it; invalid, naming why, when a
    /// variant or the prefill did not parse or uses a variable the brand does not declare.
    package init(_ analysis: TemplateAnalysis) {
        let template = analysis.template
        self.init(id: template.id.value, campaign: template.campaign, dm: template.dm != nil,
                  welcomeMessageID: template.dm?.welcomeMessageID?.value)
        var prefill: Message?
        if let analyzed = analysis.prefill {
            guard let message = analyzed.message else {
                invalid = "its DM prefill is not valid template syntax"
                return
            }
            prefill = message
        }
        for variant in analysis.variants {
            guard let message = variant.message, let bound = variant.bound else {
                invalid = variant.syntaxError.map { "its text is not valid template syntax: \($0.message)" }
                    ?? "its text uses a variable brand.yaml does not declare as it needs"
                variants = []
                return
            }
            var names = message.variableNames
            for name in prefill?.variableNames ?? [] where !names.contains(name) { names.append(name) }
            variants.append(CompiledVariant(names: names, body: CompiledMessage(message, names: names),
                                            prefill: prefill.map { CompiledMessage($0, names: names) },
                                            bound: min(bound.total, BundleLimits.maxBound)))
        }
        if variants.isEmpty { invalid = "it has no text" }
        // What the renderer walks must name only its own slots, as a bundle's entries are held to.
        if let bad = variants.firstIndex(where: { !$0.isWellFormed }) {
            invalid = "variant \(bad) names a slot it has no variable for, or nests too deeply"
            variants = []
        }
    }
}

extension CompiledMessage {
    /// `message` with its variables as slots of `names`, which must hold every name it uses.
    package init(_ message: Message, names: [String]) {
        // A name outside `names` becomes a slot past its end, which `isWellFormed` refuses.
        func slot(_ argument: Message.Argument) -> Int { names.firstIndex(of: argument.name) ?? names.count }
        self.init(message.parts.map { part -> Part in
            switch part {
            case .literal(let text): .literal(Literal(text))
            case .pound: .pound
            case .variable(let argument): .variable(slot(argument))
            case .plural(let argument, let branches): .plural(slot(argument), branches.map { Branch($0, names: names) })
            case .select(let argument, let branches): .select(slot(argument), branches.map { Branch($0, names: names) })
            }
        })
    }
}

extension CompiledMessage.Branch {
    init(_ branch: Message.Branch, names: [String]) {
        self.init(key: branch.key, message: CompiledMessage(branch.message, names: names))
    }
}
