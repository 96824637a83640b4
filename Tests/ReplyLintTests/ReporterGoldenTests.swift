import Foundation
import ReplyKit
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing
import ReplyCompiler

/// Every format of `replykit lint` on one broken repository, pinned byte for byte.
@Suite struct ReporterGoldenTests {
    static let repository = TestSupport.fixtures.appendingPathComponent("broken").path

    /// The output with the fixture's absolute folder taken out, so the goldens hold repository paths.
    func lint(_ format: ReportFormat, configure: (inout LintRun.Options) -> Void = { _ in }) -> (String, Int32) {
        let outcome = TestSupport.lint([Self.repository], format: format, configure: configure)
        return (outcome.stdout.replacingOccurrences(of: Self.repository + "/", with: ""), outcome.exitCode)
    }

    @Test(arguments: ReportFormat.allCases)
    func format(_ format: ReportFormat) throws {
        let (output, exitCode) = lint(format)
        #expect(exitCode == 1)
        try expectGolden(output, "broken.\(format.rawValue == "human" ? "txt" : format.rawValue == "junit" ? "xml" : format.rawValue)")
    }

    @Test func humanWithColorsOnlyWhenAsked() throws {
        let (plain, _) = lint(.human)
        #expect(!plain.contains("\u{1B}["))
        let (colored, _) = lint(.human) { $0.colors = true }
        #expect(colored.contains("\u{1B}[1;31merror[schema]"))
        try expectGolden(colored, "broken.color.txt")
    }

    /// Carets sit under the range even after CJK, emoji and tabs on the same line.
    @Test func caretsLineUpUnderWideCharactersAndTabs() {
        let (output, _) = lint(.human)
        let lines = output.components(separatedBy: "\n")
        for needle in ["dm: maybe", "dm: quizás"] {
            guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
                Issue.record("no snippet with \(needle)")
                continue
            }
            let source = lines[index], carets = lines[index + 1]
            let prefix = source.prefix { $0 != "|" }.count + 2
            let shown = String(source.dropFirst(prefix))
            let value = String(needle.split(separator: " ").last!)
            let before = shown.components(separatedBy: value)[0]
            let caretColumn = carets.dropFirst(prefix).prefix { $0 == " " }.count
            let width = before.unicodeScalars.reduce(0) { $0 + (DisplayWidth.of($1)) }
            #expect(caretColumn == width, "carets under `\(value)` start at display column \(caretColumn), not \(width)")
        }
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let schema = TestSupport.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/conformance/sarif/sarif-schema-2.1.0.json")
        let (sarif, _) = lint(.sarif)
        #expect(!sarif.contains("\"uri\" : \"/"), "SARIF URIs must be relative")
        #expect(!sarif.contains(Self.repository))
        guard FileManager.default.fileExists(atPath: schema.path) else {
            Issue.record("SARIF schema not found at \(schema.path)")
            return
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.sarif")
        try Data(sarif.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("skip: python3 jsonschema is not installed"); sys.exit(3)
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 3 {
            withKnownIssue("skipped SARIF schema validation: python3-jsonschema missing") { Issue.record(Comment(rawValue: output)) }
            return
        }
        #expect(process.terminationStatus == 0, "SARIF does not validate: \(output)")
    }
}
