internal import Hummingbird
internal import ReplyKitSupport

/// An error the service answers with: a status and `{"error": {"code", "message", "variable"}}`.
struct ServiceError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var headers: HTTPFields = [:]

    var response: Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let body = ReplyAPI.error(code, message).serialized() + "\n"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
