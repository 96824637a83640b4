import Foundation
import ReplyKit
import ReplyCompiler
import ReplyLint
import ReplyKitSupport

/// One `replykit xliff export` or `import`, from its options to its output and exit code, without
/// touching stdout: the command prints what this returns, and tests read it.
public enum TranslationRun {
    public enum FileFormat: String, Sendable, CaseIterable {
        case xliff, json
    }

    public struct Outcome: Error, Sendable {
        public var stdout: String
        public var stderr: String
        /// 0: done; 1: a unit was refused (import) or a file could not be written; 2: the command could not run.
        public var exitCode: Int32
    }

    public struct ExportOptions: Sendable {
        public var path = "."
        public var locale: String?
        public var allLocales = false
        public var brand: String?
        public var output: String = ""
        public var format: FileFormat = .xliff
        public var limits: YAMLLimits = .default
        public init() {}
    }

    public struct ImportOptions: Sendable {
        public var files: [String] = []
        public var path = "."
        public var partial = false
        public var format: ReportFormat = .human
        public var fileFormat: FileFormat?
        /// The target locale of JSON files; else each file's name (`es-MX.json`).
        public var locale: String?
        public var configurationPath: String?
        public var colors = false
        public var toolVersion = "0.0.0"
        public var limits: YAMLLimits = .default
        public init() {}
    }

    private static func failure(_ message: String) -> Outcome {
        Outcome(stdout: "", stderr: "error: \(message)\n", exitCode: 2)
    }

    /// The repository at `path`, with the configuration that applies to it.
    private static func load(_ path: String, configurationPath: String?, limits: YAMLLimits)
        -> Result<(TemplateRepository, LintConfiguration, String), Outcome> {
        var configuration = LintConfiguration()
        let found = configurationPath ?? RepositoryDiscovery.configuration(from: path)
        if let found {
            do { configuration = try LintConfiguration.load(path: found, catalogue: .standard) } catch {
                return .failure(failure("the configuration \(found) cannot be used (run `replykit lint` to see why)"))
            }
        }
        let folder = found.map(PathText.parent).map(PathText.absolute)
        let override = folder == PathText.absolute(path) ? configuration.templatesDirectory : nil
        switch RepositoryDiscovery.target(for: path, templatesOverride: override) {
        case .failure(let notFound): return .failure(failure(notFound.message))
        case .success(let target):
            let locales = configuration.localesDirectory ?? PathText.join(target.root, "locales")
            return .success((RepositoryLoader(limits: limits).load(target, localesDirectory: locales), configuration, target.root))
        }
    }

    // MARK: Export

    public static func export(_ options: ExportOptions) -> Outcome {
        guard !options.output.isEmpty else { return failure("--output is required") }
        guard options.allLocales != (options.locale != nil) else { return failure("give either --locale TAG or --all-locales") }
        let repository: TemplateRepository
        switch load(options.path, configurationPath: String?.none, limits: options.limits) {
        case .failure(let outcome): return outcome
        case .success(let loaded): repository = loaded.0
        }
        let exporter = TranslationExporter(repository: repository, brand: options.brand)
        var locales: [LocaleTag]
        if let locale = options.locale {
            guard let tag = LocaleTag(locale) else { return failure("--locale \(locale) is not a BCP 47 tag") }
            locales = [tag]
        } else {
            locales = exporter.targetLocales
            if locales.isEmpty { return failure("no brand has a locale to translate into") }
            if FileReader.kind(of: options.output) == .missing {
                do { try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true) } catch {
                    return failure("cannot create \(options.output): \(error.localizedDescription)")
                }
            }
            guard FileReader.kind(of: options.output) == .directory else { return failure("--output \(options.output) must be a folder with --all-locales") }
        }
        var stderr = ""
        var exitCode: Int32 = 0
        // Locales are exported on every core; files are written, and reported, in locale order.
        struct Written: Sendable {
            var warnings: [String] = []
            var failure: String?
            var files: [(path: String, bytes: [UInt8], summary: String)] = []
        }
        let slots = ResultSlots<Written>(count: locales.count)
        let allLocales = options.allLocales, format = options.format, output = options.output
        let tags = locales
        DispatchQueue.concurrentPerform(iterations: tags.count) { index in
            let locale = tags[index]
            var written = Written()
            var documents: [TranslationDocument] = []
            if allLocales {
                switch exporter.documents(for: locale) {
                case .failure(let problem): written.warnings.append("warning: \(locale): \(problem.message)\n")
                case .success(let made): documents = made
                }
            } else {
                switch exporter.document(for: locale) {
                case .failure(let problem): written.failure = problem.message
                case .success(let made): documents = [made]
                }
            }
            let extensionName = format == .xliff ? "xlf" : "json"
            for document in documents {
                // Brands of several source locales: a file per source, `es-MX.from-en-US.xlf`.
                let name = documents.count == 1 ? locale.canonical : "\(locale.canonical).from-\(document.sourceLocale)"
                let path = allLocales ? PathText.join(output, "\(name).\(extensionName)") : output
                let units = document.files.reduce(0) { $0 + $1.units.count }
                let done = document.files.reduce(0) { $0 + $1.units.filter { $0.segments.allSatisfy { $0.target != nil } }.count }
                let summary = "wrote \(path): \(units) unit\(units == 1 ? "" : "s") of \(document.files.count) brand\(document.files.count == 1 ? "" : "s") from \(document.sourceLocale) to \(locale), \(done) translated\n"
                switch format {
                case .xliff: written.files.append((path, XLIFFWriter.bytes(document), summary))
                case .json:
                    written.files.append((path, Array(FlatJSON.messages(document).utf8), summary))
                    written.files.append((sidecarPath(path), Array(FlatJSON.sidecar(document).utf8), ""))
                }
            }
            slots[index] = written
        }
        for index in locales.indices {
            guard let written = slots[index] else { continue }
            if let failure = written.failure { return self.failure(failure) }
            stderr += written.warnings.joined()
            for file in written.files {
                if let problem = FileContents.writeAtomically(file.bytes, to: file.path) {
                    stderr += "error: cannot write \(file.path): \(problem)\n"
                    exitCode = 1
                } else {
                    stderr += file.summary
                }
            }
        }
        return Outcome(stdout: "", stderr: stderr, exitCode: exitCode)
    }

    struct ReadFailure: Error, Sendable {
        var message: String
    }

    /// `es-MX.notes.json` beside `es-MX.json`.
    public static func sidecarPath(_ path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".notes.json"
    }

    // MARK: Import

    public static func `import`(_ options: ImportOptions) -> Outcome {
        guard !options.files.isEmpty else { return failure("give the files to import") }
        let (repository, configuration, root): (TemplateRepository, LintConfiguration, String)
        switch load(options.path, configurationPath: options.configurationPath, limits: options.limits) {
        case .failure(let outcome): return outcome
        case .success(let loaded): (repository, configuration, root) = loaded
        }
        var inputs: [ImportInput] = []
        var fileProblems: [Diagnostic] = []
        var shownFiles: [SourceFile] = []
        let sources = sourceLookup(repository)
        // Files are read and parsed on every core; their results are taken in the order given.
        enum Read: Sendable {
            case unreadable(String)
            case parsed(SourceFile, Result<(TranslationDocument, [XLIFFReader.UnitProblem]), ReadFailure>)
        }
        let paths = options.files, fileFormat = options.fileFormat, locale = options.locale
        let slots = ResultSlots<Read>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            switch FileContents.read(path, limit: XLIFFReader.Limits().maxBytes) {
            case .failure(let error):
                slots[index] = .unreadable("cannot read \(path): \(error.message)")
            case .success(let bytes):
                let file = SourceFile(path: path, bytes: bytes)
                if fileFormat == .json || (fileFormat == nil && path.hasSuffix(".json")) {
                    // `es-MX.json`, or `es-MX.from-en-US.json` from an export of brands of several sources.
                    let tag = locale ?? String(PathText.lastComponent(path).split(separator: ".").first ?? "")
                    let sidecar = try? FileContents.read(sidecarPath(path)).get()
                    slots[index] = .parsed(file, FlatJSON.read(bytes, sidecar: sidecar, targetLocale: tag, sources: sources)
                        .mapError { ReadFailure(message: $0.message) })
                } else {
                    slots[index] = .parsed(file, XLIFFReader.read(bytes).mapError { ReadFailure(message: $0.message) })
                }
            }
        }
        for index in paths.indices {
            switch slots[index] {
            case .unreadable(let message)?: return failure(message)
            case .parsed(let file, let read)?:
                shownFiles.append(file)
                switch read {
                case .success(let (document, problems)): inputs.append(ImportInput(file: file, document: document, problems: problems))
                case .failure(let failure):
                    fileProblems.append(Diagnostic(rule: "translation-file", severity: .error, message: failure.message, file: file.path))
                }
            case nil: return failure("cannot read \(paths[index])")
            }
        }
        let importer = TranslationImporter(repository: repository, configuration: configuration, partial: options.partial,
                                           limits: options.limits)
        let outcome = importer.run(inputs)
        var shown = TemplateRepository(templatesDirectory: repository.templatesDirectory)
        for file in shownFiles {
            shown.files[file.path] = file
            shown.filePaths.append(file.path)
        }
        let result = LintResult(diagnostics: fileProblems + outcome.diagnostics, repository: shown)
        var stderr = ""
        for (path, templates, created) in outcome.written {
            stderr += "\(created ? "created" : "wrote") \(path): \(templates) template\(templates == 1 ? "" : "s")\n"
        }
        for (path, reason) in outcome.failures { stderr += "error: \(path): could not write the translations: \(reason)\n" }
        if outcome.written.isEmpty && outcome.failures.isEmpty && result.diagnostics.isEmpty { stderr += "nothing to import: every translation is in its pack already\n" }
        let reportOptions = ReportOptions(colors: options.colors, toolVersion: options.toolVersion, repositoryRoot: root == "." ? "" : root)
        let stdout = result.diagnostics.isEmpty && options.format == .human ? "" : options.format.render(result, options: reportOptions)
        let exitCode: Int32 = result.diagnostics.isEmpty && outcome.failures.isEmpty ? 0 : 1
        return Outcome(stdout: stdout, stderr: stderr, exitCode: exitCode)
    }

    /// The current source of each flat key, for JSON files without their sidecar.
    private static func sourceLookup(_ repository: TemplateRepository) -> @Sendable (String) -> String? {
        var table: [String: String] = [:]
        for folder in repository.brands {
            guard let brand = folder.brand, let tag = brand.defaultLocale?.value,
                  let source = folder.packs.first(where: { $0.tag == tag }) else { continue }
            for template in source.templates {
                let id = "\(folder.id)/\(template.id.value)"
                if template.variants.count == 1 { table[id] = template.variants[0].value } else {
                    for (index, variant) in template.variants.enumerated() { table["\(id)/v\(index + 1)"] = variant.value }
                }
                if let prefill = template.dm?.prefill { table["\(id)/prefill"] = prefill.value }
            }
        }
        let frozen = table
        return { frozen[$0] }
    }
}
