import Foundation
package import ReplyCompiler
package import ReplyLint
internal import ReplyKit
internal import ReplyKitSupport

/// One template repository held in memory while the editor works on it: its packs as loaded (with
/// the editor's unsaved buffers read in place of the files on disk), each pack's analyses, and
/// lint's findings, so that an edit re-reads one file and re-checks only what depends on it.
///
/// What depends on what: a pack's template and pack rules read the pack and its brand; rules that
/// compare packs read a brand's packs against its default locale's pack, and `brand.yaml`'s own
/// findings (an unused variable, a listed locale without a pack) read every pack of the brand. So
/// an edit of a translation re-checks it at once (against the brand and the default locale's pack
/// alone) and `brand.yaml` when the server is idle (``finishDeferred()``); an edit of the default
/// locale's pack re-checks it at once (against every pack of the brand, without the rules that
/// report on translations only) and the brand's other files when idle; an edit of `brand.yaml`
/// re-checks every file of that brand at once; no edit re-checks another brand.
package struct RepositoryWorkspace: Sendable {
    /// The repository root (where `templates/` and `replykit.yaml` are), absolute.
    package let root: String
    package let catalogue: RuleCatalogue
    /// The time campaign windows are checked against; nil for the time of each check.
    package var now: Date?
    package private(set) var configuration = LintConfiguration()
    /// Why `replykit.yaml` cannot be used, when it cannot: then nothing is checked.
    package private(set) var configurationFailure: [Diagnostic]?
    package private(set) var target: RepositoryDiscovery.Target?
    package private(set) var repository: TemplateRepository
    private var loader: RepositoryLoader
    /// Each readable pack's analyses, by pack file.
    private var analyses: [String: [TemplateAnalysis]] = [:]
    /// What loading found, by file (the brand folder for a finding about the folder), before
    /// configuration: what a sub-repository of one brand is handed.
    private var loadFindings: [String: [Diagnostic]] = [:]
    /// Loading's and the repository rules' findings by file, configured.
    private var wholeFindings: [String: [Diagnostic]] = [:]
    /// The template and pack rules' findings by pack file, configured.
    private var templateFindings: [String: [Diagnostic]] = [:]
    private var brandIndex: [String: Int] = [:]
    /// The files of each brand folder that wait to be checked again, when the server is idle, after
    /// an edit of a pack they depend on.
    private var deferred: [String: Set<String>] = [:]
    /// The copy-safety grammars of the locale data loaded, kept from one edit's lint to the next.
    private var grammars: CopySafetyCache

    package init(root: String, catalogue: RuleCatalogue = .standard, limits: YAMLLimits = .default, now: Date? = nil) {
        self.root = PathText.absolute(root)
        self.catalogue = catalogue
        self.now = now
        self.loader = RepositoryLoader(limits: limits)
        self.repository = TemplateRepository(templatesDirectory: PathText.join(self.root, "templates"))
        self.grammars = CopySafetyCache(repository.locales)
        reload()
    }

    /// The root of the repository that holds `path`: the nearest folder above it with a
    /// `replykit.yaml` or a `templates/` folder.
    package static func root(containing path: String) -> String? {
        var directory = PathText.parent(PathText.absolute(path))
        while true {
            if FileReader.kind(of: PathText.join(directory, "replykit.yaml")) == .file
                || FileReader.kind(of: PathText.join(directory, "templates")) == .directory { return directory }
            let parent = PathText.parent(directory)
            if parent == directory { return nil }
            directory = parent
        }
    }

    /// The rules whose findings depend on one template alone (``TemplateReuse`` keeps theirs).
    private var templateRuleIDs: Set<String> { Set(catalogue.rules.filter { $0.scope == .template }.map(\.id)) }

    private var linter: Linter {
        var linter = Linter(catalogue: catalogue, configuration: configuration, now: now)
        linter.grammars = grammars
        return linter
    }

    // MARK: Reading

    /// Every file lint reports about or read.
    package var files: Set<String> {
        Set(repository.filePaths).union(wholeFindings.keys).union(templateFindings.keys)
    }

    /// Lint's findings for `path`, in lint's order.
    package func diagnostics(of path: String) -> [Diagnostic] {
        if let configurationFailure {
            if path == configuration.file || configurationFailure.contains(where: { $0.file == path }) {
                return configurationFailure.filter { $0.file == path }
            }
            guard contains(path) else { return [] }
            return [Diagnostic(rule: "config", severity: .error,
                               message: "the configuration \(configurationFailure.first?.file ?? "replykit.yaml") cannot be used, so this file is not checked",
                               file: path, range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)),
                               help: "fix the errors reported in the configuration")]
        }
        return Linter.sorted((wholeFindings[path] ?? []) + (templateFindings[path] ?? []))
    }

    /// Whether `path` is a file of this repository (read or not: a pack that is not YAML is one).
    package func contains(_ path: String) -> Bool {
        guard let target else { return false }
        return path.hasPrefix(target.templatesDirectory + "/") || path == configuration.file
            || repository.localeFiles.contains(path)
    }

    /// The brand folder `path` is in, with its index in ``repository``.
    package func brandFolder(of path: String) -> (index: Int, folder: TemplateRepository.BrandFolder)? {
        guard let index = brandIndex[PathText.parent(path)] else { return nil }
        return (index, repository.brands[index])
    }

    /// The pack read from `path`, with its brand folder.
    package func pack(at path: String) -> (folder: TemplateRepository.BrandFolder, pack: LocalePack)? {
        guard let (_, folder) = brandFolder(of: path), let pack = folder.packs.first(where: { $0.file == path }) else { return nil }
        return (folder, pack)
    }

    /// The analyses of the pack at `path`, in file order; empty when it or its brand could not be read.
    package func analyses(ofPack path: String) -> [TemplateAnalysis] { analyses[path] ?? [] }

    /// The text of `path` as the last check read it.
    package func source(_ path: String) -> SourceFile? { repository.files[path] }

    // MARK: Loading

    /// Loads everything again (the configuration or locale data changed); returns every file.
    @discardableResult
    package mutating func reload() -> Set<String> {
        let before = files
        analyses = [:]
        loadFindings = [:]
        wholeFindings = [:]
        templateFindings = [:]
        configurationFailure = nil
        configuration = LintConfiguration()
        target = nil
        repository = TemplateRepository(templatesDirectory: PathText.join(root, "templates"))
        brandIndex = [:]
        deferred = [:]
        let configurationPath = PathText.join(root, "replykit.yaml")
        if FileReader.kind(of: configurationPath) != .missing {
            do {
                configuration = try LintConfiguration.load(path: configurationPath, catalogue: catalogue)
            } catch {
                configuration.file = configurationPath
                configurationFailure = error.diagnostics.isEmpty
                    ? [Diagnostic(rule: "config", severity: .error, message: "the configuration cannot be used", file: configurationPath)]
                    : error.diagnostics.map { var copy = $0; copy.file = copy.file ?? configurationPath; return copy }
            }
        }
        guard case .success(let discovered) = RepositoryDiscovery.target(for: root, templatesOverride: configuration.templatesDirectory)
        else { return before.union(files) }
        target = discovered
        guard configurationFailure == nil else { return before.union(files) }
        repository = loader.load(discovered, localesDirectory: configuration.localesDirectory ?? PathText.join(discovered.root, "locales"))
        grammars = CopySafetyCache(repository.locales)
        for diagnostic in repository.diagnostics { loadFindings[diagnostic.file ?? "", default: []].append(diagnostic) }
        for (index, folder) in repository.brands.enumerated() { brandIndex[folder.directory] = index }
        let all = repository.analyses
        for analysis in all { analyses[analysis.pack.file, default: []].append(analysis) }
        let found = linter.lint(repository, analyses: all, templateRulesOn: nil)
        for diagnostic in found.whole { wholeFindings[diagnostic.file ?? "", default: []].append(diagnostic) }
        templateFindings = found.byPack
        repository.diagnostics = []
        return before.union(files)
    }

    /// Reads `path` from `text` (the editor's buffer), or from disk when `text` is nil, and re-checks
    /// what depends on it; returns the files whose findings were checked again.
    @discardableResult
    package mutating func update(_ path: String, text: [UInt8]?) -> Set<String> {
        let path = PathText.absolute(path)
        if let text { loader.overlay[path] = text } else { loader.overlay[path] = nil }
        guard configurationFailure == nil || path == configuration.file else { return [] }
        if path == configuration.file || path == PathText.join(root, "replykit.yaml") || repository.localeFiles.contains(path)
            || PathText.parent(path) == (configuration.localesDirectory ?? PathText.join(root, "locales")) {
            return reload()
        }
        guard let target, path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return [] }
        let directory = PathText.parent(path)
        guard let index = brandIndex[directory] else {
            // A file in a new brand folder, or outside every brand folder.
            guard PathText.parent(directory) == target.templatesDirectory, target.brandDirectories == nil else { return [] }
            return reloadBrandFolder(directory)
        }
        let folder = repository.brands[index]
        if PathText.lastComponent(path) == "brand.yaml" {
            guard FileReader.kind(of: path) != .missing || text != nil, folder.brand != nil || loadFindings[path] != nil else {
                return reloadBrandFolder(directory)
            }
            var load = emptyLoad(folder)
            let brand = loader.loadBrand(path, id: folder.id, into: &load)
            replaceFile(path, with: load)
            repository.brands[index].brand = brand
            return relint(brand: index, reanalysed: Set(folder.packs.map(\.file)), recheck: brandFiles(index))
        }
        guard let packIndex = folder.packs.firstIndex(where: { $0.file == path }),
              FileReader.kind(of: path) != .missing || text != nil else {
            return reloadBrandFolder(directory)
        }
        let wasDefault = folder.isSourcePack(folder.packs[packIndex])
        let oldBytes = repository.files[path]?.bytes ?? []
        var load = emptyLoad(folder)
        let pack = loader.loadPack(path, brand: folder.id, into: &load)
        replaceFile(path, with: load)
        repository.brands[index].packs[packIndex] = pack
        let reuse = TemplateReuse(old: folder.packs[packIndex], oldBytes: oldBytes, oldFindings: templateFindings[path] ?? [],
                                  new: pack, newBytes: repository.files[path]?.bytes ?? [], templateRules: templateRuleIDs)
        let isDefaultNow = repository.brands[index].isSourcePack(pack)
        if wasDefault != isDefaultNow {
            return relint(brand: index, reanalysed: [path], recheck: brandFiles(index), reuse: reuse)
        }
        if isDefaultNow {
            // The default locale's findings at once; the translations' (which compare them with it)
            // and brand.yaml's wait until the server is idle.
            deferred[directory, default: []].formUnion(brandFiles(index).subtracting([path]))
            return relint(brand: index, reanalysed: [path], recheck: [path], reuse: reuse)
        }
        // A translation's findings read the brand, the default locale's pack and itself; brand.yaml's
        // read every pack, and wait until the server is idle.
        let folderNow = repository.brands[index]
        let source = folderNow.packs.filter { folderNow.isSourcePack($0) && $0.file != path }.map(\.file)
        deferred[directory, default: []].formUnion([directory, PathText.join(directory, "brand.yaml")])
        return relint(brand: index, reanalysed: [path], recheck: [path], packs: Set(source + [path]), reuse: reuse)
    }

    /// Whether files wait to be checked again (see ``finishDeferred()``).
    package var hasDeferred: Bool { !deferred.isEmpty }

    /// Checks again the files that edits of packs have left waiting (brand.yaml after a translation;
    /// the brand's other files after its default locale's pack); returns them.
    @discardableResult
    package mutating func finishDeferred() -> Set<String> {
        var checked: Set<String> = []
        for (directory, files) in deferred.sorted(by: { $0.key < $1.key }) {
            guard let index = brandIndex[directory] else { continue }
            checked.formUnion(relint(brand: index, reanalysed: [], recheck: files))
        }
        deferred = [:]
        return checked
    }

    /// Files created or deleted on disk: the folders they are in are read again.
    @discardableResult
    package mutating func filesAddedOrRemoved(_ paths: [String]) -> Set<String> {
        var checked: Set<String> = []
        var folders: Set<String> = []
        for path in paths.map(PathText.absolute) {
            if path == PathText.join(root, "replykit.yaml") || !contains(path) && brandIndex[PathText.parent(path)] == nil
                && PathText.parent(PathText.parent(path)) != target?.templatesDirectory {
                if path.hasSuffix(".yaml") || FileReader.kind(of: path) == .directory { return reload() }
                continue
            }
            folders.insert(brandIndex[path] != nil ? path : PathText.parent(path))
        }
        for folder in folders.sorted() { checked.formUnion(reloadBrandFolder(folder)) }
        return checked
    }


    private func emptyLoad(_ folder: TemplateRepository.BrandFolder) -> RepositoryLoader.BrandLoad {
        RepositoryLoader.BrandLoad(id: folder.id, directory: folder.directory)
    }

    /// Every file of a brand folder: brand.yaml, its packs, and the folder itself (for findings about it).
    private func brandFiles(_ index: Int) -> Set<String> {
        let folder = repository.brands[index]
        return Set([folder.directory, PathText.join(folder.directory, "brand.yaml")] + folder.packs.map(\.file))
    }

    /// Puts what reading one file found in place of what was read of it before.
    private mutating func replaceFile(_ path: String, with load: RepositoryLoader.BrandLoad) {
        if let file = load.files.first {
            if repository.files[path] == nil { repository.filePaths.append(path) }
            repository.files[path] = file
        } else if repository.files.removeValue(forKey: path) != nil {
            repository.filePaths.removeAll { $0 == path }
        }
        loadFindings[path] = load.diagnostics.filter { $0.file == path }
    }

    /// Reads a whole brand folder again (a file was added or removed); returns its files before and after.
    private mutating func reloadBrandFolder(_ directory: String) -> Set<String> {
        let load = loader.loadBrandFolder(directory)
        let exists = FileReader.kind(of: directory) == .directory
        var checked: Set<String> = []
        if let index = brandIndex[directory] {
            checked = brandFiles(index)
            for path in checked {
                if repository.files.removeValue(forKey: path) != nil { repository.filePaths.removeAll { $0 == path } }
                loadFindings[path] = nil
                wholeFindings[path] = nil
                templateFindings[path] = nil
                analyses[path] = nil
            }
            if exists {
                repository.brands[index] = load.folder
            } else {
                repository.brands.remove(at: index)
                brandIndex = [:]
                for (position, folder) in repository.brands.enumerated() { brandIndex[folder.directory] = position }
                return checked
            }
        } else {
            guard exists else { return [] }
            repository.brands.append(load.folder)
            brandIndex[directory] = repository.brands.count - 1
        }
        for file in load.files {
            if repository.files[file.path] == nil { repository.filePaths.append(file.path) }
            repository.files[file.path] = file
        }
        for diagnostic in load.diagnostics { loadFindings[diagnostic.file ?? "", default: []].append(diagnostic) }
        guard let index = brandIndex[directory] else { return checked }
        let files = brandFiles(index)
        return checked.union(relint(brand: index, reanalysed: Set(load.folder.packs.map(\.file)), recheck: files))
    }

    /// Analyses the packs in `reanalysed` again, then lints the brand at `index` alone: the repository
    /// rules over the whole brand, the template and pack rules over the packs analysed again; keeps
    /// the findings of the files in `recheck` (and of the packs analysed again).
    /// `packs`: the packs the repository rules see (all the brand's when nil); only findings of
    /// files whose findings depend on no other pack may be kept from a lint of some of them.
    /// `reuse`: templates of the one pack in `reanalysed` whose template rules' findings stand.
    /// Only the rules that may report on a file kept run (``Rule/reportsOn``): after an edit of the
    /// default locale's pack, the translations' rules and brand.yaml's would find nothing that is kept.
    private mutating func relint(brand index: Int, reanalysed: Set<String>, recheck: Set<String>,
                                 packs: Set<String>? = nil, reuse: TemplateReuse? = nil) -> Set<String> {
        var folder = repository.brands[index]
        if let packs { folder.packs = folder.packs.filter { packs.contains($0.file) } }
        var brandRepository = TemplateRepository(templatesDirectory: repository.templatesDirectory)
        brandRepository.brands = [folder]
        brandRepository.locales = repository.locales
        let files = Set([folder.directory, PathText.join(folder.directory, "brand.yaml")] + folder.packs.map(\.file))
        for path in files.sorted() {
            if let file = repository.files[path] {
                brandRepository.files[path] = file
                brandRepository.filePaths.append(path)
            }
            brandRepository.diagnostics += loadFindings[path] ?? []
        }
        // Only the packs read again are analysed again: the others' analyses still hold. After an
        // edit of a pack (`reuse`), its brand is the one its texts were measured with, so the texts
        // the edit left as they were keep their parses.
        let replaced = reanalysed.reduce(into: [String: [TemplateAnalysis]]()) { $0[$1] = analyses.removeValue(forKey: $1) }
        if let brand = folder.brand {
            for pack in folder.packs where reanalysed.contains(pack.file) {
                guard let file = repository.files[pack.file] else { continue }
                analyses[pack.file] = TemplateAnalysis.analyses(of: pack, brand: brand, file: file,
                                                                reusing: reuse == nil ? [] : replaced[pack.file] ?? [])
            }
        }
        // The analyses replaced are freed on another thread: a thousand of them take as long to free
        // as to check, and the editor need not wait for that.
        if !replaced.isEmpty { DispatchQueue.global(qos: .utility).async { _ = replaced.count } }
        let all = folder.packs.flatMap { analyses[$0.file] ?? [] }
        let reusing = reuse.map { reuse in Dictionary(uniqueKeysWithValues: reanalysed.map { ($0, reuse.ids) }) } ?? [:]
        let found = linter.lint(brandRepository, analyses: all, templateRulesOn: reanalysed.intersection(files), reusing: reusing,
                                keeping: recheck.union(reanalysed))
        var whole: [String: [Diagnostic]] = [:]
        for diagnostic in found.whole { whole[diagnostic.file ?? "", default: []].append(diagnostic) }
        for path in recheck { wholeFindings[path] = whole[path] }
        for path in reanalysed { templateFindings[path] = (found.byPack[path] ?? []) + (reuse?.findings ?? []) }
        return recheck.union(reanalysed)
    }
}
