import Foundation
@testable import ReplyLSP
import ReplyKitSupport
import Testing

/// Published diagnostics reuse the JSON of findings that did not change; what they publish must
/// be what a pull, made afresh, answers.
@Suite struct PublishCacheTests {
    func change(_ line: Int, _ character: Int, _ text: String) -> JSONValue {
        .object([("range", .object([("start", ServerHarness.position(line, character)),
                                    ("end", ServerHarness.position(line, character))])), ("text", .string(text))])
    }

    @discardableResult
    func expectPublishedEqualsPulled(_ sent: [JSONValue], _ harness: ServerHarness, _ paths: [String],
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        // What the server publishes once idle counts too: an edit of a source leaves its
        // translations until then, as the stdio loop does between messages.
        harness.server.idle()
        let sent = sent + harness.take()
        var all: [JSONValue] = []
        for path in paths {
            let published = try #require(sent.last { $0["params", "uri"]?.stringValue == FileURI.uri(path) },
                                         "\(path) was published", sourceLocation: sourceLocation)
            let pulled = harness.request("textDocument/diagnostic", .object([("textDocument", ServerHarness.document(path))]))
            #expect(published["params", "diagnostics"] == pulled["result", "items"], "\(path)", sourceLocation: sourceLocation)
            all += published["params", "diagnostics"]?.arrayValue ?? []
        }
        return all
    }

    @Test func editsOfATranslationAndItsSourcePublishWhatAPullFinds() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        let translation = root + "/templates/acme-air/es-MX.yaml"
        let source = root + "/templates/acme-air/en-US.yaml"
        _ = harness.open(source)
        _ = harness.open(translation)
        // An undeclared variable in the translation's `refund-check` text (line 10, after `Hola `).
        var sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(translation))), ("version", .int(2))])),
            ("contentChanges", .array([change(10, 15, "{vuelo} ")])),
        ]))
        #expect(try expectPublishedEqualsPulled(sent, harness, [translation]).contains { $0["code"]?.stringValue == "undeclared-variable" })
        // A new template in the source: the translation lacks it, and its finding points into the source.
        sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(source))), ("version", .int(2))])),
            ("contentChanges", .array([change(2, 0, "  brand-new:\n    text: Hello there, {first_name}.\n")])),
        ]))
        func pointsIntoSource(_ found: [JSONValue]) -> Bool {
            found.contains { ($0["relatedInformation"]?.arrayValue ?? []).contains { $0["location", "uri"]?.stringValue == FileURI.uri(source) } }
        }
        #expect(pointsIntoSource(try expectPublishedEqualsPulled(sent, harness, [translation, source])))
        // The source moves under the translation's notes.
        sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(source))), ("version", .int(3))])),
            ("contentChanges", .array([change(1, 0, "# moved\n# down\n# three lines\n")])),
        ]))
        #expect(pointsIntoSource(try expectPublishedEqualsPulled(sent, harness, [translation, source])))
        // Lines inserted above every template of the translation: every range moves.
        sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(translation))), ("version", .int(3))])),
            ("contentChanges", .array([change(1, 0, "# a note\n# and another\n")])),
        ]))
        try expectPublishedEqualsPulled(sent, harness, [translation])
        // Typing on one line of the translation: the rest is reused.
        sent = harness.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(FileURI.uri(translation))), ("version", .int(4))])),
            ("contentChanges", .array([change(12, 17, "x")])),
        ]))
        try expectPublishedEqualsPulled(sent, harness, [translation])
    }
}
