package import Foundation
internal import Hummingbird
internal import Logging
internal import ReplyKitSupport

/// The service's routes (docs/service.md; the committed OpenAPI document lists them).
package struct ReplyRoutes: Sendable {
    let store: LibraryStore
    let state: ServiceState
    let metrics: ServerMetrics
    let options: ServerOptions

    /// Every route, as `METHOD path`: what the OpenAPI conformance test compares with the document.
    package static let routes = [
        "POST /v1/render", "POST /v1/render/batch", "POST /v1/check", "GET /v1/templates",
        "GET /healthz", "GET /readyz", "GET /metrics", "GET /openapi.json",
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/render") { request, _ in try await render(request) }
        router.post("/v1/render/batch") { request, _ in try batch(request) }
        router.post("/v1/check") { request, _ in try await check(request) }
        router.get("/v1/templates") { request, _ in try templates(request) }
        router.get("/healthz") { _, _ in json(200, .object([("status", .string("ok"))])) }
        router.get("/readyz") { _, _ in readiness() }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
    }

    private func serving() throws -> ServedLibrary {
        guard let served = store.library else {
            throw ServiceError(status: .serviceUnavailable, code: "not-ready", message: "no library is loaded yet")
        }
        return served
    }

    /// The whole body as UTF-8 text, within the size limit and the request's time.
    ///
    /// The time is checked as each part of the body arrives, not raced against a timer (which
    /// would cost a task group and a timer per request); a connection that sends nothing at all
    /// is closed by the server's idle timeout, `--request-timeout` plus 5 s.
    private func text(of request: Request) async throws -> String {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBody {
            throw tooLarge()
        }
        let deadline = ContinuousClock.now + options.requestTimeout
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard chunk.readableBytes <= options.maxBody - buffer.readableBytes else { throw tooLarge() }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
            if ContinuousClock.now > deadline { throw timedOut() }
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw ServiceError(status: .badRequest, code: "invalid-request", message: "the body is not UTF-8")
        }
        return text
    }

    private func tooLarge() -> ServiceError {
        ServiceError(status: .contentTooLarge, code: "too-large",
                     message: "the body is larger than \(options.maxBody) bytes, the most this service takes")
    }

    private func timedOut() -> ServiceError {
        ServiceError(status: .requestTimeout, code: "timeout", message: "the request took longer than the service allows")
    }

    private func render(_ request: Request) async throws -> Response {
        let served = try serving()
        let answer = ReplyAPI.render(try await text(of: request), served)
        return json(answer.status, answer.body)
    }

    private func check(_ request: Request) async throws -> Response {
        let served = try serving()
        let answer = ReplyAPI.check(try await text(of: request), served)
        return json(answer.status, answer.body)
    }

    private func templates(_ request: Request) throws -> Response {
        let served = try serving()
        let brand = request.uri.queryParameters["brand"].map(String.init)
        if let brand, served.catalogue.brand(brand) == nil {
            return json(404, ReplyAPI.error("unknown-brand", "no brand `\(brand)` in the library"))
        }
        guard case .object(var fields) = served.catalogue.json(at: Date(), brand: brand) else { return json(500, .null) }
        fields.insert(("version", .string(served.version)), at: 0)
        fields.insert(("loaded_at", .string(Catalogue.iso(served.loadedAt.timeIntervalSince1970))), at: 1)
        return json(200, .object(fields))
    }

    private func readiness() -> Response {
        guard !state.draining else {
            return json(503, .object([("ready", .bool(false)), ("reason", .string("shutting down"))]))
        }
        guard let served = store.library else {
            return json(503, .object([("ready", .bool(false)), ("reason", .string("no library is loaded yet"))]))
        }
        return json(200, .object([("ready", .bool(true)), ("version", .string(served.version))]))
    }

    /// JSON Lines in, JSON Lines out as each line is rendered; a bad line gives its error line and
    /// the rest go on. The limits end the batch with one error line saying which was reached.
    private func batch(_ request: Request) throws -> Response {
        let served = try serving()
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBody {
            throw tooLarge()
        }
        let (maxBody, maxLines) = (options.maxBody, options.maxBatch)
        let deadline = ContinuousClock.now + options.requestTimeout
        let body = request.body
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: ResponseBody { writer in
            var splitter = LineSplitter()
            var received = 0, lines = 0
            var stop: JSONValue?
            let now = Date()
            func answer(_ lines: [[UInt8]], into output: inout ByteBuffer) {
                for line in lines {
                    let text = String(validating: line, as: UTF8.self)
                    let body = text.map { ReplyAPI.render($0, served, now: now).body }
                        ?? ReplyAPI.error("invalid-request", "the line is not UTF-8")
                    output.writeString(body.serialized())
                    output.writeInteger(UInt8(ascii: "\n"))
                }
            }
            for try await chunk in body {
                received += chunk.readableBytes
                if received > maxBody {
                    stop = ReplyAPI.error("too-large", "the batch is larger than \(maxBody) bytes: the lines after this one are not rendered")
                    break
                }
                var complete = splitter.feed(chunk)
                if lines + complete.count > maxLines {
                    complete = Array(complete.prefix(max(0, maxLines - lines)))
                    stop = ReplyAPI.error("too-many-lines", "the batch has more than \(maxLines) lines: the lines after this one are not rendered")
                }
                lines += complete.count
                var output = ByteBuffer()
                answer(complete, into: &output)
                if output.readableBytes > 0 { try await writer.write(output) }
                if stop != nil { break }
                if ContinuousClock.now > deadline {
                    stop = ReplyAPI.error("timeout", "the batch took longer than the service allows: the lines after this one are not rendered")
                    break
                }
            }
            var output = ByteBuffer()
            if let stop {
                output.writeString(stop.serialized() + "\n")
            } else if let last = splitter.finish() {
                if lines < maxLines {
                    answer([last], into: &output)
                } else {
                    output.writeString(ReplyAPI.error("too-many-lines", "the batch has more than \(maxLines) lines: the lines after this one are not rendered").serialized() + "\n")
                }
            }
            if output.readableBytes > 0 { try await writer.write(output) }
            try await writer.finish(nil)
        })
    }
}

/// A JSON response; an error's code goes in a header the log middleware reads and removes.
func json(_ status: Int, _ body: JSONValue) -> Response {
    var headers: HTTPFields = [.contentType: "application/json"]
    if status >= 400, case .object(let fields) = body, let error = fields.first(where: { $0.0 == "error" })?.1,
       case .string(let code)? = error["code"] {
        headers[ServiceHeaders.errorCode] = code
    }
    return Response(status: HTTPResponse.Status(code: status), headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: body.serialized() + "\n")))
}
