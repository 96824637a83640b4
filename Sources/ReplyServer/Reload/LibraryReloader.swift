internal import Dispatch
package import Foundation
package import Logging
package import ServiceLifecycle
internal import UnixSignals

/// Reloads the library on SIGHUP and, with `--watch`, when its files change; marks the instance
/// draining when a graceful shutdown begins (so `/readyz` turns 503 while requests finish).
package struct LibraryReloader: Service {
    let store: LibraryStore
    let state: ServiceState
    let metrics: ServerMetrics
    let logger: Logger
    let watch: Bool
    let interval: Duration

    package init(store: LibraryStore, state: ServiceState, metrics: ServerMetrics, logger: Logger,
                 watch: Bool, interval: Duration) {
        self.store = store
        self.state = state
        self.metrics = metrics
        self.logger = logger
        self.watch = watch
        self.interval = interval
    }

    package func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        try await withGracefulShutdownHandler {
            try await cancelWhenGracefulShutdown {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await _ in signals { await reload(because: "SIGHUP") }
                    }
                    if watch {
                        group.addTask { await watchFiles() }
                    }
                    await group.next()
                    group.cancelAll()
                }
            }
        } onGracefulShutdown: {
            state.beginDraining()
            logger.info("shutting down: finishing the requests in flight")
        }
    }

    private func watchFiles() async {
        var last = SourceFingerprint.of(store.path)
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let now = await offThread { SourceFingerprint.of(store.path) }
            if now != last {
                last = now
                await reload(because: "files changed")
            }
        }
    }

    /// Loads and checks the new library on a thread of its own, off the request path.
    package func reload(because reason: String) async {
        let outcome = await offThread {
            let outcome = store.reload()
            // The old library and the load's scaffolding are freed by now; give their pages back
            // rather than let each loading thread's malloc arena keep its peak.
            releaseFreeMemory()
            return outcome
        }
        switch outcome {
        case .loaded(let served):
            metrics.reloaded()
            metrics.libraryLoaded(version: served.version, at: served.loadedAt, templates: served.catalogue.templates.count)
            logger.info("reloaded", metadata: ["reason": .string(reason), "version": .string(served.version),
                                               "templates": .stringConvertible(served.catalogue.templates.count)])
        case .unchanged(let served):
            metrics.reloaded()
            logger.info("reloaded: no change", metadata: ["reason": .string(reason), "version": .string(served.version)])
        case .refused(let failure):
            metrics.reloadFailed()
            logger.error("reload refused: the library serving stays", metadata: [
                "reason": .string(reason), "problem": .string(failure.message),
                "serving": .string(store.library?.version ?? "none"),
                "diagnostics": .array(failure.diagnostics.prefix(50).map { .string($0) }),
            ])
        case .busy:
            logger.info("reload skipped: another is under way", metadata: ["reason": .string(reason)])
        }
    }
}

/// Returns freed heap pages to the system (glibc keeps them otherwise).
func releaseFreeMemory() {
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
}

#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)`, which Swift's Glibc module does not export (malloc.h).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// `work` on a Dispatch thread, so that loading thousands of templates does not hold a thread of
/// the pool requests run on.
func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}
