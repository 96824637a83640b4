import Foundation
import Hummingbird
import HummingbirdTesting
import ReplyServer
import Testing

@Suite("POST /v1/render/batch")
struct BatchRouteTests {
    static func lines(_ body: ByteBuffer) -> [[String: Any]] {
        String(buffer: body).split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? ["unparsed": String($0)]
        }
    }

    @Test("one output line per input line, in order; a bad line gives its error and the rest go on")
    func badLinesDoNotStopTheBatch() async throws {
        let input = [
            #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#,
            "not json",
            #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 99}}"#,
            "",
            #"{"template": "acme-air/refund-delay", "locale": "fr-FR", "values": {"first_name": "Léa", "days": 2}}"#,
        ].joined(separator: "\r\n")
        try await TestServer().test { client in
            try await client.execute(uri: "/v1/render/batch", method: .post, body: ByteBuffer(string: input)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/x-ndjson")
                let lines = Self.lines(response.body)
                #expect(lines.count == 5)
                guard lines.count == 5 else { return }
                #expect((lines[0]["text"] as? String)?.contains("Ana") == true)
                #expect(errorCode(lines[1]) == "invalid-request")
                #expect(errorCode(lines[2]) == "invalid-value")
                #expect(errorCode(lines[3]) == "invalid-request")
                #expect(lines[4]["locale"] as? String == "fr-FR")
            }
        }
    }

    @Test("past --max-batch lines, one error line says so and nothing more is rendered")
    func maxBatch() async throws {
        var options = ServerOptions()
        options.maxBatch = 3
        let line = #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#
        let input = Array(repeating: line, count: 5).joined(separator: "\n") + "\n"
        try await TestServer(options: options).test { client in
            try await client.execute(uri: "/v1/render/batch", method: .post, body: ByteBuffer(string: input)) { response in
                let lines = Self.lines(response.body)
                #expect(lines.count == 4)
                #expect(lines.prefix(3).allSatisfy { $0["text"] is String })
                #expect(lines.last.flatMap(errorCode) == "too-many-lines")
            }
        }
    }

    @Test("a batch larger than --max-body is refused with 413 before any line renders")
    func maxBody() async throws {
        var options = ServerOptions()
        options.maxBody = 200
        let line = #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#
        let input = Array(repeating: line, count: 5).joined(separator: "\n")
        try await TestServer(options: options).test { client in
            let (status, json) = try await client.post("/v1/render/batch", input)
            #expect(status == 413)
            #expect(errorCode(json) == "too-large")
        }
    }
}
