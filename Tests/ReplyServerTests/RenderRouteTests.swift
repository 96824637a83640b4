import Foundation
import Hummingbird
import HummingbirdTesting
import ReplyKit
import ReplyServer
import Testing

@Suite("POST /v1/render")
struct RenderRouteTests {
    @Test("a request renders the reply the library renders, in the json format")
    func rendersAsTheLibraryDoes() async throws {
        let expected = try TestServer.exampleLibrary.library.render(RenderRequest(
            template: "acme-air/refund-delay", locale: "es-MX", values: ["first_name": "Ana", "days": 3], key: "1790000000000000001"))
        try await TestServer().test { client in
            let (status, json) = try await client.post("/v1/render", #"{"template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "Ana", "days": 3}, "key": "1790000000000000001"}"#)
            #expect(status == 200)
            #expect(json["text"] as? String == expected.text)
            #expect(json["weighted_length"] as? Int == expected.weightedLength)
            #expect(json["locale"] as? String == "es-MX")
            #expect(json["template"] as? String == "acme-air/refund-delay")
            #expect(json["deep_link"] as? String == expected.deepLink)
        }
    }

    @Test("errors are JSON with the status that fits", arguments: [
        (#"{"template": "acme-air/refund-delay""#, 400, "invalid-request"),
        (#"[1, 2]"#, 400, "invalid-request"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}, "at": "2020-01-01"}"#, 400, "invalid-request"),
        (#"{"template": "acme-air/no-such-template"}"#, 404, "unknown-template"),
        (#"{"template": "acme-air/refund-delay", "locale": "no!", "values": {"first_name": "Ana", "days": 3}}"#, 404, "unknown-locale"),
        (#"{"template": "globex-mobile/roaming-offer", "values": {"first_name": "Ana", "plan": "business"}}"#, 409, "campaign-closed"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 999}}"#, 422, "invalid-value"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana"}}"#, 422, "missing-value"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "@everyone", "days": 3}}"#, 422, "invalid-value"),
    ])
    func errorStatuses(body: String, status: Int, code: String) async throws {
        try await TestServer().test { client in
            let (got, json) = try await client.post("/v1/render", body)
            #expect(got == status, "\(json)")
            #expect(errorCode(json) == code, "\(json)")
            #expect((json["error"] as? [String: Any])?["message"] is String)
        }
    }

    @Test("a refused value names the variable")
    func refusalNamesTheVariable() async throws {
        try await TestServer().test { client in
            let (_, json) = try await client.post("/v1/render", #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 0}}"#)
            #expect((json["error"] as? [String: Any])?["variable"] as? String == "days")
        }
    }

    @Test("a body that is not UTF-8 is refused as malformed")
    func notUTF8() async throws {
        try await TestServer().test { client in
            let status = try await client.execute(uri: "/v1/render", method: .post, body: ByteBuffer(bytes: [0x7B, 0xFF, 0xFE, 0x7D])) { Int($0.status.code) }
            #expect(status == 400)
        }
    }

    @Test("an unknown route and a wrong method are JSON errors, not HTML or traces")
    func unknownRoute() async throws {
        try await TestServer().test { client in
            let missing = try await client.get("/v2/render")
            #expect(missing.status == 404)
            #expect(missing.headers[.contentType] == "application/json")
            #expect(missing.text.contains(#""code": "not-found""#))
            let wrongMethod = try await client.get("/v1/render")
            #expect(wrongMethod.status == 404 || wrongMethod.status == 405)
            #expect(wrongMethod.headers[.contentType] == "application/json")
        }
    }
}
