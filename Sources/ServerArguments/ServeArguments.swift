public import ArgumentParser

/// The options of `serve` (docs/service.md), declared once for `replykit serve`, which must answer
/// `--help` without the server built, and for `replykit-server serve`, which runs it.
public struct ServeArguments: ParsableArguments {
    @Option(help: "Packs (a repository, templates or brand folder) or a bundle from `replykit compile` (default: discovered from the current directory).")
    public var templates: String?

    @Option(help: "The address to listen on (default: 127.0.0.1, loopback only).")
    public var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the `listening` log line says which).")
    public var port: Int = 8080

    @Option(name: .customLong("token-file"), help: "Require `Authorization: Bearer TOKEN` with a token from FILE (one a line).")
    public var tokenFile: String?

    @Flag(help: "Reload when the packs or the bundle change.")
    public var watch = false

    @Option(name: .customLong("max-body"), help: "The largest request body in bytes, of a batch too (default 1048576).")
    public var maxBody: Int = 1 << 20

    @Option(name: .customLong("max-batch"), help: "The most lines a batch may have (default 10000).")
    public var maxBatch: Int = 10_000

    @Option(name: .customLong("request-timeout"), help: "Seconds a request may take, a batch's streaming included (default 10).")
    public var requestTimeout: Int = 10

    @Flag(name: .customLong("log-values"), help: "Put request bodies (customers' values) in the request log lines.")
    public var logValues = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info (default: one line a request), notice, warning, error.")
    public var logLevel: String = "info"

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be at least 1") }
        guard maxBatch > 0 else { throw ValidationError("--max-batch must be at least 1") }
        guard (1...3600).contains(requestTimeout) else { throw ValidationError("--request-timeout must be 1 to 3600 seconds") }
        try LogLevels.validate(logLevel)
    }
}

/// The options of `mcp` (docs/mcp.md), for `replykit mcp` and `replykit-server mcp`.
public struct MCPArguments: ParsableArguments {
    @Option(help: "Packs (a repository, templates or brand folder) or a bundle from `replykit compile` (default: discovered from the current directory).")
    public var templates: String?

    @Option(name: .customLong("log-level"), help: "Log level on stderr (default: info).")
    public var logLevel: String = "info"

    public init() {}

    public func validate() throws {
        try LogLevels.validate(logLevel)
    }
}

/// swift-log's level names: the servers' `--log-level` takes one. Named here, not read from
/// swift-log, which `replykit` does not link (a test keeps the two lists equal).
public enum LogLevels {
    public static let names = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    static func validate(_ level: String) throws {
        guard names.contains(level) else { throw ValidationError("--log-level: `\(level)` is not a level") }
    }
}
