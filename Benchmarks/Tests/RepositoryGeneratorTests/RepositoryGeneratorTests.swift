import Foundation
import ReplyLint
@testable import RepositoryGenerator
import Testing
import YAMLBaseline

/// The generated repository is what the load and lint benchmarks measure: it must be the same on
/// every run, parse as YAML, and lint as the generator means it to (no errors, the planted warnings).
@Suite struct RepositoryGeneratorTests {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("replykit-generator-tests-\(UUID().uuidString)").path
    }

    static func contents(of root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root) ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return files
    }

    @Test func theSameArgumentsWriteTheSameBytes() throws {
        let (first, second) = (Self.temporaryFolder(), Self.temporaryFolder())
        defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
        try RepositoryGenerator.write(to: first, brands: 3, locales: 4, templates: 12)
        try RepositoryGenerator.write(to: second, brands: 3, locales: 4, templates: 12)
        let written = try Self.contents(of: first)
        #expect(written.count == 1 + 3 * (1 + 4))
        #expect(written == (try Self.contents(of: second)))
    }

    @Test func everyFileIsYAMLThatLibyamlParses() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try RepositoryGenerator.write(to: root, brands: 4, locales: 10, templates: 20)
        let files = RepositoryGenerator.yamlFiles(in: root)
        #expect(files.count == 4 * 11)
        for file in files {
            #expect(LibYAML.countEvents(Array(try Data(contentsOf: URL(fileURLWithPath: file)))) != nil, "\(file)")
        }
    }

    /// Lints as `replykit lint --format json` does and reads its report.
    @Test func itLintsWithoutErrorsAndMostTemplatesHaveAPlantedWarning() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try RepositoryGenerator.write(to: root, brands: 4, locales: 10, templates: 30)
        var options = LintRun.Options()
        options.paths = [root]
        options.format = .json
        let outcome = LintRun(options: options).run()
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let templates = try #require(report["templates"] as? [[String: Any]])
        let errors = diagnostics.filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        #expect(outcome.exitCode == 0)
        #expect(templates.count == 4 * 10 * 30)

        func key(_ item: [String: Any]) -> String {
            "\(item["brand"] ?? "")/\(item["locale"] ?? "")/\(item["template"] ?? "")"
        }
        let warned = Set(diagnostics.filter { $0["severity"] as? String == "warning" }.map(key))
        let share = Double(templates.filter { warned.contains(key($0)) }.count) / Double(templates.count)
        #expect(share > 0.7, "only \(Int(share * 100)) % of the templates have a warning")
        let rules = Set(diagnostics.compactMap { $0["rule"] as? String })
        for finding in Finding.allCases {
            #expect(rules.contains(finding.rule), "no `\(finding.rule)` finding")
        }
        // Some replies are within the configured margin of their limit; none is over it.
        let lengths = templates.compactMap { ($0["max_weighted_length"] as? Int, $0["limit"] as? Int) }
        #expect(lengths.allSatisfy { length, limit in (length ?? 0) <= (limit ?? 0) })
        #expect(lengths.contains { length, limit in (length ?? 0) > (limit ?? 0) - 20 })
    }
}
