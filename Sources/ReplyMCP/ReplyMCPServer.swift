package import Foundation
package import Logging
internal import MCP
package import ReplyServer

/// `replykit mcp`: the tools of ``ReplyTools`` over stdio (JSON-RPC on stdin and stdout; logs on
/// stderr only).
package struct ReplyMCPServer: Sendable {
    package let store: LibraryStore
    package let logger: Logger

    package init(store: LibraryStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Serves until the client closes standard input.
    package func run(version: String) async throws {
        let server = Server(name: "replykit", version: version,
                            instructions: "Draft replies with render_reply (the library renders only what its templates allow) or check a reply you wrote with check_reply; post only a rendered reply or one check_reply passes.",
                            capabilities: .init(tools: .init(listChanged: false)))
        let tools = ReplyTools()
        let store = store
        await server.withMethodHandler(ListTools.self) { _ in
            guard let served = store.library else { return ListTools.Result(tools: []) }
            return ListTools.Result(tools: tools.tools(served))
        }
        await server.withMethodHandler(CallTool.self) { parameters in
            guard let served = store.library else {
                return ReplyToolsRefusal.notReady
            }
            return tools.call(parameters.name, arguments: parameters.arguments, served: served)
        }
        try await server.start(transport: StdioTransport(logger: logger))
        logger.info("mcp server ready on stdio", metadata: ["version": .string(store.library?.version ?? "none")])
        await server.waitUntilCompleted()
    }
}

enum ReplyToolsRefusal {
    static var notReady: CallTool.Result {
        CallTool.Result(content: [.text("refused (not-ready): no library is loaded")], isError: true)
    }
}
