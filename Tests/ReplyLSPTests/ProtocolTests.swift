import Foundation
@testable import ReplyLSP
import ReplyKitSupport
import Testing

@Suite struct FramingTests {
    func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func readsMessagesSplitAnywhereAndSeveralInOneChunk() {
        let one = MessageFramer.frame(body(#"{"a":1}"#)), two = MessageFramer.frame(body(#"{"b":"é"}"#))
        var framer = MessageFramer()
        var frames: [MessageFramer.Frame] = []
        for byte in one + two {
            framer.append([byte])
            while let frame = framer.next() { frames.append(frame) }
        }
        #expect(frames == [.message(body(#"{"a":1}"#)), .message(body(#"{"b":"é"}"#))])
        framer.append(one + two)
        #expect(framer.next() == .message(body(#"{"a":1}"#)))
        #expect(framer.next() == .message(body(#"{"b":"é"}"#)))
        #expect(framer.next() == nil)
    }

    @Test(arguments: [
        ("Content-Type: application/json\r\n\r\n", "a header without Content-Length"),
        ("Content-Length: ten\r\n\r\n", "a Content-Length that is not a number: `ten`"),
        ("Content-Length: -4\r\n\r\n", "a Content-Length that is not a number: `-4`"),
        ("Content-Length: 99999999999999999999999\r\n\r\n", "a Content-Length that is not a number: `99999999999999999999999`"),
        ("garbage\r\n\r\n", "a header line without `:`"),
    ])
    func refusesABadHeaderAndReadsTheNextMessage(header: String, reason: String) {
        var framer = MessageFramer()
        framer.append(Array(header.utf8) + MessageFramer.frame(body("{}")))
        #expect(framer.next() == .invalid(reason))
        #expect(framer.next() == .message(body("{}")))
    }

    @Test func skipsABodyOverTheLimitWithoutHoldingIt() {
        var framer = MessageFramer(maxContentLength: 16)
        framer.append(Array("Content-Length: 100\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40))
        #expect(framer.next() == .invalid("a message of 100 bytes, over the limit of 16"))
        #expect(framer.next() == nil)
        framer.append(Array(repeating: UInt8(ascii: "x"), count: 60) + MessageFramer.frame(body("{}")))
        #expect(framer.next() == .message(body("{}")))
    }

    @Test func refusesAHeaderThatNeverEnds() {
        var framer = MessageFramer()
        framer.append(Array(repeating: UInt8(ascii: "a"), count: MessageFramer.maxHeaderBytes + 10))
        #expect(framer.next() == .invalid("a header block longer than \(MessageFramer.maxHeaderBytes) bytes"))
        framer.append(MessageFramer.frame(body("{}")))
        #expect(framer.next() == .message(body("{}")))
    }
}

@Suite struct MalformedInputTests {
    @Test(arguments: [
        ("not json", -32700),
        (#"{"jsonrpc":"2.0","id":1,"method":"#, -32700),
        ("[]", -32600),
        ("42", -32600),
        (#"{"jsonrpc":"2.0","id":{"x":1},"method":"initialize"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":7}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":"x"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#, -32002),
    ])
    func answersWithAnError(message: String, code: Int) {
        let harness = ServerHarness()
        let sent = harness.raw(message)
        #expect(sent.count == 1)
        #expect(sent.first?["error", "code"]?.intValue == code)
    }

    @Test func answersUnknownMethodsIgnoresUnknownNotificationsAndBadParams() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        _ = harness.take()
        #expect(harness.request("workspace/frobnicate", .object([]))["error", "code"]?.intValue == -32601)
        #expect(harness.notify("$/frobnicate", .object([("x", .int(1))])).isEmpty)
        #expect(harness.notify("textDocument/didChange", .object([("textDocument", ServerHarness.document(root + "/nope.yaml"))])).isEmpty)
        let badPosition = harness.request("textDocument/hover", .object([
            ("textDocument", ServerHarness.document(root + "/templates/acme-air/en-US.yaml")),
            ("position", .object([("line", .string("one")), ("character", .int(0))])),
        ]))
        #expect(badPosition["error", "code"]?.intValue == -32602)
        let notAFile = harness.request("textDocument/hover", .object([
            ("textDocument", .object([("uri", .string("untitled:1"))])), ("position", ServerHarness.position(0, 0)),
        ]))
        #expect(notAFile["error", "code"]?.intValue == -32602)
        // A document the server does not know: an empty answer.
        for method in ["textDocument/hover", "textDocument/definition"] {
            let answer = harness.request(method, .object([
                ("textDocument", ServerHarness.document(root + "/templates/acme-air/xx.yaml")), ("position", ServerHarness.position(3, 3)),
            ]))
            #expect(answer["result"] == .null && answer["error"] == nil)
        }
        let symbols = harness.request("textDocument/documentSymbol", .object([("textDocument", ServerHarness.document("/etc/passwd"))]))
        #expect(symbols["result"] == .array([]))
        #expect(harness.request("initialize", .object([]))["error", "code"]?.intValue == -32600)
    }

    @Test func exitsWithZeroOnlyAfterShutdown() {
        let clean = ServerHarness()
        _ = clean.request("initialize", .object([]))
        #expect(clean.request("shutdown", .null)["result"] == .null)
        #expect(clean.request("textDocument/hover", .object([]))["error", "code"]?.intValue == -32600)
        _ = clean.notify("exit", .null)
        #expect(clean.server.exitCode == 0)
        let abrupt = ServerHarness()
        _ = abrupt.request("initialize", .object([]))
        _ = abrupt.notify("exit", .null)
        #expect(abrupt.server.exitCode == 1)
    }

    @Test func aFileThatIsNotYAMLIsAFindingNotAFailure() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        let path = root + "/templates/acme-air/es-MX.yaml"
        let sent = harness.open(path, text: "locale: [es-MX\n\u{0}\u{FFFF}: {{{\n")
        let published = sent.first { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        let codes = published?["params", "diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes.contains("yaml-syntax"))
        let hover = harness.request("textDocument/hover", .object([("textDocument", ServerHarness.document(path)),
                                                                  ("position", ServerHarness.position(1, 2))]))
        #expect(hover["error"] == nil)
    }
}
