import Foundation
import Hummingbird
import HummingbirdTesting
import ReplyServer
import Testing

@Suite("bearer tokens and limits")
struct AuthAndLimitTests {
    static let render = #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#

    static func server() -> TestServer {
        var options = ServerOptions()
        options.tokens = ["s3cret-token-one", "another-token"]
        return TestServer(options: options)
    }

    @Test("without a token, or with a wrong one, /v1 routes and /metrics are 401 JSON errors", arguments: [
        nil, "Bearer wrong", "Bearer s3cret-token-on", "Bearer s3cret-token-one-more", "Basic s3cret-token-one", "s3cret-token-one",
    ] as [String?])
    func refused(authorization: String?) async throws {
        var fields: HTTPFields = [:]
        if let authorization { fields[.authorization] = authorization }
        let headers = fields
        try await Self.server().test { client in
            let (status, json) = try await client.post("/v1/render", Self.render, headers: headers)
            #expect(status == 401)
            let challenge = try await client.execute(uri: "/v1/render", method: .post, headers: headers,
                                                     body: ByteBuffer(string: Self.render)) { $0.headers[.wwwAuthenticate] }
            #expect(challenge?.hasPrefix("Bearer") == true)
            #expect(errorCode(json) == "unauthorized")
            let metricsStatus = try await client.get("/metrics", headers: headers).status
            #expect(metricsStatus == 401)
            let catalogueStatus = try await client.get("/v1/templates", headers: headers).status
            #expect(catalogueStatus == 401)
        }
    }

    @Test("any of the file's tokens is accepted", arguments: ["s3cret-token-one", "another-token"])
    func accepted(token: String) async throws {
        try await Self.server().test { client in
            let (status, _) = try await client.post("/v1/render", Self.render, headers: [.authorization: "Bearer \(token)"])
            #expect(status == 200)
        }
    }

    @Test("the probes and the OpenAPI document need no token")
    func probesAreOpen() async throws {
        try await Self.server().test { client in
            let healthStatus = try await client.get("/healthz").status
            #expect(healthStatus == 200)
            let readinessStatus = try await client.get("/readyz").status
            #expect(readinessStatus == 200)
            let documentStatus = try await client.get("/openapi.json").status
            #expect(documentStatus == 200)
        }
    }

    @Test("a token file: one token a line, blank lines and comments skipped; an empty one refused")
    func tokenFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)").path
        try "# deploy tokens\n\n  first-token  \nsecond\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ServerOptions.tokens(fromFile: path) == ["first-token", "second"])
        try "# none\n\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ServedLibrary.LoadFailure.self) { try ServerOptions.tokens(fromFile: path) }
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test("a body larger than --max-body is 413, with or without a Content-Length")
    func maxBody() async throws {
        var options = ServerOptions()
        options.maxBody = 64
        try await TestServer(options: options).test { client in
            let (status, json) = try await client.post("/v1/render", Self.render)
            #expect(status == 413)
            #expect(errorCode(json) == "too-large")
            let check = try await client.post("/v1/check", #"{"brand": "acme-air", "text": "\#(String(repeating: "x", count: 100))"}"#)
            #expect(check.status == 413)
        }
    }
}
