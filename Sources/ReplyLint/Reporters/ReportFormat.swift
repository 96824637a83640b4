import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// The output formats of `replykit lint`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case human, json, sarif, github, junit

    /// Renders `result` in this format. `colors` applies to `human` only.
    public func render(_ result: LintResult, options: ReportOptions) -> String {
        switch self {
        case .human: HumanReporter(options: options).render(result)
        case .json: JSONReporter().render(result)
        case .sarif: SARIFReporter(options: options).render(result)
        case .github: GitHubReporter().render(result)
        case .junit: JUnitReporter().render(result)
        }
    }
}

/// What reporters need besides the result.
public struct ReportOptions: Sendable {
    /// ANSI colours in human output.
    public var colors: Bool
    /// The tool's version, for SARIF.
    public var toolVersion: String
    /// The repository root that SARIF URIs are relative to, as a prefix of the diagnostics' paths
    /// (`""` when they are relative to it already).
    public var repositoryRoot: String
    public var catalogue: RuleCatalogue

    public init(colors: Bool = false, toolVersion: String = "0.0.0", repositoryRoot: String = "",
                catalogue: RuleCatalogue = .standard) {
        self.colors = colors
        self.toolVersion = toolVersion
        self.repositoryRoot = repositoryRoot
        self.catalogue = catalogue
    }
}

extension LintResult {
    /// `2 errors, 5 warnings in 14 files (212 templates)`.
    var summaryLine: String {
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if infos > 0 { parts.append(plural(infos, "info")) }
        let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
        return "\(found) in \(plural(files.count, "file")) (\(plural(repository.templateCount, "template")))"
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
