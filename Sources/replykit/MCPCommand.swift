import ArgumentParser
import ServerArguments

/// `replykit mcp`: runs `replykit-server mcp` (docs/mcp.md).
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "A Model Context Protocol server on stdin/stdout: list_templates, render_reply, check_reply, count_text (runs replykit-server; docs/mcp.md).",
        discussion: "Logs go to stderr only. Needs replykit-server beside replykit (`swift build --product replykit-server`)."
    )

    @OptionGroup var arguments: MCPArguments

    func run() throws {
        try ServerExec.run("mcp")
    }
}
