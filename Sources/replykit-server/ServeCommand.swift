import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import ReplyServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve renders and checks over HTTP (docs/service.md)."
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

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be at least 1") }
        guard maxBatch > 0 else { throw ValidationError("--max-batch must be at least 1") }
        guard (1...3600).contains(requestTimeout) else { throw ValidationError("--request-timeout must be 1 to 3600 seconds") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: `\(logLevel)` is not a level") }
    }

    func run() async throws {
        // Route handlers then run on the event loop that read the request instead of hopping to
        // Swift's global pool and back for every request. Nothing of the server's may block a
        // task: reloads load and lint on a Dispatch thread (LibraryReloader's `offThread`).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let logger = ServerLogging.logger(level: Logger.Level(rawValue: logLevel) ?? .info)
        var options = ServerOptions()
        options.templates = templates ?? "."
        options.host = host
        options.port = port
        options.watch = watch
        options.maxBody = maxBody
        options.maxBatch = maxBatch
        options.requestTimeout = .seconds(requestTimeout)
        options.logValues = logValues
        if let tokenFile {
            do { options.tokens = try ServerOptions.tokens(fromFile: tokenFile) } catch {
                logger.error("cannot start", metadata: ["problem": .string(error.message)])
                throw ExitCode(2)
            }
        }
        let store = try ServerLogging.loadOrExit(options.templates, logger: logger)
        try await ReplyHTTPServer(options: options, store: store, logger: logger).run()
    }
}
