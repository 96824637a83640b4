import ArgumentParser
import Foundation
import ReplyKit
import ReplyLint
import ReplyCompiler
import ReplyKitSupport

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check template repositories or single files.",
        discussion: """
            A directory is searched for templates/*/brand.yaml and, failing that, treated as a templates \
            folder or a brand folder. Exit codes: 0 no errors (and warnings within --max-warnings), \
            1 lint errors, 2 the command could not do its job.
            """
    )

    @Argument(help: "Repositories, templates folders, brand folders or pack files (default: .).")
    var paths: [String] = []

    @Option(help: "Output on stdout: human, json, sarif, github or junit.")
    var format: ReportFormat = .human

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to PATH in the same run; repeatable.", valueName: "FORMAT=PATH"))
    var reports: [String] = []

    @Option(help: "Configuration file instead of the discovered replykit.yaml.")
    var config: String?

    @Option(help: "Exit 1 when there are more than N warnings.")
    var maxWarnings: Int?

    @Option(name: .customLong("rule"), help: ArgumentHelp("Override a rule's severity (error, warning, info, off); repeatable.", valueName: "ID=SEVERITY"))
    var rules: [String] = []

    @Flag(help: "Report errors only.")
    var quiet = false

    @Flag(help: "Apply the fixes of fixable rules in place (atomically), each only if the file and the reply read as intended afterwards, then report what remains.")
    var fix = false

    @Flag(help: "No colours (also off when stdout is not a terminal or NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        for report in reports {
            let parts = report.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, ReportFormat(rawValue: String(parts[0])) != nil, !parts[1].isEmpty else {
                throw ValidationError("--report \(report): expected FORMAT=PATH with FORMAT one of human, json, sarif, github, junit")
            }
        }
    }

    func run() throws {
        var options = LintRun.Options()
        options.paths = paths.isEmpty ? ["."] : paths.map(PathText.relativeToCurrentDirectory)
        options.format = format
        options.reports = reports.map { report in
            let parts = report.split(separator: "=", maxSplits: 1).map(String.init)
            return (ReportFormat(rawValue: parts[0])!, parts[1])
        }
        options.configurationPath = config
        options.maxWarnings = maxWarnings
        options.ruleOverrides = rules
        options.quiet = quiet
        options.fix = fix
        options.colors = Terminal.wantsColor(flagOff: noColor)
        options.toolVersion = ReplyKitCommand.configuration.version
        let outcome = LintRun(options: options).run()
        for report in outcome.reports {
            do {
                try Data(report.contents.utf8).write(to: URL(fileURLWithPath: report.path), options: .atomic)
            } catch {
                Terminal.writeError("error: cannot write the report \(report.path): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
        Terminal.write(outcome.stdout)
        Terminal.writeError(outcome.stderr)
        // Everything is written: end the process here, as compilers do, instead of freeing the
        // repository template by template on the way out.
        Foundation.exit(outcome.exitCode)
    }
}

extension ReportFormat: ExpressibleByArgument {}

enum Terminal {
    /// Colour only on a terminal, never with `NO_COLOR` (any non-empty value) or `--no-color`.
    static func wantsColor(flagOff: Bool) -> Bool {
        if flagOff { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
