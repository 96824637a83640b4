import ArgumentParser

/// `replykit serve`: runs `replykit-server serve` (docs/service.md); the options are declared here
/// too, so that `--help` works without the server built.
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

    @Option(help: "Packs (a repository, templates or brand folder) or a bundle from `replykit compile` (default: discovered from the current directory).")
    var templates: String?

    @Option(help: "The address to listen on (default: 127.0.0.1, loopback only).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the `listening` log line says which).")
    var port: Int = 8080

    @Option(name: .customLong("token-file"), help: "Require `Authorization: Bearer TOKEN` with a token from FILE (one a line).")
    var tokenFile: String?

    @Flag(help: "Reload when the packs or the bundle change.")
    var watch = false

    @Option(name: .customLong("max-body"), help: "The largest request body in bytes, of a batch too (default 1048576).")
    var maxBody: Int = 1 << 20

    @Option(name: .customLong("max-batch"), help: "The most lines a batch may have (default 10000).")
    var maxBatch: Int = 10_000

    @Option(name: .customLong("request-timeout"), help: "Seconds a request may take, a batch's streaming included (default 10).")
    var requestTimeout: Int = 10

    @Flag(name: .customLong("log-values"), help: "Put request bodies (customers' values) in the request log lines.")
    var logValues = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info (default: one line a request), notice, warning, error.")
    var logLevel: String = "info"

    func run() throws {
        try ServerExec.run("serve")
    }
}
