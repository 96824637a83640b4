import Foundation
@testable import ReplyLSP
import ReplyKitSupport
import Testing

enum LSPTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the example repository (templates/ and locales/) and the `broken` lint fixture's
    /// brands, in a fresh temporary folder the caller removes.
    static func repositoryCopy() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let manager = FileManager.default
        for brand in try manager.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("templates").path) {
            try manager.copyItem(at: packageRoot.appendingPathComponent("templates/\(brand)"),
                                 to: root.appendingPathComponent("templates/\(brand)"))
        }
        let broken = packageRoot.appendingPathComponent("Tests/ReplyLintTests/Fixtures/broken/templates")
        for brand in try manager.contentsOfDirectory(atPath: broken.path) {
            try manager.copyItem(at: broken.appendingPathComponent(brand), to: root.appendingPathComponent("templates/broken-\(brand)"))
        }
        return root.path
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
}

/// A language server driven in memory: messages in as bytes, what it sends collected.
final class ServerHarness {
    let server: LanguageServer
    private var nextID = 100

    init(now: Date? = nil) {
        var options = LanguageServer.Options()
        options.now = now
        let box = Box()
        server = LanguageServer(options: options, send: { box.sent.append((try? JSONValue.parse(String(decoding: $0, as: UTF8.self))) ?? .null) },
                                log: { box.logged.append($0) })
        self.box = box
    }

    var logged: [String] { box.logged }

    final class Box {
        var sent: [JSONValue] = []
        var logged: [String] = []
    }

    private let box: Box

    /// Everything sent since the last call.
    func take() -> [JSONValue] {
        defer { box.sent = [] }
        return box.sent
    }

    func raw(_ text: String) -> [JSONValue] {
        server.handle(Array(text.utf8))
        return take()
    }

    func notify(_ method: String, _ params: JSONValue) -> [JSONValue] {
        raw(JSONValue.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]).serialized())
    }

    /// Sends a request and returns its response (and keeps the other messages for `take`).
    func request(_ method: String, _ params: JSONValue) -> JSONValue {
        nextID += 1
        let id = nextID
        server.handle(Array(JSONValue.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)),
                                              ("params", params)]).serialized().utf8))
        let messages = take()
        box.sent = messages.filter { $0["id"] != .int(id) }
        return messages.first { $0["id"] == .int(id) } ?? .null
    }

    func initialize(root: String) {
        _ = request("initialize", .object([("rootUri", .string(FileURI.uri(root))), ("capabilities", .object([]))]))
        _ = notify("initialized", .object([]))
    }

    func open(_ path: String, text: String? = nil) -> [JSONValue] {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(FileURI.uri(path))), ("languageId", .string("yaml")), ("version", .int(1)),
            ("text", .string(text ?? LSPTestSupport.read(path))),
        ]))]))
    }

    static func document(_ path: String) -> JSONValue { .object([("uri", .string(FileURI.uri(path)))]) }

    static func position(_ line: Int, _ character: Int) -> JSONValue {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    /// The paths of the `publishDiagnostics` among `messages`.
    static func published(_ messages: [JSONValue]) -> Set<String> {
        Set(messages.filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
            .compactMap { $0["params", "uri"]?.stringValue.flatMap(FileURI.path) })
    }
}
