import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import ReplyServer
import ServerArguments

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve renders and checks over HTTP (docs/service.md)."
    )

    @OptionGroup var arguments: ServeArguments

    func run() async throws {
        // Route handlers then run on the event loop that read the request instead of hopping to
        // Swift's global pool and back for every request. Nothing of the server's may block a
        // task: reloads load and lint on a Dispatch thread (LibraryReloader's `offThread`).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let logger = ServerLogging.logger(level: Logger.Level(rawValue: arguments.logLevel) ?? .info)
        var options = ServerOptions()
        options.templates = arguments.templates ?? "."
        options.host = arguments.host
        options.port = arguments.port
        options.watch = arguments.watch
        options.maxBody = arguments.maxBody
        options.maxBatch = arguments.maxBatch
        options.requestTimeout = .seconds(arguments.requestTimeout)
        options.logValues = arguments.logValues
        if let tokenFile = arguments.tokenFile {
            do { options.tokens = try ServerOptions.tokens(fromFile: tokenFile) } catch {
                logger.error("cannot start", metadata: ["problem": .string(error.message)])
                throw ExitCode(2)
            }
        }
        let store = try ServerLogging.loadOrExit(options.templates, logger: logger)
        try await ReplyHTTPServer(options: options, store: store, logger: logger).run()
    }
}
