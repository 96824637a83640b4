public import ReplyKit
public import ReplyCompiler
import TweetText
import ReplyKitSupport

/// Checks a finished reply, written by hand or by an agent, for one brand: the checks of
/// `replykit check` (cli.md) as a library call that returns lint-style diagnostics.
///
/// Weighted length against `max_length`; the DM deep link (at most one, last, the brand's host and
/// `user_id`, nothing after it, `text=` and `welcome_message_id=` well formed); URLs outside
/// `allowed_domains`; mentions; invisible, bidi and control characters; text not in NFC; and the
/// copy-safety rules, reading a reply that ends with the brand's deep link as a DM hand-off and
/// any other as public. Severities are the rules' defaults, as a repository's `replykit.yaml` sets
/// them when the checker is built from packs.
///
/// An immutable `Sendable` value: build it once, check from many threads.
public struct ReplyChecker: Sendable {
    /// What the checks read of a brand: the same from brand.yaml and from a bundle.
    struct Account: Sendable {
        var id: String
        var maxLength: Int
        var userID: String?
        var dmOpen: Bool
        var handle: String?
        var deepLinkHost: String
        var allowedDomains: [String]?
        var defaultLocale: LocaleTag?
    }

    let accounts: [String: Account]
    let catalog: LocaleCatalog
    let grammars: CopySafetyCache
    let configuration: LintConfiguration
    let catalogue: RuleCatalogue

    /// The rule id of every deep-link problem: `check` alone reads finished links, so no lint rule
    /// has it.
    public static let deepLinkRule = "deep-link"

    /// A checker for the brands of a loaded repository, with its locale data and `configuration`.
    ///
    /// Refuses (rather than check with defaults) when a locale data file of the repository has
    /// errors; a brand whose brand.yaml has errors is refused when a reply is checked for it.
    public init(repository: TemplateRepository, configuration: LintConfiguration = LintConfiguration(),
                catalogue: RuleCatalogue = .standard) throws(ReplyCheckError) {
        try Self.refuseBrokenLocaleData(repository)
        var accounts: [String: Account] = [:]
        let broken = Set(repository.diagnostics.filter { $0.severity == .error }.compactMap(\.file))
        for folder in repository.brands {
            guard let brand = folder.brand, !broken.contains(brand.file) else { continue }
            accounts[brand.id] = Account(
                id: brand.id, maxLength: brand.maxLength, userID: brand.account.userID?.value,
                dmOpen: brand.account.dmOpen?.value == true, handle: brand.account.handle?.value,
                deepLinkHost: brand.deepLink.host, allowedDomains: brand.allowedDomains?.map(\.value),
                defaultLocale: brand.defaultLocale?.value)
        }
        self.accounts = accounts
        self.brokenBrands = Set(repository.brands.filter { accounts[$0.id] == nil }.map(\.id))
        self.catalog = repository.locales
        self.grammars = CopySafetyCache(repository.locales)
        self.configuration = configuration
        self.catalogue = catalogue
    }

    /// A checker for the brands of a compiled bundle (or any library), with the locale data the
    /// bundle carries over the built-in data. A bundle holds no `replykit.yaml`: severities are the
    /// rules' defaults.
    public init(library: ReplyLibrary, catalogue: RuleCatalogue = .standard) throws(ReplyCheckError) {
        var repository = TemplateRepository(templatesDirectory: "")
        RepositoryLoader().loadLocaleData(
            files: library.localeSources.map { SourceFile(path: $0.file, bytes: Array($0.text.utf8)) }, into: &repository)
        try Self.refuseBrokenLocaleData(repository)
        var accounts: [String: Account] = [:]
        for brand in library.compiledBrands {
            accounts[brand.id] = Account(
                id: brand.id, maxLength: brand.maxLength, userID: brand.userID, dmOpen: brand.dmOpen,
                handle: brand.handle, deepLinkHost: brand.deepLinkHost, allowedDomains: brand.allowedDomains,
                defaultLocale: brand.defaultLocale)
        }
        self.accounts = accounts
        self.brokenBrands = []
        self.catalog = repository.locales
        self.grammars = CopySafetyCache(repository.locales)
        self.configuration = LintConfiguration()
        self.catalogue = catalogue
    }

    /// A checker for what `path` holds: a bundle (a `.json` file from `replykit compile`), or packs
    /// found as `replykit lint` finds them, with the repository's `locales/` and the nearest
    /// `replykit.yaml`.
    public init(contentsOf path: String, catalogue: RuleCatalogue = .standard) throws(ReplyCheckError) {
        if path.hasSuffix(".json") {
            let library: ReplyLibrary
            do { library = try ReplyLibrary(bundleAt: path) } catch { throw ReplyCheckError(.invalidTemplates, error.message) }
            try self.init(library: library, catalogue: catalogue)
            return
        }
        var configuration = LintConfiguration()
        let configurationPath = RepositoryDiscovery.configuration(from: path)
        if let configurationPath {
            do {
                configuration = try LintConfiguration.load(path: configurationPath, catalogue: catalogue)
            } catch {
                let first = error.diagnostics.first.map { ": \($0.message)" } ?? ""
                throw ReplyCheckError(.invalidTemplates, "the configuration \(configurationPath) cannot be used\(first)")
            }
        }
        let configurationFolder = configurationPath.map(PathText.parent).map(PathText.absolute)
        let override = configurationFolder == PathText.absolute(path) ? configuration.templatesDirectory : nil
        let target: RepositoryDiscovery.Target
        switch RepositoryDiscovery.target(for: path, templatesOverride: override) {
        case .success(let found): target = found
        case .failure(let notFound): throw ReplyCheckError(.invalidTemplates, notFound.message)
        }
        let locales = configuration.localesDirectory ?? PathText.join(target.root, "locales")
        let repository = RepositoryLoader().load(target, localesDirectory: locales)
        try self.init(repository: repository, configuration: configuration, catalogue: catalogue)
    }

    /// Brands whose brand.yaml has errors: refused by name rather than reported unknown.
    let brokenBrands: Set<String>

    /// The brand ids a reply can be checked for, sorted.
    public var brandIDs: [String] { accounts.keys.sorted() }

    private static func refuseBrokenLocaleData(_ repository: TemplateRepository) throws(ReplyCheckError) {
        let files = Set(repository.localeFiles)
        if let problem = repository.diagnostics.first(where: { $0.severity == .error && $0.file.map(files.contains) == true }) {
            throw ReplyCheckError(.invalidTemplates,
                                  "the locale data \(problem.file ?? "") has errors (\(problem.message)): the copy-safety checks cannot run; `replykit lint` shows them")
        }
    }

    /// Checks `text` for `brand` in `locale` (default: the brand's default locale).
    ///
    /// Throws when the check cannot run: an unknown brand, a locale that is not a tag or that no
    /// locale data covers. Whatever is wrong with the text itself is a diagnostic.
    public func check(_ text: String, brand id: String, locale: String? = nil) throws(ReplyCheckError) -> ReplyCheckResult {
        guard let account = accounts[id] else {
            if brokenBrands.contains(id) {
                throw ReplyCheckError(.invalidTemplates, "the brand.yaml of `\(id)` has errors; `replykit lint` shows them")
            }
            let known = accounts.keys.sorted()
            throw ReplyCheckError(.unknownBrand, "no brand `\(id)`" + (known.isEmpty ? "" : " (brands: \(known.joined(separator: ", ")))"))
        }
        let tag: LocaleTag
        if let locale {
            guard let parsed = grammars.tag(locale) else { throw ReplyCheckError(.unknownLocale, "`\(locale)` is not a locale tag") }
            tag = parsed
        } else {
            guard let fallback = account.defaultLocale else {
                throw ReplyCheckError(.unknownLocale, "`\(id)` has no `default_locale`: give the locale")
            }
            tag = fallback
        }
        guard let copySafety = grammars.copySafety(tag) else {
            throw ReplyCheckError(.unknownLocale, "no locale data covers `\(tag.canonical)`: the copy-safety checks cannot run")
        }
        var checking = ReplyChecking(text: text, account: account, copySafety: copySafety)
        checking.run()
        // Most replies have no finding: their lines are indexed only when one needs a position.
        let source = checking.findings.isEmpty ? nil : SourceFile(path: ReplyCheckResult.path, bytes: Array(text.utf8))
        let diagnostics = checking.findings.compactMap { finding -> Diagnostic? in
            guard let source else { return nil }
            guard let severity = severity(finding) else { return nil }
            return Diagnostic(rule: finding.rule, severity: severity, message: finding.message,
                              range: SourceRange(start: source.location(ofByte: finding.span.lowerBound),
                                                 end: source.location(ofByte: finding.span.upperBound)),
                              notes: finding.notes, help: finding.help, brand: id, locale: tag.canonical)
        }.sorted { ($0.range?.start.offset ?? 0, $0.rule) < ($1.range?.start.offset ?? 0, $1.rule) }
        return ReplyCheckResult(text: text, brand: id, locale: tag, weightedLength: checking.weightedLength,
                                limit: account.maxLength, handsOffToDM: checking.handsOffToDM, diagnostics: diagnostics)
    }

    /// A finding's severity under the configuration; nil when its rule is switched off.
    private func severity(_ finding: ReplyChecking.Finding) -> Severity? {
        guard let rule = catalogue.rule(finding.rule) else { return finding.severity ?? .error }
        let configured = configuration.rules[finding.rule]?.severity
        if configured == .off && !rule.description.isMandatory { return nil }
        if let configured, configured != .off { return configured }
        return finding.severity ?? rule.description.defaultSeverity
    }
}
