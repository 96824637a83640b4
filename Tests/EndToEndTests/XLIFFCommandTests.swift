import Foundation
import Testing

/// External tools the XLIFF tests drive: missing, they skip with a message, except with CI=true,
/// where they fail.
enum XLIFFTools {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let schemas = URL(fileURLWithPath: "/work/shared/conformance/xliff")
    static let schemaFile = schemas.appendingPathComponent("xliff_core_2.0.xsd")
    static let xmllint: URL? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    static let python = Replykit.packageRoot.appendingPathComponent(".build/test-venv/bin/python3")
    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: python.path) }
    static var hasSchemas: Bool { FileManager.default.fileExists(atPath: schemaFile.path) }
}

@Suite struct XLIFFCommandTests {
    /// Every export of the example repository (every locale, both formats of the brands) validates
    /// against the XLIFF 2.0 core schema with the Size and Length Restriction module.
    @Test(.enabled(if: (XLIFFTools.xmllint != nil && XLIFFTools.hasSchemas) || XLIFFTools.isCI,
                   "skipped: needs xmllint (Debian libxml2-utils) and the schemas in /work/shared/conformance/xliff"))
    func everyExportValidatesAgainstTheSchemas() async throws {
        let xmllint = try #require(XLIFFTools.xmllint, "xmllint is missing (CI=true): install libxml2-utils")
        try #require(XLIFFTools.hasSchemas, "the XLIFF 2.0 schemas are missing from \(XLIFFTools.schemas.path)")
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copy(fromPackage: "templates", to: "templates")
        let export = try await Replykit.run(["xliff", "export", "--all-locales", "--output", "out"], in: scratch.url)
        #expect(export.status == 0, "\(export)")
        var files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).filter { $0.hasSuffix(".xlf") }.sorted()
        #expect(files.count >= 10)
        // A brand exported alone into a locale it has no pack for yet.
        let single = try await Replykit.run(["xliff", "export", "--brand", "acme-air", "--locale", "de-DE", "--output", "out/acme-de.xlf"], in: scratch.url)
        #expect(single.status == 0, "\(single)")
        files.append("acme-de.xlf")
        // A driver schema imports the core and the module, so one run checks both.
        let driver = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="\(XLIFFTools.schemaFile.path)"/>
              <xs:import namespace="urn:oasis:names:tc:xliff:sizerestriction:2.0" schemaLocation="\(XLIFFTools.schemas.appendingPathComponent("size_restriction.xsd").path)"/>
            </xs:schema>
            """
        let schema = try scratch.write("xliff-driver.xsd", driver)
        for file in files {
            let result = try await Replykit.run(["--noout", "--nonet", "--schema", schema, scratch.path("out/\(file)")],
                                                in: scratch.url, executable: xmllint)
            #expect(result.status == 0, "\(file) does not validate: \(result.stderr)")
            #expect(result.stderr.contains("validates"), "\(result.stderr)")
        }
        // The validator does catch a broken file: a segment with an unknown state.
        let broken = try #require(scratch.contents("out/es-MX.xlf")).map { $0 }
        let text = String(decoding: broken, as: UTF8.self).replacingOccurrences(of: "state=\"translated\"", with: "state=\"done\"")
        let bad = try scratch.write("bad.xlf", text)
        let refused = try await Replykit.run(["--noout", "--nonet", "--schema", schema, bad], in: scratch.url, executable: xmllint)
        #expect(refused.status != 0)
    }

    /// translate-toolkit reads the exports, changes targets and writes them back; replykit imports
    /// what it wrote (Tests/Python/xliff).
    @Test(.enabled(if: XLIFFTools.hasPython || XLIFFTools.isCI,
                   "skipped: needs .build/test-venv with translate-toolkit and pytest (make test-tools)"))
    func translateToolkitRoundTrip() async throws {
        try #require(XLIFFTools.hasPython, "no \(XLIFFTools.python.path) (CI=true): run make test-tools")
        let replykit = try Replykit.executableURL.get()
        setenv("REPLYKIT", replykit.path, 1)
        let result = try await Replykit.run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/Python/xliff"],
                                            in: Replykit.packageRoot, timeout: 300, executable: XLIFFTools.python)
        if result.stdout.contains("No module named pytest") || result.stderr.contains("No module named pytest")
            || result.stdout.contains("No module named 'translate'") {
            #expect(!XLIFFTools.isCI, "translate-toolkit or pytest is missing from the venv: \(result)")
            print("skipped: translate-toolkit or pytest is missing from .build/test-venv (make test-tools)")
            return
        }
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("passed"))
        #expect(!result.stdout.contains("skipped"), "\(result.stdout)")
    }

    @Test func importExitCodes() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copy(fromPackage: "templates", to: "templates")
        let missing = try await Replykit.run(["xliff", "import", "nothing.xlf"], in: scratch.url)
        #expect(missing.status == 2)
        let export = try await Replykit.run(["xliff", "export", "--locale", "es-MX", "--output", "es-MX.xlf"], in: scratch.url)
        #expect(export.status == 0)
        let same = try await Replykit.run(["xliff", "import", "es-MX.xlf", "--format", "github"], in: scratch.url)
        #expect(same.status == 0, "\(same)")
        let text = String(decoding: try #require(scratch.contents("es-MX.xlf")), as: UTF8.self)
            .replacingOccurrences(of: "<target>Hola {first_name}, ¿ya recibiste tu reembolso?</target>", with: "<target>Hola {nombre}</target>")
        try scratch.write("es-MX.xlf", text)
        let refused = try await Replykit.run(["xliff", "import", "es-MX.xlf", "--format", "github"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("::error file=es-MX.xlf,line="), "\(refused)")
        let sarif = try await Replykit.run(["xliff", "import", "es-MX.xlf", "--format", "sarif"], in: scratch.url)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains("\"ruleId\""), "\(sarif)")
    }
}
