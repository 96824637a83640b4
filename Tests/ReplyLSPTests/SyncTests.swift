import Foundation
@testable import ReplyLSP
import ReplyKitSupport
import Testing

@Suite struct IncrementalSyncTests {
    func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> JSONValue {
        .object([("range", .object([("start", ServerHarness.position(startLine, startCharacter)),
                                    ("end", ServerHarness.position(endLine, endCharacter))])), ("text", .string(text))])
    }

    func edited(_ text: String, _ changes: [JSONValue]) throws -> String {
        var document = Document(uri: "file:///x.yaml", path: "/x.yaml", version: 1, text: Array(text.utf8))
        try document.apply(changes)
        return String(decoding: document.bytes, as: UTF8.self)
    }

    @Test func positionsCountUTF16CodeUnits() throws {
        // `😀` is two UTF-16 code units (four bytes), `中` one (three bytes), `ñ` one (two bytes).
        let text = "a😀b\nñ中x\r\nlast"
        #expect(try edited(text, [change(0, 3, 0, 4, "B")]) == "a😀B\nñ中x\r\nlast")
        #expect(try edited(text, [change(1, 1, 1, 2, "z")]) == "a😀b\nñzx\r\nlast")
        #expect(try edited(text, [change(0, 1, 0, 3, "")]) == "ab\nñ中x\r\nlast")
        // Past the end of a line: the line's end, before its line break.
        #expect(try edited(text, [change(1, 99, 1, 99, "!")]) == "a😀b\nñ中x!\r\nlast")
        // Inside the surrogate pair: the character's start.
        #expect(try edited(text, [change(0, 2, 0, 2, "|")]) == "a|😀b\nñ中x\r\nlast")
        // Across lines, then a second change on the result, then a whole-text change.
        #expect(try edited(text, [change(0, 4, 2, 0, "-"), change(0, 0, 0, 1, "A")]) == "A😀b-last")
        #expect(try edited(text, [change(0, 0, 0, 1, "A"), .object([("text", .string("new"))])]) == "new")
        #expect(throws: RPCError.self) { try edited(text, [change(1, 0, 0, 0, "x")]) }
        #expect(throws: RPCError.self) { try edited(text, [.object([("range", .null)])]) }
    }

    @Test func bytesAndPositionsRoundTrip() {
        let lines = LineTable(Array("a😀b\nñ中x\n".utf8))
        let expected: [(Int, LSPPosition)] = [(0, .init(line: 0, character: 0)), (1, .init(line: 0, character: 1)),
                                              (5, .init(line: 0, character: 3)), (7, .init(line: 1, character: 0)),
                                              (9, .init(line: 1, character: 1)), (12, .init(line: 1, character: 2)),
                                              (14, .init(line: 2, character: 0))]
        for (offset, position) in expected {
            #expect(lines.position(ofByte: offset) == position)
            #expect(lines.offset(of: position) == offset)
        }
        // Inside a character: that character's start.
        #expect(lines.position(ofByte: 3) == .init(line: 0, character: 1))
    }

    @Test func findingsAfterAnIncrementalEditArePlacedInUTF16() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        let path = root + "/templates/acme-air/es-MX.yaml"
        let original = LSPTestSupport.read(path)
        _ = harness.open(path, text: original)
        // Line 10 is `    text: Hola {first_name}, ¿ya recibiste tu reembolso?`; put an emoji and an
        // undeclared variable after `Hola `.
        let line = original.split(separator: "\n", omittingEmptySubsequences: false)[10]
        let column = Array(line.utf16).count - "¿ya recibiste tu reembolso?".utf16.count
        let sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(path))), ("version", .int(2))])),
            ("contentChanges", .array([change(10, column, 10, column, "🙏 {vuelo} ")])),
        ]))
        let published = try #require(sent.first { $0["params", "uri"]?.stringValue == FileURI.uri(path) })
        #expect(published["params", "version"]?.intValue == 2)
        let undeclared = try #require(published["params", "diagnostics"]?.arrayValue?.first { $0["code"]?.stringValue == "undeclared-variable" })
        // `{vuelo}` starts after the emoji (2 code units) and a space.
        #expect(undeclared["range", "start", "line"]?.intValue == 10)
        let start = try #require(undeclared["range", "start", "character"]?.intValue)
        let end = try #require(undeclared["range", "end", "character"]?.intValue)
        #expect(start >= column + 3 && start <= column + 4)
        #expect(end == column + 3 + "{vuelo}".utf16.count || end == column + 3 + "vuelo".utf16.count + 1)
    }
}
