import Foundation
import Hummingbird
import HummingbirdTesting
import ReplyServer
import Testing

@Suite("metrics, probes and the OpenAPI document")
struct MetricsAndOpenAPITests {
    @Test("/metrics counts requests by route and status, with latency histograms and the library's version")
    func metrics() async throws {
        try await TestServer().test { client in
            _ = try await client.post("/v1/render", #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#)
            _ = try await client.post("/v1/render", #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 0}}"#)
            _ = try await client.post("/v1/render", #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 0}}"#)
            let (status, text, headers) = try await client.get("/metrics")
            #expect(status == 200)
            #expect(headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(text.contains(#"replykit_http_requests_total{route="/v1/render",method="POST",status="200"} 1"#))
            #expect(text.contains(#"replykit_http_requests_total{route="/v1/render",method="POST",status="422"} 2"#))
            #expect(text.contains(#"replykit_http_request_duration_seconds_count{route="/v1/render"} 3"#))
            #expect(text.contains(#"replykit_library_info{version="\#(TestServer.exampleLibrary.version)"} 1"#))
            #expect(text.contains("replykit_library_loaded_timestamp_seconds "))
            #expect(text.contains("replykit_library_reloads_total 0"))
        }
    }

    @Test("/healthz and /readyz; /readyz is 503 once a shutdown begins")
    func probes() async throws {
        let server = TestServer()
        try await server.test { client in
            let healthStatus = try await client.get("/healthz").status
            #expect(healthStatus == 200)
            let readinessStatus = try await client.get("/readyz").status
            #expect(readinessStatus == 200)
            server.server.state.beginDraining()
            let draining = try await client.get("/readyz")
            #expect(draining.status == 503)
            #expect(draining.text.contains("shutting down"))
            let healthStatus2 = try await client.get("/healthz").status
            #expect(healthStatus2 == 200)
        }
    }

    @Test("/readyz is 503 and renders are 503 not-ready before a library loads")
    func notReady() async throws {
        let server = TestServer(store: LibraryStore(path: "/nonexistent"))
        try await server.test { client in
            let readinessStatus2 = try await client.get("/readyz").status
            #expect(readinessStatus2 == 503)
            let (status, json) = try await client.post("/v1/render", #"{"template": "a/b"}"#)
            #expect(status == 503)
            #expect(errorCode(json) == "not-ready")
        }
    }

    /// `METHOD path` of every operation in the committed document.
    static func documentedRoutes() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test("every route of the router is in the OpenAPI document and every operation of the document is a route")
    func routesMatchTheDocument() async throws {
        let router = TestServer().server.router()
        let served = Set(router.routes.map { "\($0.method) \($0.path)" })
        #expect(served == Set(ReplyRoutes.routes))
        #expect(try Self.documentedRoutes() == served)
    }

    @Test("/openapi.json serves the committed document, byte for byte")
    func servesTheCommittedDocument() async throws {
        let committed = try Data(contentsOf: TestServer.packageRoot.appendingPathComponent("Sources/ReplyServer/Resources/openapi.json"))
        try await TestServer().test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(Data(buffer: response.body) == committed)
            }
        }
    }
}
