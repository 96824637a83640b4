import ArgumentParser
import Foundation
import Logging
import ReplyMCP
import ReplyServer
import ServerArguments

struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "A Model Context Protocol server on stdin/stdout with the tools list_templates, render_reply, check_reply and count_text (docs/mcp.md)."
    )

    @OptionGroup var arguments: MCPArguments

    func run() async throws {
        let logger = ServerLogging.logger(level: Logger.Level(rawValue: arguments.logLevel) ?? .info)
        let store = try ServerLogging.loadOrExit(arguments.templates ?? ".", logger: logger)
        try await ReplyMCPServer(store: store, logger: logger).run(version: ReplyKitServerCommand.configuration.version)
    }
}

enum ServerLogging {
    static func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "replykit") { label in JSONLineLogHandler(label: label, level: level) }
        logger.logLevel = level
        return logger
    }

    /// The library at `path`, or exit 2 with lint's findings logged: a server does not start on a
    /// library it would refuse on a reload.
    static func loadOrExit(_ path: String, logger: Logger) throws -> LibraryStore {
        switch ServedLibrary.load(path) {
        case .success(let served):
            logger.info("library loaded", metadata: [
                "source": .string(path), "version": .string(served.version),
                "templates": .stringConvertible(served.catalogue.templates.count),
            ])
            return LibraryStore(serving: served)
        case .failure(let failure):
            logger.error("cannot start: the library is refused", metadata: [
                "source": .string(path), "problem": .string(failure.message),
                "diagnostics": .array(failure.diagnostics.prefix(50).map { .string($0) }),
            ])
            throw ExitCode(2)
        }
    }
}
