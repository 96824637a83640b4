import Foundation
import ReplyKitSupport
import ReplyTranslation
import Testing

@Suite struct FlatJSONTests {
    @Test func jsonRoundTrip() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let messages = fixture.export("es-MX", to: "es-MX.json", format: .json)
        let parsed = try JSONValue.parse(messages)
        #expect(parsed["test-air/greet"] == .string("Hola {first_name}, gracias por escribirnos."))
        #expect(parsed["test-air/order/prefill"] == .string("Reserva: "))
        #expect(parsed["test-air/bag/v1"] == nil)
        let sidecar = try JSONValue.parse(try #require(fixture.read("es-MX.notes.json")))
        #expect(sidecar["source"]?["test-air/bag/v2"] == .string("{first_name}, your bag turned up!"))
        #expect(sidecar["budget"]?["test-air/delay"] == .int(234))
        // Unchanged: no byte changes.
        let before = try fixture.snapshot()
        #expect(fixture.importFiles(["es-MX.json"]).exitCode == 0)
        #expect(try fixture.snapshot() == before)
        // A changed message and a new template.
        let changed = messages.replacingOccurrences(of: "gracias por escribirnos", with: "gracias")
            .replacingOccurrences(of: "{\n", with: "{\n  \"test-air/bag/v1\": \"¡Buenas noticias, {first_name}!\",\n  \"test-air/bag/v2\": \"{first_name}, ¡apareció tu maleta!\",\n")
        try fixture.write("es-MX.json", changed)
        let outcome = fixture.importFiles(["es-MX.json"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        let pack = try #require(fixture.read("templates/test-air/es-MX.yaml"))
        #expect(pack.contains("text: Hola {first_name}, gracias.   # saludo"))
        #expect(pack.contains("  bag:\n    text:\n      - ¡Buenas noticias, {first_name}!\n"))
        // A refused key is reported at its line.
        try fixture.write("es-MX.json", messages.replacingOccurrences(of: "gracias por escribirnos", with: "gracias {nombre}"))
        let refused = fixture.importFiles(["es-MX.json"])
        #expect(refused.exitCode == 1)
        #expect(refused.stdout.contains("undeclared-variable"))
    }
}
