import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing

/// The JSON Schemas of `replykit schema`: committed as generated, valid draft 2020-12, passed by
/// every example file in the repository and failed by the files with schema errors.
@Suite struct SchemaTests {
    static let root = TestSupport.packageRoot

    @Test(arguments: FileSchemas.Kind.allCases)
    func committedSchemaIsCurrent(_ kind: FileSchemas.Kind) throws {
        let url = Self.root.appendingPathComponent(FileSchemas.fileName(of: kind))
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let generated = FileSchemas.text(for: kind)
        // The first line that differs, not both files whole.
        let difference = zip(committed.split(separator: "\n", omittingEmptySubsequences: false),
                             generated.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
            .map { "line \($0.offset + 1): committed \($0.element.0.debugDescription), generated \($0.element.1.debugDescription)" }
        let current = committed == generated
        #expect(current,
                "\(FileSchemas.fileName(of: kind)) is stale or missing (\(difference ?? "lengths differ")): run `make schemas` and commit the result")
    }

    @Test(arguments: FileSchemas.Kind.allCases)
    func generatedTextIsStableJSON(_ kind: FileSchemas.Kind) throws {
        let text = FileSchemas.text(for: kind)
        #expect(text == FileSchemas.text(for: kind))
        let value = try JSONValue.parse(text)
        #expect(value["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(value["$id"] == .string("urn:replykit:schema:\(kind.rawValue):1"))
        #expect(value["additionalProperties"] == .bool(false))
        #expect(text.hasSuffix("}\n") && text.contains("\n  \"properties\": {\n"))
    }

    /// The configuration schema knows every rule, and a † rule takes `error` alone.
    @Test func configurationSchemaListsEveryRule() throws {
        let value = try JSONValue.parse(FileSchemas.text(for: .config))
        let rules = try #require(value["properties"]?["rules"]?["properties"])
        for rule in RuleCatalogue.standard.rules.map(\.description) {
            let setting = try #require(rules[rule.id], "rule \(rule.id) missing from config.schema.json")
            guard case .array(let choices)? = setting["anyOf"], case .array(let severities)? = choices.first?["enum"] else {
                Issue.record("rule \(rule.id) has no severities")
                continue
            }
            #expect(severities == (rule.isMandatory ? [.string("error")] : ["error", "warning", "info", "off"].map(JSONValue.string)),
                    "\(rule.id)")
        }
    }

    /// Every `# yaml-language-server: $schema=` modeline in templates/ and locales/ names, relative
    /// to its file, the committed schema of that file's kind.
    @Test func modelinesNameTheRightSchema() throws {
        let manager = FileManager.default
        var found = 0
        for folder in ["templates", "locales"] {
            let base = Self.root.appendingPathComponent(folder)
            let enumerator = manager.enumerator(atPath: base.path)
            while let relative = enumerator?.nextObject() as? String {
                guard relative.hasSuffix(".yaml") else { continue }
                let file = base.appendingPathComponent(relative)
                let text = try String(contentsOf: file, encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("# yaml-language-server: $schema=") {
                    found += 1
                    let target = String(line.dropFirst("# yaml-language-server: $schema=".count))
                    let kind: FileSchemas.Kind = folder == "locales" ? .locale : file.lastPathComponent == "brand.yaml" ? .brand : .pack
                    let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
                    let expected = Self.root.appendingPathComponent(FileSchemas.fileName(of: kind)).standardizedFileURL.path
                    #expect(resolved == expected, "\(folder)/\(relative) names \(target)")
                    #expect(manager.fileExists(atPath: resolved), "\(folder)/\(relative) names \(target), which does not exist")
                }
            }
        }
        #expect(found >= 3, "the example brands carry the brand modeline (docs/schemas.md)")
    }

    /// The defaults the schema offers are the ones the model starts from.
    @Test func defaultsAreTheModels() {
        let brand = Brand(id: "acme", file: "brand.yaml")
        #expect(BrandReader.schema[.max_length].defaultValue == .int(brand.maxLength))
        #expect(BrandReader.deepLinkSchema[.host].defaultValue == .string(brand.deepLink.host))
        #expect(BrandReader.deepLinkSchema[.separator].defaultValue == .string(brand.deepLink.separator))
        #expect(BrandReader.variableSchema[.multiline].defaultValue == .bool(Variable.TextRules(maxLength: 1).multiline))
        #expect(BrandReader.variableSchema[.type].defaultValue == .string(BrandReader.variableTypes.defaultValue))
        #expect(Self.brandDiagnostics("name: A\naccount:\n  handle: A\ndefault_locale: en-US\nvariables:\n  v:\n    max_length: 3\n").isEmpty,
                "a variable without `type` is text")
    }

    // MARK: The readers' own checks and the schema's patterns

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        try Regex(pattern).wholeMatch(in: text) != nil
    }

    static let identifiers = ["refund-delay", "a", "a1-b2", "-a", "a-", "a--b", "Refund", "ré", "", "a_b", "9"]
    static let variableNames = ["first_name", "_x", "X9", "9x", "first-name", "", "é"]
    static let handles = ["AcmeAirHelp", "a", "@Acme", "abcdefghijklmnop", "abcdefghijklmno", "a b", "a_1", ""]
    static let tags = ["en", "en-US", "es-419", "zh-Hant-TW", "es-mx", "EN", "zh-hant", "e", "english", "en-US-posix",
                       "de-DE-1996", "en--US", "en-", "sl-rozaj", "x-private", "abcdefghi"]
    static let dates = ["2026-12-01", "2026-12-15T23:59:59-05:00", "2026-12-15T23:59:59Z", "2026-12-15T23:59:59.5+01:00",
                        "2026-12-15", "2026-12-15T23:59:59", "26-12-01", "2026/12/01", "tomorrow", "2026-12-01T10:00Z",
                        "2026-13-01", "2026-00-10", "2026-12-32", "2026-12-00", "2026-12-01 24:00:00Z", "2026-12-01t10:60:00z",
                        "2026-12-31T23:59:60+14:00", "2026-12-01T10:00:00+24:00", "2026-12-01T10:00:00-05:60", "2026-12-01T10:00:00."]

    @Test func identifierPatternIsTheReadersCheck() throws {
        for text in Self.identifiers {
            #expect(try Self.matches(FileSchemas.identifierPattern, text) == SchemaReader.isIdentifier(text), "`\(text)`")
        }
    }

    @Test func variableNamePatternIsTheReadersCheck() throws {
        guard case .nullable(.map(.pattern(let pattern, _), _)) = BrandReader.schema[.variables].value else {
            Issue.record("variables is not a map with a key pattern")
            return
        }
        for text in Self.variableNames {
            #expect(try Self.matches(pattern, text) == BrandReader.isVariableName(text), "`\(text)`")
        }
    }

    @Test func handlePatternIsTheReadersCheck() throws {
        guard case .string(let pattern?, _, _) = BrandReader.accountSchema[.handle].value else {
            Issue.record("handle has no pattern")
            return
        }
        for text in Self.handles {
            let read = Self.brandDiagnostics("name: A\naccount:\n  handle: \"\(text)\"\ndefault_locale: en-US\n")
            #expect(try Self.matches(pattern, text) == read.isEmpty, "`\(text)`: \(read)")
        }
    }

    /// A tag matches the pattern exactly when the reader accepts it without a diagnostic: well
    /// formed and written canonically.
    @Test func localeTagPatternIsTheReadersCheck() throws {
        for text in Self.tags {
            let canonical = LocaleTag(text).map { $0.canonical == text } ?? false
            #expect(try Self.matches(FileSchemas.localeTagPattern, text) == canonical, "`\(text)`")
        }
    }

    /// The pattern takes every date the reader takes; the reader also checks that the day exists.
    @Test func datePatternIsTheReadersCheck() throws {
        for text in Self.dates {
            #expect(try Self.matches(FileSchemas.datePattern, text) == (ISODate.parse(text) != nil), "`\(text)`")
        }
        #expect(try Self.matches(FileSchemas.datePattern, "2026-02-30") && ISODate.parse("2026-02-30") == nil)
    }

    static func brandDiagnostics(_ text: String) -> [String] {
        let source = SourceFile(path: "brand.yaml", bytes: Array(text.utf8))
        guard let document = try? YAMLParser.document(source, limits: .default) else { return ["yaml"] }
        var reader = BrandReader(source: source, brand: "acme")
        _ = YAMLDocument.read(document) { reader.read($0, id: "acme") }
        return reader.reader.diagnostics.map(\.message)
    }
}
