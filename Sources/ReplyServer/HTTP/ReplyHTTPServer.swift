package import Foundation
package import Hummingbird
package import Logging
internal import NIOCore
internal import ServiceLifecycle

/// `replykit serve`: the routes of docs/service.md on Hummingbird, with the library store, the
/// reloader, metrics, auth and limits put together.
package struct ReplyHTTPServer: Sendable {
    package let options: ServerOptions
    package let store: LibraryStore
    package let state = ServiceState()
    package let metrics = ServerMetrics()
    package let logger: Logger

    package init(options: ServerOptions, store: LibraryStore, logger: Logger) {
        self.options = options
        self.store = store
        self.logger = logger
        if let served = store.library {
            metrics.libraryLoaded(version: served.version, at: served.loadedAt, templates: served.catalogue.templates.count)
        }
    }

    /// The router with its middlewares: what tests drive in process.
    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics, logger: logger, logValues: options.logValues,
                                                    maxBody: options.maxBody))
        router.add(middleware: BearerAuthMiddleware(tokens: options.tokens))
        ReplyRoutes(store: store, state: state, metrics: metrics, options: options).add(to: router)
        return router
    }

    package var reloader: LibraryReloader {
        LibraryReloader(store: store, state: state, metrics: metrics, logger: logger, watch: options.watch,
                        interval: options.watchInterval)
    }

    /// The application: the server, and the reloader as a service beside it. SIGTERM and SIGINT
    /// begin a graceful shutdown: no new connections, the requests in flight finish.
    package func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let idle = options.requestTimeout.components.seconds + 5
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(idle))),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "replykit"),
            services: [reloader],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs until SIGTERM or SIGINT, logging where it listens.
    package func run() async throws {
        let app = application { port in
            logger.info("listening", metadata: [
                "address": .string("http://\(options.host):\(port)"), "port": .stringConvertible(port),
                "version": .string(store.library?.version ?? "none"),
            ])
        }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
