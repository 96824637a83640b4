import Foundation
import Testing

/// `replykit schema KIND`: prints the committed schema of that kind of file; anything else is a
/// usage error.
@Suite struct SchemaCommandTests {
    @Test(arguments: ["brand", "pack", "locale", "config"])
    func printsTheCommittedSchema(_ kind: String) async throws {
        let outcome = try await Replykit.run("schema", kind)
        #expect(outcome.status == 0, "\(outcome)")
        let committed = try String(contentsOf: Replykit.packageRoot.appendingPathComponent("schemas/\(kind).schema.json"), encoding: .utf8)
        #expect(outcome.stdout == committed, "`replykit schema \(kind)` differs from schemas/\(kind).schema.json: run `make schemas`")
        let schema = try #require(outcome.stdoutJSON as? [String: Any], "\(outcome)")
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == "urn:replykit:schema:\(kind):1")
        #expect(outcome.stderr.isEmpty)
    }

    @Test(arguments: [["schema"], ["schema", "template"], ["schema", "pack", "brand"]])
    func aMissingOrUnknownKindIsAUsageError(_ arguments: [String]) async throws {
        let outcome = try await Replykit.run(arguments)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(!outcome.stderr.isEmpty)
    }
}
