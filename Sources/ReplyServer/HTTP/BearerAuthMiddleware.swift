internal import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with one of the configured tokens on every route but the
/// probes and the OpenAPI document. Tokens are compared in time that depends on their lengths only.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: [[UInt8]]
    static var openPaths: Set<String> { ["/healthz", "/readyz", "/openapi.json"] }

    init(tokens: [String]) {
        self.tokens = tokens.map { Array($0.utf8) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if tokens.isEmpty || Self.openPaths.contains(request.uri.path) { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw ServiceError(status: .unauthorized, code: "unauthorized", message: "this service needs `Authorization: Bearer TOKEN`",
                               headers: [.wwwAuthenticate: "Bearer"])
        }
        let presented = Array(header.utf8.dropFirst(7))
        // Every token is compared, whichever matches, so the time says nothing about which did.
        var matched = false
        for token in tokens { matched = Self.constantTimeEqual(token, presented) || matched }
        guard matched else {
            throw ServiceError(status: .unauthorized, code: "unauthorized", message: "the bearer token is not one this service accepts",
                               headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""])
        }
        return try await next(request, context)
    }

    /// Whether `a` and `b` are equal, in time that depends on their lengths and not their bytes.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
