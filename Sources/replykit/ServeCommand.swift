import ArgumentParser
import ServerArguments

/// `replykit serve`: runs `replykit-server serve` (docs/service.md); its options are the server's
/// own, so that `--help` and their checks work without the server built.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve renders and checks over HTTP (runs replykit-server; docs/service.md).",
        discussion: """
            Routes: POST /v1/render, POST /v1/render/batch, POST /v1/check, GET /v1/templates, \
            GET /healthz, GET /readyz, GET /metrics, GET /openapi.json. SIGHUP reloads the packs or \
            bundle (a version lint refuses is logged and the old one keeps serving); SIGTERM finishes \
            the requests in flight and stops. Needs replykit-server beside replykit \
            (`swift build --product replykit-server`).
            """
    )

    @OptionGroup var arguments: ServeArguments

    func run() throws {
        try ServerExec.run("serve")
    }
}
