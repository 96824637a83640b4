import ArgumentParser

/// `replykit-server serve|mcp`: what `replykit serve` and `replykit mcp` run (they exec this
/// program, found beside themselves).
@main
struct ReplyKitServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replykit-server",
        abstract: "The ReplyKit HTTP service and MCP server (run as `replykit serve` and `replykit mcp`).",
        version: "0.1.0",
        subcommands: [ServeCommand.self, MCPCommand.self]
    )
}
