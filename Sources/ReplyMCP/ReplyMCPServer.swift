package import Foundation
package import Logging
internal import MCP
package import ReplyServer
internal import UnixSignals

/// `replykit mcp`: the tools of ``ReplyTools`` over stdio (JSON-RPC on stdin and stdout; logs on
/// stderr only). SIGHUP reloads the library as `serve` does (a broken version is refused and the old
/// one keeps serving); a new version is announced with `notifications/tools/list_changed`, since
/// `render_reply`'s input schema lists the templates and their variables.
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
                            capabilities: .init(tools: .init(listChanged: true)))
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
        let signals = await UnixSignalsSequence(trapping: .sighup)
        try await server.start(transport: StdioTransport(logger: logger))
        logger.info("mcp server ready on stdio", metadata: ["version": .string(store.library?.version ?? "none")])
        let reloads = Task { await reload(on: signals, server: server) }
        await server.waitUntilCompleted()
        reloads.cancel()
    }

    /// Reloads the library at each signal, off the request path, and tells the client when the
    /// tools' schemas may have changed.
    private func reload(on signals: UnixSignalsSequence, server: Server) async {
        let reloader = LibraryReloader(store: store, state: ServiceState(), metrics: ServerMetrics(), logger: logger,
                                       watch: false, interval: .seconds(1))
        for await _ in signals {
            let before = store.library?.version
            await reloader.reload(because: "SIGHUP")
            guard store.library?.version != before else { continue }
            do {
                try await server.notify(ToolListChangedNotification.message())
            } catch {
                logger.warning("could not announce the new tools", metadata: ["problem": .string("\(error)")])
            }
        }
    }
}

enum ReplyToolsRefusal {
    static var notReady: CallTool.Result {
        CallTool.Result(content: [.text("refused (not-ready): no library is loaded")], isError: true)
    }
}
