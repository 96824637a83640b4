import Foundation
import Testing

/// `replykit lint`: exit codes, every output format, reports, severities and `--fix`.
@Suite struct LintCommandTests {
    static let broken = "Tests/ReplyLintTests/Fixtures/broken"

    /// The broken fixture's json report, the reference the other formats are held to.
    static let brokenJSON = Task { try await Replykit.run("lint", broken, "--format", "json") }

    static func report(_ outcome: ProcessOutcome, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (summary: [String: Any], diagnostics: [[String: Any]])
    {
        let report = try #require(outcome.stdoutJSON as? [String: Any], "not a JSON object: \(outcome)",
                                  sourceLocation: sourceLocation)
        let summary = try #require(report["summary"] as? [String: Any], sourceLocation: sourceLocation)
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]], sourceLocation: sourceLocation)
        return (summary, diagnostics)
    }

    @Test func examplePacksLintClean() async throws {
        async let human = Replykit.run("lint", "templates")
        async let json = Replykit.run("lint", "templates", "--format", "json")
        let (text, report) = (try await human, try Self.report(try await json))
        #expect(text.status == 0, "\(text)")
        #expect(!text.stdout.contains("error["), "\(text)")
        #expect(report.summary["errors"] as? Int == 0)
        let files = try #require(report.summary["files"] as? Int)
        let templates = try #require(report.summary["templates"] as? Int)
        #expect(templates > 0)
        #expect(text.stdoutLines.last?.hasSuffix(" in \(files) files (\(templates) templates)") == true, "\(text)")
    }

    @Test func brokenFixtureExitsOne() async throws {
        let outcome = try await Replykit.run("lint", Self.broken)
        let report = try Self.report(try await Self.brokenJSON.value)
        #expect(outcome.status == 1, "\(outcome)")
        let errors = try #require(report.summary["errors"] as? Int)
        #expect(errors > 0)
        #expect(outcome.stdoutLines.filter { $0.hasPrefix("error[") }.count == errors, "\(outcome)")
        #expect(outcome.stdoutLines.last?.hasPrefix("\(errors) errors in ") == true, "\(outcome)")
    }

    enum Format: String, CaseIterable, Sendable {
        case human, json, sarif, github, junit
    }

    @Test(arguments: Format.allCases)
    func formatWritesThatFormat(_ format: Format) async throws {
        let outcome = try await Replykit.run("lint", Self.broken, "--format", format.rawValue)
        #expect(outcome.status == 1, "\(outcome)")
        let reference = try Self.report(try await Self.brokenJSON.value)
        let diagnostics = reference.diagnostics
        let ruleIDs = Set(diagnostics.compactMap { $0["rule"] as? String })
        let files = Set(diagnostics.compactMap { $0["file"] as? String })
        switch format {
        case .human:
            #expect(outcome.stdoutLines.filter { $0.hasPrefix(" --> ") || $0.hasPrefix("  --> ") }.count == diagnostics.count,
                    "\(outcome)")
            for rule in ruleIDs { #expect(outcome.stdout.contains("error[\(rule)]: ")) }
        case .json:
            let keys: Set = ["rule", "severity", "message", "file", "line", "column", "end_line", "end_column",
                             "brand", "locale", "template", "notes", "fixable"]
            for diagnostic in diagnostics {
                #expect(Set(diagnostic.keys) == keys)
                #expect((diagnostic["file"] as? String)?.hasPrefix("/") == false, "paths are relative: \(diagnostic)")
            }
            #expect(reference.summary["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        case .sarif:
            let log = try #require(outcome.stdoutJSON as? [String: Any], "\(outcome)")
            #expect(log["version"] as? String == "2.1.0")
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            #expect(run["columnKind"] as? String == "unicodeCodePoints")
            let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
            #expect(driver["name"] as? String == "replykit")
            let declared = Set(((driver["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.count == diagnostics.count)
            for result in results {
                #expect(declared.contains(result["ruleId"] as? String ?? ""), "\(result)")
                #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
                #expect((result["partialFingerprints"] as? [String: String])?.isEmpty == false)
                let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
                #expect(uri?.isEmpty == false && uri?.hasPrefix("/") == false, "relative to the root: \(result)")
                if let region = location?["region"] as? [String: Any] {
                    #expect((region["startColumn"] as? Int ?? 0) >= 1)
                }
            }
        case .github:
            let lines = outcome.stdoutLines
            let errors = lines.filter { $0.hasPrefix("::error file=") }
            #expect(errors.count == diagnostics.count, "\(outcome)")
            for rule in ruleIDs { #expect(errors.contains { $0.contains(",title=\(rule)::") }, "\(rule)") }
            // More than 10 of a level: GitHub would drop some, so the first line says how many there are.
            #expect(diagnostics.count > 10)
            #expect(lines.first?.hasPrefix("::notice ") == true && lines.first?.contains("\(diagnostics.count) errors") == true,
                    "\(outcome)")
            // Every line but the closing summary (plain log text) is a workflow command.
            #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::notice ") }, "\(outcome)")
            #expect(lines.last?.hasPrefix("\(diagnostics.count) errors in ") == true, "\(outcome)")
        case .junit:
            let xml = try #require(XMLElements(outcome.stdoutBytes), "not well-formed XML: \(outcome)")
            #expect(xml.elements.first?.name == "testsuites")
            let suites = xml.named("testsuite")
            let failures = xml.named("failure")
            #expect(!failures.isEmpty)
            #expect(failures.allSatisfy { $0.ancestors.suffix(2) == ["testsuite", "testcase"] })
            #expect(Set(failures.compactMap { $0.attributes["type"] }) == ruleIDs)
            #expect(xml.elements.first?.attributes["failures"] == String(failures.count))
            let failing = suites.filter { $0.attributes["failures"] != "0" }.compactMap { $0.attributes["name"] }
            #expect(Set(failing) == files)
        }
    }

    @Test func reportWritesEachFormatBesideStdout() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try await Replykit.run(
            "lint", Self.broken, "--report", "json=\(scratch.path("lint.json"))",
            "--report", "junit=\(scratch.path("lint.xml"))", "--report", "sarif=\(scratch.path("lint.sarif"))")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.contains("error["), "stdout keeps the human format: \(outcome)")
        // The report file holds exactly what `--format json` prints.
        let json = try await Self.brokenJSON.value
        #expect(scratch.contents("lint.json") == json.stdoutBytes)
        #expect(XMLElements(scratch.contents("lint.xml") ?? [])?.elements.first?.name == "testsuites")
        let sarif = try JSONSerialization.jsonObject(with: Data(scratch.contents("lint.sarif") ?? [])) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
    }

    @Test func reportToAFolderThatDoesNotExistExitsTwo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try await Replykit.run("lint", "templates", "--report", "json=\(scratch.path("missing/lint.json"))")
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains("missing/lint.json"), "\(outcome)")
    }

    /// Two warnings (an unused variable, a shouted word) and no error.
    static func twoWarnings() throws -> Scratch {
        let scratch = try Scratch()
        try AcmeRepository.write(in: scratch, templates: [("hello", "Hello {first_name}, we are LOOKING into it.")])
        return scratch
    }

    @Test(arguments: [(nil, 0), (2, 0), (1, 1), (0, 1)] as [(Int?, Int32)])
    func maxWarnings(_ limit: Int?, _ status: Int32) async throws {
        let scratch = try Self.twoWarnings()
        defer { scratch.remove() }
        let outcome = try await Replykit.run(["lint"] + (limit.map { ["--max-warnings", String($0)] } ?? []), in: scratch.url)
        #expect(outcome.status == status, "\(outcome)")
        #expect(outcome.stdoutLines.last?.hasPrefix("2 warnings in ") == true, "\(outcome)")
    }

    @Test func ruleOffSilencesThatRule() async throws {
        let scratch = try Self.twoWarnings()
        defer { scratch.remove() }
        async let all = Replykit.run(["lint", "--format", "json"], in: scratch.url)
        async let off = Replykit.run(["lint", "--format", "json", "--rule", "shouting=off", "--max-warnings", "1"], in: scratch.url)
        let before = try Self.report(try await all)
        let outcome = try await off
        let after = try Self.report(outcome)
        #expect(before.diagnostics.contains { $0["rule"] as? String == "shouting" })
        #expect(!after.diagnostics.contains { $0["rule"] as? String == "shouting" })
        #expect(after.diagnostics.count == before.diagnostics.count - 1)
        #expect(outcome.status == 0, "one warning is within --max-warnings 1: \(outcome)")
    }

    @Test func ruleRaisedToErrorFails() async throws {
        let scratch = try Self.twoWarnings()
        defer { scratch.remove() }
        let outcome = try await Replykit.run(["lint", "--rule", "shouting=error"], in: scratch.url)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.contains("error[shouting]"), "\(outcome)")
    }

    @Test func quietShowsErrorsOnlyButWarningsStillCount() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try AcmeRepository.write(in: scratch, templates: [
            ("hello", "Hello {first_name}, we are LOOKING into it."),
            ("secret", "Hi {first_name}, please reply with your password."),
        ])
        async let loud = Replykit.run(["lint"], in: scratch.url)
        async let quiet = Replykit.run(["lint", "--quiet"], in: scratch.url)
        let (all, errorsOnly) = (try await loud, try await quiet)
        #expect(all.stdout.contains("warning[shouting]"), "\(all)")
        #expect(errorsOnly.status == 1)
        #expect(errorsOnly.stdout.contains("error[secret-request]"), "\(errorsOnly)")
        #expect(!errorsOnly.stdout.contains("warning["), "\(errorsOnly)")

        let warningsOnly = try Self.twoWarnings()
        defer { warningsOnly.remove() }
        let counted = try await Replykit.run(["lint", "--quiet", "--max-warnings", "1"], in: warningsOnly.url)
        #expect(counted.status == 1, "hidden warnings still count: \(counted)")
        #expect(!counted.stdout.contains("warning["), "\(counted)")
    }

    @Test func pathThatDoesNotExistExitsTwo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let missing = scratch.path("no-such-repository")
        let outcome = try await Replykit.run("lint", missing)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains(missing), "the message names the path: \(outcome)")
    }

    @Test func fixRemovesAZeroWidthSpaceAndASecondRunFindsNothing() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copy(fromPackage: "templates/acme-air", to: "templates/acme-air")
        let pack = "templates/acme-air/en-US.yaml"
        let original = try #require(scratch.contents(pack))
        let text = String(decoding: original, as: UTF8.self)
        let anchor = try #require(text.range(of: "Happy to help,"))
        try scratch.write(pack, text.replacingCharacters(in: anchor, with: "Happy\u{200B} to help,"))

        let before = try await Replykit.run(["lint"], in: scratch.url)
        #expect(before.status == 1, "\(before)")
        #expect(before.stdout.contains("error[invisible-character]"), "\(before)")

        let fixed = try await Replykit.run(["lint", "--fix"], in: scratch.url)
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.stderr.contains("fixed 1 problem in 1 file"), "\(fixed)")
        #expect(!fixed.stdout.contains("invisible-character"), "\(fixed)")
        // Only the inserted character went: every other byte is as it was.
        #expect(scratch.contents(pack) == original)

        let again = try await Replykit.run(["lint", "--fix", "--format", "json"], in: scratch.url)
        #expect(again.status == 0, "\(again)")
        #expect(!again.stderr.contains("fixed"), "nothing left to fix: \(again)")
        #expect(try Self.report(again).diagnostics.allSatisfy { $0["fixable"] as? Bool == false }, "\(again)")
        #expect(scratch.contents(pack) == original)
    }
}
