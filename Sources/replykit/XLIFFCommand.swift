import ArgumentParser
import Foundation
import ReplyLint
import ReplyCompiler
import ReplyTranslation
import ReplyKitSupport

struct XLIFFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xliff",
        abstract: "Export packs for translators (XLIFF 2.0 or flat JSON) and import their translations.",
        subcommands: [XLIFFExportCommand.self, XLIFFImportCommand.self]
    )
}

extension TranslationRun.FileFormat: ExpressibleByArgument {}

struct XLIFFExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the templates of a locale as XLIFF 2.0 (or flat JSON with a sidecar of notes).",
        discussion: "Per brand a <file>, per template a <unit> with a segment per variant (a DM prefill a unit of its own), the source as written, the current translation and its state, and notes: description, tags, variables and the budget."
    )

    @Argument(help: "The repository, templates folder or brand folder (default: .).")
    var path: String = "."

    @Option(help: "The target locale.")
    var locale: String?

    @Flag(help: "Every locale the brands translate into, one file each (<tag>.xlf) in the --output folder.")
    var allLocales = false

    @Option(help: "Only this brand.")
    var brand: String?

    @Option(help: "The file to write (a folder with --all-locales).")
    var output: String

    @Option(help: "xliff (XLIFF 2.0, default) or json (flat ICU JSON, with <name>.notes.json beside it).")
    var format: TranslationRun.FileFormat = .xliff

    func run() throws {
        var options = TranslationRun.ExportOptions()
        options.path = PathText.relativeToCurrentDirectory(path)
        options.locale = locale
        options.allLocales = allLocales
        options.brand = brand
        options.output = output
        options.format = format
        let outcome = TranslationRun.export(options)
        Terminal.write(outcome.stdout)
        Terminal.writeError(outcome.stderr)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

struct XLIFFImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write translations from XLIFF 2.0 (or flat JSON) files into the packs, each checked first.",
        discussion: "Exit codes: 0 everything was imported, 1 a unit was refused (and, without --partial, nothing of its pack was written), 2 the command could not do its job."
    )

    @Argument(help: "The files to import, then optionally the repository (default: .).")
    var arguments: [String] = []

    @Flag(help: "Write the units that passed even when other units of their pack were refused.")
    var partial = false

    @Option(help: "How refused units are reported on stdout: human, json, sarif or github.")
    var format: ReportFormat = .human

    @Option(help: "The target locale of JSON files (default: from the file name, es-MX.json).")
    var locale: String?

    @Option(help: "Configuration file instead of the discovered replykit.yaml.")
    var config: String?

    @Flag(help: "No colours.")
    var noColor = false

    func validate() throws {
        if format == .junit { throw ValidationError("--format is one of human, json, sarif, github") }
        if arguments.isEmpty { throw ValidationError("give the files to import") }
    }

    func run() throws {
        var options = TranslationRun.ImportOptions()
        var files = arguments
        if let last = files.last, files.count > 1, FileManager.default.fileExists(atPath: last, isDirectory: nil),
           (try? FileManager.default.attributesOfItem(atPath: last)[.type] as? FileAttributeType) == .typeDirectory {
            options.path = PathText.relativeToCurrentDirectory(last)
            files.removeLast()
        }
        options.files = files.map(PathText.relativeToCurrentDirectory)
        options.partial = partial
        options.format = format
        options.locale = locale
        options.configurationPath = config
        options.colors = Terminal.wantsColor(flagOff: noColor)
        options.toolVersion = ReplyKitCommand.configuration.version
        let outcome = TranslationRun.import(options)
        Terminal.write(outcome.stdout)
        Terminal.writeError(outcome.stderr)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
