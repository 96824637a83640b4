import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ReplyServer
import Testing

/// A `replykit serve` in process, on the repository's example packs unless a test gives others,
/// driven through HummingbirdTesting's router client.
struct TestServer {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("templates").path

    /// The example packs, loaded once: every test that does not reload shares them.
    static let exampleLibrary: ServedLibrary = {
        switch ServedLibrary.load(examples) {
        case .success(let served): return served
        case .failure(let failure): fatalError("the example packs do not load: \(failure.message) \(failure.diagnostics)")
        }
    }()

    let server: ReplyHTTPServer

    init(options: ServerOptions = ServerOptions(), store: LibraryStore? = nil) {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = ReplyHTTPServer(options: options, store: store ?? LibraryStore(serving: Self.exampleLibrary), logger: logger)
    }

    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// POSTs `body` and returns the status and the body parsed as JSON.
    func post(_ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> (status: Int, json: [String: Any]) {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            (Int(response.status.code), (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> (status: Int, text: String, headers: HTTPFields) {
        try await execute(uri: uri, method: .get, headers: headers) { response in
            (Int(response.status.code), String(buffer: response.body), response.headers)
        }
    }
}

/// The `error.code` of an error body.
func errorCode(_ json: [String: Any]) -> String? {
    (json["error"] as? [String: Any])?["code"] as? String
}
