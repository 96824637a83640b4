package import Foundation
internal import Hummingbird
internal import HTTPTypes
internal import Logging
internal import Synchronization

/// The outermost middleware: turns every error into a JSON error response (never a stack trace or
/// an internal message), counts the request and its latency, and logs one line for it.
///
/// The line has the method, route, status, duration and request id, and a render error's code; the
/// request's values (customers' words) only with `--log-values`.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let logger: Logger
    let logValues: Bool
    let maxBody: Int
    private let ids = RequestIDs()

    init(metrics: ServerMetrics, logger: Logger, logValues: Bool, maxBody: Int) {
        self.metrics = metrics
        self.logger = logger
        self.logValues = logValues
        self.maxBody = maxBody
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        var failure: String?
        var body: String?
        do {
            var request = request
            if logValues, request.method == .post {
                // Buffered here so that the route reads the same bytes the log line quotes.
                let buffer = try await request.collectBody(upTo: maxBody)
                body = String(buffer: buffer.getSlice(at: buffer.readerIndex, length: min(buffer.readableBytes, 4096)) ?? buffer)
            }
            response = try await next(request, context)
        } catch let error as ServiceError {
            response = error.response
            failure = error.code
        } catch let error as HTTPError {
            let (code, message) = Self.describe(error.status)
            response = ServiceError(status: error.status, code: code, message: message, headers: error.headers).response
            failure = code
        } catch {
            response = ServiceError(status: .internalServerError, code: "internal-error",
                                    message: "the service could not answer this request").response
            failure = "internal-error"
        }
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: response.status.code, duration: elapsed)
        if logger.logLevel <= .info {
            var metadata: Logger.Metadata = [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path), "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(Self.milliseconds(elapsed)),
                "request_id": .string(request.headers[ServiceHeaders.requestID] ?? ids.next()),
            ]
            if let failure { metadata["error"] = .string(failure) }
            if let code = response.headers[ServiceHeaders.errorCode] { metadata["error"] = .string(code) }
            if let body { metadata["body"] = .string(body) }
            logger.info("request", metadata: metadata)
        }
        response.headers[ServiceHeaders.errorCode] = nil
        return response
    }

    /// `elapsed` in milliseconds with three decimals.
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let micros = seconds.multipliedReportingOverflow(by: 1_000_000).partialValue &+ attoseconds / 1_000_000_000_000
        return "\(micros / 1000)." + JSONLineLogHandler.pad(Int(micros % 1000), 3)
    }

    static func describe(_ status: HTTPResponse.Status) -> (code: String, message: String) {
        switch status.code {
        case 400: ("invalid-request", "the request is not one this service takes")
        case 404: ("not-found", "no such route (GET /openapi.json lists them)")
        case 405: ("method-not-allowed", "the route does not take this method")
        case 408, 504: ("timeout", "the request took longer than the service allows")
        case 413: ("too-large", "the request body is larger than the service allows")
        case 401: ("unauthorized", "this service needs `Authorization: Bearer TOKEN`")
        default: ("http-\(status.code)", status.reasonPhrase.lowercased())
        }
    }
}

/// Response headers the middlewares read and remove before the response leaves.
enum ServiceHeaders {
    /// The code of an error answered as a response (not thrown), for the request's log line.
    static let errorCode = HTTPField.Name("x-replykit-error-code")!
    /// A caller's own id for a request, logged with it.
    static let requestID = HTTPField.Name("x-request-id")!
}

/// Request ids for requests that bring none: the process's start time and a counter.
final class RequestIDs: Sendable {
    private let prefix = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    private let counter = Atomic<UInt64>(0)

    func next() -> String {
        let (value, _) = counter.wrappingAdd(1, ordering: .relaxed)
        return "\(prefix)-\(String(value, radix: 36))"
    }
}
