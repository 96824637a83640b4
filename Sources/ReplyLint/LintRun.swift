import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// One `replykit lint` invocation, from its options to its output and exit code, without touching
/// stdout: the command prints what this returns, and tests read it.
public struct LintRun: Sendable {
    public struct Options: Sendable {
        public var paths: [String] = ["."]
        public var format: ReportFormat = .human
        /// `--report FORMAT=PATH`, in order.
        public var reports: [(format: ReportFormat, path: String)] = []
        public var configurationPath: String?
        public var maxWarnings: Int?
        /// `--rule ID=SEVERITY`, in order.
        public var ruleOverrides: [String] = []
        public var quiet = false
        /// `--fix`: apply the fixes of fixable rules, then report what remains.
        public var fix = false
        public var colors = false
        public var toolVersion = "0.0.0"
        public var limits: YAMLLimits = .default
        /// The time campaign windows are checked against; nil for now.
        public var now: Date?

        public init() {}
    }

    public struct Outcome: Sendable {
        public var stdout: String
        public var stderr: String
        /// 0: no errors and warnings within the limit; 1: lint errors; 2: the command could not run.
        public var exitCode: Int32
        /// The `--report` files to write, in order.
        public var reports: [(path: String, contents: String)]
        public var result: LintResult?
        /// What the rules read, kept until the outcome is dropped: freeing a hundred thousand
        /// analyses while the report is rendered slowed the report, and `replykit lint` exits
        /// without freeing them.
        var analyses: [LintContext] = []
    }

    public var options: Options
    public var catalogue: RuleCatalogue

    public init(options: Options, catalogue: RuleCatalogue = .standard) {
        self.options = options
        self.catalogue = catalogue
    }

    public func run() -> Outcome {
        func failure(_ message: String) -> Outcome {
            Outcome(stdout: "", stderr: "error: \(message)\n", exitCode: 2, reports: [], result: nil)
        }
        // Configuration: the named file, or the nearest replykit.yaml to the first path.
        var configuration = LintConfiguration()
        let configurationPath = options.configurationPath ?? options.paths.first.flatMap(RepositoryDiscovery.configuration(from:))
        if let configurationPath {
            do {
                configuration = try LintConfiguration.load(path: configurationPath, catalogue: catalogue)
            } catch {
                let reporter = HumanReporter(options: ReportOptions(colors: options.colors, catalogue: catalogue))
                let text = error.diagnostics.map { reporter.block($0, source: error.source) }.joined(separator: "\n")
                return Outcome(stdout: "", stderr: text + "error: the configuration \(configurationPath) cannot be used\n",
                               exitCode: 2, reports: [], result: nil)
            }
        }
        for argument in options.ruleOverrides {
            if let problem = configuration.override(argument, catalogue: catalogue) { return failure(problem) }
        }
        // What to load.
        var targets: [RepositoryDiscovery.Target] = []
        for path in options.paths {
            let configurationFolder = configurationPath.map(PathText.parent).map(PathText.absolute)
            let override = configurationFolder == PathText.absolute(path) ? configuration.templatesDirectory : nil
            switch RepositoryDiscovery.target(for: path, templatesOverride: override) {
            case .success(let target): targets.append(target)
            case .failure(let notFound): return failure(notFound.message)
            }
        }
        let loader = RepositoryLoader(limits: options.limits)
        var analyses: [LintContext] = []
        func lintTargets() -> LintResult? {
            var repository: TemplateRepository?
            var onlyFiles: Set<String>? = []
            for target in targets {
                // The repository's own locale data: from replykit.yaml, else `locales/` beside `templates/`.
                let locales = repository == nil ? configuration.localesDirectory ?? PathText.join(target.root, "locales") : nil
                let loaded = loader.load(target, localesDirectory: locales)
                if repository == nil { repository = loaded } else { repository!.merge(loaded) }
                if let files = target.onlyFiles { onlyFiles?.formUnion(files) } else { onlyFiles = nil }
            }
            guard let repository else { return nil }
            var (result, context) = Linter(catalogue: catalogue, configuration: configuration, now: options.now)
                .lintKeepingAnalyses(repository)
            analyses.append(context)
            if let onlyFiles { result = result.restricted(to: onlyFiles) }
            return result
        }
        guard var result = lintTargets() else { return failure("nothing to lint") }
        var fixNotes = ""
        if options.fix {
            let fixed = Fixer.fix(result, catalogue: catalogue, configuration: configuration, limits: options.limits)
            for (path, reason) in fixed.failures { fixNotes += "error: \(path): could not write the fixes: \(reason)\n" }
            if !fixed.changed.isEmpty {
                let edits = fixed.changed.reduce(0) { $0 + $1.edits }
                fixNotes += "fixed \(plural(edits, "problem")) in \(plural(fixed.changed.count, "file"))\n"
                // Report what remains, from the files as they are now.
                if let again = lintTargets() { result = again }
            }
            for (path, count) in fixed.unfinished {
                fixNotes += "\(path): \(count == 1 ? "1 more fix waits" : "\(count) more fixes wait") after \(Fixer.maxRounds) rounds of fixes: run `replykit lint --fix` again\n"
            }
            let left: Int
            (result.diagnostics, left) = Fixer.marking(result.diagnostics, withheld: fixed.withheld)
            if left > 0 {
                fixNotes += "left \(plural(left, "fixable problem")) as \(left == 1 ? "it is" : "they are"): fixing \(left == 1 ? "it" : "them") would change more than the problem (see the notes)\n"
            }
        }
        let errors = result.count(.error)
        let warnings = result.count(.warning)
        var shown = result
        if options.quiet { shown.diagnostics = result.diagnostics.filter { $0.severity == .error } }
        let root = targets.count == 1 ? targets[0].root : "."
        let reportOptions = ReportOptions(colors: options.colors, toolVersion: options.toolVersion,
                                          repositoryRoot: root, catalogue: catalogue)
        var stderr = fixNotes
        var exitCode: Int32 = errors > 0 ? 1 : 0
        if let limit = options.maxWarnings, warnings > limit {
            exitCode = 1
            stderr += "error: \(plural(warnings, "warning")), more than --max-warnings \(limit)\n"
        }
        return Outcome(
            stdout: options.format.render(shown, options: reportOptions), stderr: stderr, exitCode: exitCode,
            reports: options.reports.map { ($0.path, $0.format.render(shown, options: ReportOptions(
                colors: false, toolVersion: options.toolVersion, repositoryRoot: root, catalogue: catalogue))) },
            result: result, analyses: analyses)
    }
}
