import Foundation
import ReplyKitSupport
import ReplyLint
import ReplyTranslation
import Testing

@Suite struct XLIFFRefusalTests {
    /// Targets each import refuses, with the rule that says why.
    static let refusals: [(unit: String, target: String, rule: String)] = [
        ("greet", "Hola {first_name, gracias.", "template-syntax"),
        ("greet", "Hola {nombre}, gracias.", "undeclared-variable"),
        ("delay", "Perdón, {first_name}. Llega en {days, plural, one {# día} few {# días} other {# días}}.", "plural-categories"),
        ("greet", String(repeating: "Hola {first_name}, gracias.", count: 12), "over-limit"),
        ("greet", "Hola {first_name}, mándanos tu contraseña por aquí.", "secret-request"),
        ("greet", "{first_name, select, ana {Hola Ana} other {Hola {first_name}}}, gracias.", "translation-unit"),
    ]

    @Test(arguments: refusals)
    func aFailingTargetIsRefusedAndItsPackLeftAlone(_ unit: String, _ target: String, _ rule: String) throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: unit, to: target)
        // A good change in the same pack is not written either.
        xliff = TranslationFixture.settingTarget(xliff, unit: "storm-note", to: "{first_name}, la tormenta retrasó vuelos.")
        try fixture.write("es-MX.xlf", xliff)
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 1)
        #expect(try fixture.snapshot() == before)
        let report = try JSONValue.parse(outcome.stdout)
        guard case .array(let diagnostics)? = report["diagnostics"] else {
            Issue.record("no diagnostics in \(outcome.stdout)")
            return
        }
        let rules = diagnostics.compactMap { item -> String? in if case .string(let id)? = item["rule"] { id } else { nil } }
        #expect(rules.contains(rule), "\(outcome.stdout)")
        let first = diagnostics.first { if case .string(let id)? = $0["rule"] { id == rule } else { false } }
        #expect(first?["file"] == .string(fixture.path("es-MX.xlf")))
        #expect(first?["template"] == .string(unit))
        if case .string(let note)? = first?["notes"].flatMap({ if case .array(let notes) = $0 { notes.first } else { nil } }) {
            #expect(note.hasPrefix("unit `\(unit)`"))
        } else {
            Issue.record("no note naming the unit")
        }
        // The line is the target's line of the imported file.
        if case .int(let line)? = first?["line"] {
            let lines = xliff.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[line - 1].contains("<target>"))
        } else {
            Issue.record("no line")
        }
    }

    @Test func partialWritesTheUnitsThatPassed() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {nombre}, gracias.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "storm-note", to: "{first_name}, la tormenta retrasó vuelos.")
        try fixture.write("es-MX.xlf", xliff)
        let outcome = fixture.importFiles(["es-MX.xlf"], partial: true, format: .human)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("error[undeclared-variable]"))
        #expect(outcome.stdout.contains("unit `greet`"))
        let pack = try #require(fixture.read("templates/test-air/es-MX.yaml"))
        #expect(pack.contains("text: \"{first_name}, la tormenta retrasó vuelos.\""))
        #expect(pack.contains("text: Hola {first_name}, gracias por escribirnos."))
    }

    @Test func aSegmentOutOfPlaceIsRefused() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v1", to: "¡Buenas noticias, {first_name}!")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v2", to: "{first_name}, ¡apareció!")
        xliff = xliff.replacingOccurrences(of: "<segment id=\"v2\"", with: "<segment id=\"v3\"")
        try fixture.write("es-MX.xlf", xliff)
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("segment `v3` is not where the export wrote it"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func aSourceThatChangedAfterTheExportIsRefused() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {first_name}.")
        try fixture.write("es-MX.xlf", xliff)
        try fixture.write("templates/test-air/en-US.yaml", TranslationFixture.source.replacingOccurrences(of: "thanks for writing to us", with: "thanks for your message"))
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("changed after the export"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func aFileWithADocumentTypeIsNotRead() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let xliff = fixture.export("es-MX", to: "es-MX.xlf")
        let bomb = xliff.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                                              with: "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n")
            .replacingOccurrences(of: "gracias por escribirnos", with: "&b;")
        try fixture.write("bomb.xlf", bomb)
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["bomb.xlf"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("document type declaration"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func malformedXMLIsReportedAndOtherFilesStillImported() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {first_name}, gracias.")
        try fixture.write("es-MX.xlf", xliff)
        try fixture.write("broken.xlf", "<xliff version=\"2.0\"><file>")
        let outcome = fixture.importFiles(["broken.xlf", "es-MX.xlf"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("translation-file"))
        #expect(fixture.read("templates/test-air/es-MX.yaml")?.contains("text: Hola {first_name}, gracias.   # saludo") == true)
    }
}
