import ArgumentParser

@main
struct ReplyKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replykit",
        abstract: "Checks and renders reply templates for brands that answer customers on X.",
        version: "0.1.0",
        subcommands: [LintCommand.self, RenderCommand.self, CompileCommand.self, CountCommand.self, RulesCommand.self]
    )
}
