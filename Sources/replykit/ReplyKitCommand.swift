import ArgumentParser
import Foundation

@main
struct ReplyKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replykit",
        abstract: "Checks and renders reply templates for brands that answer customers on X.",
        version: "0.1.0",
        subcommands: [LintCommand.self, RenderCommand.self, CompileCommand.self, CountCommand.self, CheckCommand.self, RulesCommand.self, SchemaCommand.self, XLIFFCommand.self, PreviewCommand.self, LSPCommand.self,
                      ServeCommand.self, MCPCommand.self]
    )

    /// Runs the command as ArgumentParser's `main()` does, with cli.md's exit code for usage errors.
    ///
    /// ArgumentParser exits 64 (EX_USAGE) for an unknown option, a missing or bad value or a
    /// `ValidationError`; cli.md documents 2 for a command that could not do its job. The message
    /// is ArgumentParser's own; help and `--version` still print on stdout and exit 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Terminal.writeError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}
