import Foundation
import ReplyKitSupport
import ReplyLint
import ReplyTranslation
import Testing

@Suite struct XLIFFImportTests {
    @Test func exportHasUnitsSegmentsNotesAndBudgets() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let xliff = fixture.export("es-MX", to: "es-MX.xlf")
        #expect(xliff.contains("srcLang=\"en-US\" trgLang=\"es-MX\""))
        #expect(xliff.contains("<file id=\"test-air\""))
        // A variant per segment; the prefill a unit of its own; ids without `/`.
        #expect(xliff.contains("<unit id=\"bag\""))
        #expect(xliff.contains("<segment id=\"v2\" state=\"initial\">"))
        #expect(xliff.contains("<unit id=\"order.prefill\""))
        #expect(xliff.contains("<note category=\"format\">icu</note>"))
        #expect(xliff.contains("<note category=\"description\">First answer</note>"))
        #expect(xliff.contains("<note category=\"tags\">hello</note>"))
        #expect(xliff.contains("{days}: number from 1 to 30; example: 5"))
        #expect(xliff.contains("{first_name}: text, at most 20 weighted characters; example: Ana"))
        // delay: 280 - first_name 20 - days 2 - the link (1 + 23) = 234.
        #expect(xliff.contains("<unit id=\"delay\" xml:space=\"preserve\" slr:sizeRestriction=\"234\">"))
        #expect(xliff.contains("may weigh at most 234 weighted characters"))
        // Present translations are `translated`, with the target exactly as the pack has it.
        #expect(xliff.contains("<target>Hola {first_name}, gracias por escribirnos.</target>"))
        // The export is deterministic.
        #expect(fixture.export("es-MX", to: "again.xlf") == xliff)
    }

    @Test func importingAnUnchangedExportChangesNoByte() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        fixture.export("es-MX", to: "es-MX.xlf")
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(try fixture.snapshot() == before)
    }

    @Test func changedTextKeepsItsStyleAndTheRestOfTheFile() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {first_name}, gracias por tu mensaje.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "order", to: "Con gusto, {first_name}. Envíanos tu reserva, por favor.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "delay", to: "Perdón por la espera, {first_name}. Tu reembolso llega en {days, plural, one {# día} other {# días}}.")
        try fixture.write("es-MX.xlf", xliff)
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        let pack = try #require(fixture.read("templates/test-air/es-MX.yaml"))
        // Plain stays plain (the comment after it too), single quotes stay, the folded block stays folded.
        #expect(pack.contains("    text: Hola {first_name}, gracias por tu mensaje.   # saludo\n"))
        #expect(pack.contains("    text: 'Con gusto, {first_name}. Envíanos tu reserva, por favor.'\n"))
        #expect(pack.contains("    text: >-\n      Perdón por la espera"))
        // Untouched parts byte for byte.
        #expect(pack.hasPrefix("locale: es-MX\ntemplates:\n"))
        #expect(pack.contains("      prefill: \"Reserva: \"\n"))
        #expect(pack.contains("campaigns:\n  storm:\n    storm-note:\n      text: \"{first_name}, la tormenta retrasó muchos vuelos hoy.\"\n"))
    }

    @Test func aTextThePlainStyleCannotHoldIsQuoted() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "{first_name}: hola, gracias por escribirnos.")
        try fixture.write("es-MX.xlf", xliff)
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        let pack = try #require(fixture.read("templates/test-air/es-MX.yaml"))
        #expect(pack.contains("    text: \"{first_name}: hola, gracias por escribirnos.\"   # saludo\n"))
    }

    @Test func importingTwiceChangesNothingTheSecondTime() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {first_name}, gracias.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v1", to: "¡Buenas noticias, {first_name}! Encontramos tu maleta.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v2", to: "{first_name}, ¡tu maleta apareció!")
        try fixture.write("es-MX.xlf", xliff)
        #expect(fixture.importFiles(["es-MX.xlf"]).exitCode == 0)
        let once = try fixture.snapshot()
        let again = fixture.importFiles(["es-MX.xlf"])
        #expect(again.exitCode == 0)
        #expect(again.stderr.contains("nothing to import"))
        #expect(try fixture.snapshot() == once)
        // And the import of a fresh export of the result changes nothing either.
        fixture.export("es-MX", to: "fresh.xlf")
        #expect(fixture.importFiles(["fresh.xlf"]).exitCode == 0)
        #expect(try fixture.snapshot().filter { $0.key != "/fresh.xlf" } == once.filter { $0.key != "/fresh.xlf" })
    }

    @Test func initialEmptyTargetsLeaveThePackAlone() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        // bag has no translation: state initial, no target. An empty target of state initial too.
        #expect(xliff.contains("<segment id=\"v1\" state=\"initial\">"))
        xliff = xliff.replacingOccurrences(of: "<segment id=\"v1\" state=\"initial\">\n        <source>Good news, {first_name}! We found your bag.</source>",
                                           with: "<segment id=\"v1\" state=\"initial\">\n        <source>Good news, {first_name}! We found your bag.</source>\n        <target></target>")
        try fixture.write("es-MX.xlf", xliff)
        let before = try fixture.snapshot()
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)")
        #expect(try fixture.snapshot() == before)
    }

    @Test func newTemplatesGoInTheSourcesOrder() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v1", to: "¡Buenas noticias, {first_name}! Encontramos tu maleta.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "bag", segment: "v2", to: "{first_name}, ¡tu maleta apareció!")
        try fixture.write("es-MX.xlf", xliff)
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        let pack = try #require(fixture.read("templates/test-air/es-MX.yaml"))
        // After delay, before order, as in the source; in the neighbours' indentation.
        let expected = """
                dm: true
              bag:
                text:
                  - ¡Buenas noticias, {first_name}! Encontramos tu maleta.
                  - "{first_name}, ¡tu maleta apareció!"
              order:

            """
        #expect(pack.contains(expected), "\(pack)")
    }

    @Test func aMissingPackIsCreated() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        var xliff = fixture.export("de-DE", to: "de-DE.xlf")
        #expect(!xliff.contains("<target>"))
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hallo {first_name}, danke für deine Nachricht.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "order", to: "Gern, {first_name}. Schick uns deine Buchungsnummer.")
        xliff = TranslationFixture.settingTarget(xliff, unit: "order.prefill", segment: "prefill", to: "Buchung: ")
        xliff = TranslationFixture.settingTarget(xliff, unit: "storm-note", to: "{first_name}, der Sturm hat heute viele Flüge verspätet.")
        try fixture.write("de-DE.xlf", xliff)
        let outcome = fixture.importFiles(["de-DE.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("created"))
        let pack = try #require(fixture.read("templates/test-air/de-DE.yaml"))
        #expect(pack == """
            locale: de-DE
            templates:
              greet:
                text: Hallo {first_name}, danke für deine Nachricht.
              order:
                text: Gern, {first_name}. Schick uns deine Buchungsnummer.
                dm:
                  prefill: "Buchung: "
            campaigns:
              storm:
                storm-note:
                  text: "{first_name}, der Sturm hat heute viele Flüge verspätet."

            """)
        // The new pack lints without errors.
        var lint = LintRun.Options()
        lint.paths = [fixture.root.path]
        lint.format = .json
        let result = LintRun(options: lint).run().result
        let errors = result?.diagnostics.filter { $0.severity == .error && $0.file?.hasSuffix("de-DE.yaml") == true } ?? []
        // Only the templates not translated yet are missing.
        #expect(errors.allSatisfy { $0.rule == "missing-translation" }, "\(errors)")
        #expect(Set(errors.compactMap(\.template)) == ["delay", "bag"], "\(errors)")
    }

    @Test func writesAreAtomicAndKeepPermissions() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let packPath = fixture.path("templates/test-air/es-MX.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: packPath)
        let inode = try FileManager.default.attributesOfItem(atPath: packPath)[.systemFileNumber] as? Int
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        xliff = TranslationFixture.settingTarget(xliff, unit: "greet", to: "Hola {first_name}, gracias.")
        try fixture.write("es-MX.xlf", xliff)
        #expect(fixture.importFiles(["es-MX.xlf"]).exitCode == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: packPath)
        // Renamed over the original (a new inode), with its permissions, and nothing left beside it.
        #expect(attributes[.systemFileNumber] as? Int != inode)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.path("templates/test-air")).sorted()
            == ["brand.yaml", "en-US.yaml", "es-MX.yaml"])
    }
}

@Suite struct XLIFFExportSourcesTests {
    /// Brands written in different default locales that translate into one locale get a file per
    /// source locale, each importable.
    @Test func allLocalesWritesAFilePerSourceLocale() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        try fixture.write("templates/ander/brand.yaml", TranslationFixture.brand
            .replacingOccurrences(of: "default_locale: en-US", with: "default_locale: de-DE")
            .replacingOccurrences(of: "locales: [en-US, es-MX, de-DE]", with: "locales: [de-DE, es-MX]"))
        try fixture.write("templates/ander/de-DE.yaml", "locale: de-DE\ntemplates:\n  greet:\n    text: Hallo {first_name}, danke.\n")
        var options = TranslationRun.ExportOptions()
        options.path = fixture.root.path
        options.allLocales = true
        options.output = fixture.path("out")
        let outcome = TranslationRun.export(options)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.path("out")).sorted()
        #expect(names == ["de-DE.xlf", "es-MX.from-de-DE.xlf", "es-MX.from-en-US.xlf"])
        let german = try #require(fixture.read("out/es-MX.from-de-DE.xlf"))
        #expect(german.contains("srcLang=\"de-DE\" trgLang=\"es-MX\""))
        #expect(german.contains("<file id=\"ander\""))
        #expect(!german.contains("<file id=\"test-air\""))
        let translated = TranslationFixture.settingTarget(german, unit: "greet", to: "Hola {first_name}, gracias.")
        try fixture.write("out/es-MX.from-de-DE.xlf", translated)
        let imported = fixture.importFiles(["out/es-MX.from-de-DE.xlf", "out/es-MX.from-en-US.xlf"])
        #expect(imported.exitCode == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(fixture.read("templates/ander/es-MX.yaml") == "locale: es-MX\ntemplates:\n  greet:\n    text: Hola {first_name}, gracias.\n")
        // One file for one locale cannot hold both sources.
        options.allLocales = false
        options.locale = "es-MX"
        options.output = fixture.path("es-MX.xlf")
        let single = TranslationRun.export(options)
        #expect(single.exitCode == 2)
        #expect(single.stderr.contains("different default locales"))
    }
}

@Suite struct XLIFFEscapesTests {
    /// A file that writes its texts in double quotes with `\u` escapes gets the new text so too.
    @Test func escapedDoubleQuotedTextsStayEscaped() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        try fixture.write("templates/test-air/es-MX.yaml", TranslationFixture.spanish.replacingOccurrences(
            of: "text: \"{first_name}, la tormenta retrasó muchos vuelos hoy.\"",
            with: "text: \"{first_name}, la tormenta retras\\u00F3 muchos vuelos hoy.\""))
        var xliff = fixture.export("es-MX", to: "es-MX.xlf")
        #expect(xliff.contains("<target>{first_name}, la tormenta retrasó muchos vuelos hoy.</target>"))
        xliff = TranslationFixture.settingTarget(xliff, unit: "storm-note", to: "{first_name}, la tormenta retrasó vuelos 🌧.")
        try fixture.write("es-MX.xlf", xliff)
        let outcome = fixture.importFiles(["es-MX.xlf"])
        #expect(outcome.exitCode == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(fixture.read("templates/test-air/es-MX.yaml")?.contains(
            "      text: \"{first_name}, la tormenta retras\\u00F3 vuelos \\U0001F327.\"\n") == true)
    }
}
