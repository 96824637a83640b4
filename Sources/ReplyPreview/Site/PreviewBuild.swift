import Foundation
import ReplyCompiler
import ReplyKitSupport
import ReplyLint

/// One build of the preview site: load and lint the packs as `replykit lint` does, make every
/// page, write those that changed.
public struct PreviewBuild: Sendable {
    public struct Options: Sendable {
        /// A repository, templates folder or brand folder (found as `replykit lint` finds them).
        public var path = "."
        public var output: String
        public var configurationPath: String?
        /// The time campaign windows are shown against; nil for now.
        public var now: Date?

        public init(output: String) { self.output = output }
    }

    public struct Outcome: Sendable {
        /// 0: written, no lint errors; 1: written, with lint errors shown; 2: could not build.
        public var exitCode: Int32
        /// What to tell the user: a summary line, or why it could not build.
        public var message: String
        /// The pages written this time, relative to the output folder.
        public var written: [String]
        public var unchanged: Int
        public var removed: Int
        /// The files the build read (packs, brand files, configuration, locale data), for `--watch`.
        public var inputs: [String]
        /// The folders whose files are inputs, for `--watch` to notice new files in.
        public var inputFolders: [String]
    }

    public var options: Options
    public var catalogue: RuleCatalogue

    public init(options: Options, catalogue: RuleCatalogue = .standard) {
        self.options = options
        self.catalogue = catalogue
    }

    /// What a build made and no longer needs: hundreds of megabytes of pages and a hundred thousand
    /// analyses take as long to free as a good part of the build, and the caller need not wait.
    private final class Leftovers: @unchecked Sendable {
        var pages: [SitePage]
        var result: LintResult?
        var context: LintContext?

        init(pages: [SitePage], result: LintResult, context: LintContext) {
            self.pages = pages
            self.result = result
            self.context = context
        }
    }

    private static func freeInBackground(_ leftovers: Leftovers) {
        DispatchQueue.global(qos: .utility).async {
            leftovers.pages = []
            leftovers.result = nil
            leftovers.context = nil
        }
    }

    public func run() -> Outcome {
        func failure(_ message: String, inputs: [String] = [], folders: [String] = []) -> Outcome {
            Outcome(exitCode: 2, message: "error: \(message)", written: [], unchanged: 0, removed: 0, inputs: inputs,
                    inputFolders: folders)
        }
        var configuration = LintConfiguration()
        let configurationPath = options.configurationPath ?? RepositoryDiscovery.configuration(from: options.path)
        if let configurationPath {
            do {
                configuration = try LintConfiguration.load(path: configurationPath, catalogue: catalogue)
            } catch {
                let reasons = error.diagnostics.map(\.message).joined(separator: "; ")
                return failure("the configuration \(configurationPath) cannot be used: \(reasons)", inputs: [configurationPath])
            }
        }
        let configurationFolder = configurationPath.map(PathText.parent).map(PathText.absolute)
        let override = configurationFolder == PathText.absolute(options.path) ? configuration.templatesDirectory : nil
        let target: RepositoryDiscovery.Target
        switch RepositoryDiscovery.target(for: options.path, templatesOverride: override) {
        case .success(let found): target = found
        case .failure(let notFound): return failure(notFound.message, inputs: configurationPath.map { [$0] } ?? [])
        }
        let output = PathText.absolute(options.output)
        if PathText.absolute(target.templatesDirectory).hasPrefix(output + "/") || PathText.absolute(target.templatesDirectory) == output {
            return failure("--output \(options.output) holds the templates: choose a folder of its own")
        }
        let localesDirectory = configuration.localesDirectory ?? PathText.join(target.root, "locales")
        let repository = RepositoryLoader().load(target, localesDirectory: localesDirectory)
        let now = options.now ?? Date()
        let (result, context) = Linter(catalogue: catalogue, configuration: configuration, now: now).lintKeepingAnalyses(repository)
        let pages = SiteBuilder(result: result, analyses: context.analyses, now: now).pages()
        let summary = SiteWriter(output: options.output).write(pages)
        var inputs = repository.filePaths
        Self.freeInBackground(Leftovers(pages: pages, result: result, context: context))
        if let configurationPath { inputs.append(configurationPath) }
        let folders = [target.templatesDirectory] + (target.brandDirectories ?? []) + [localesDirectory]
        if !summary.failures.isEmpty {
            return failure(summary.failures.joined(separator: "\nerror: "), inputs: inputs, folders: folders)
        }
        let errors = result.count(.error), warnings = result.count(.warning)
        var message = "wrote \(IndexPages.plural(summary.written.count, "page")) to \(options.output)"
        message += " (\(summary.unchanged) unchanged\(summary.removed > 0 ? ", \(summary.removed) removed" : ""))"
        message += "; \(repository.templateCount) templates, \(IndexPages.plural(errors, "error")), \(IndexPages.plural(warnings, "warning"))"
        return Outcome(exitCode: errors > 0 ? 1 : 0, message: message, written: summary.written, unchanged: summary.unchanged,
                       removed: summary.removed, inputs: inputs, inputFolders: folders)
    }
}
