package import Foundation
internal import Synchronization
package import Prometheus

/// The service's Prometheus metrics: requests by route, method and status, latency histograms by
/// route, and the loaded library (its version, when it was loaded, reloads and failed reloads).
///
/// Its own registry, not the process-wide metrics factory: two servers in one process (the tests)
/// count apart.
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    private let counters = Mutex<[String: Counter]>([:])
    private let histograms = Mutex<[String: DurationHistogram]>([:])
    private let reloads: Counter
    private let failedReloads: Counter
    private let library = Mutex<(version: String, loadedAt: Date, templates: Int)?>(nil)

    /// From 0.1 ms to 10 s: renders take well under a millisecond, batches and checks longer.
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    package init() {
        reloads = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "replykit", subsystem: "library", metricName: "reloads", unitName: "total",
            helpText: "Reloads of the library that loaded and passed lint (a new or the same version)"))
        failedReloads = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "replykit", subsystem: "library", metricName: "reload_failures", unitName: "total",
            helpText: "Reloads refused: the new version did not load or lint found errors in it"))
    }

    /// Counts one request and its latency.
    package func record(route: String, method: String, status: Int, duration: Duration) {
        let key = "\(route) \(method) \(status)"
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "replykit", subsystem: "http", metricName: "requests", unitName: "total",
                                                 helpText: "HTTP requests by route, method and status"),
                labels: [("route", route), ("method", method), ("status", String(status))])
            counters[key] = counter
            return counter
        }
        counter.increment()
        let histogram = histograms.withLock { histograms in
            if let histogram = histograms[route] { return histogram }
            let histogram = registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(namespace: "replykit", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                                 helpText: "Time from a request's head to its response's head, by route"),
                labels: [("route", route)], buckets: Self.buckets)
            histograms[route] = histogram
            return histogram
        }
        histogram.record(duration)
    }

    package func libraryLoaded(version: String, at time: Date, templates: Int) {
        library.withLock { $0 = (version, time, templates) }
    }

    package func reloaded() { reloads.increment() }
    package func reloadFailed() { failedReloads.increment() }

    /// The Prometheus text exposition of every metric.
    package func exposition() -> [UInt8] {
        var buffer = registry.emitToBuffer()
        if let (version, loadedAt, templates) = library.withLock({ $0 }) {
            let text = """
                # HELP replykit_library_info The library serving: its version (a digest of its files)
                # TYPE replykit_library_info gauge
                replykit_library_info{version="\(version)"} 1
                # HELP replykit_library_loaded_timestamp_seconds When the library serving was loaded
                # TYPE replykit_library_loaded_timestamp_seconds gauge
                replykit_library_loaded_timestamp_seconds \(String(format: "%.3f", loadedAt.timeIntervalSince1970))
                # HELP replykit_library_templates Templates in the library serving
                # TYPE replykit_library_templates gauge
                replykit_library_templates \(templates)

                """
            buffer += Array(text.utf8)
        }
        return buffer
    }
}
