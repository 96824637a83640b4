import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing

/// Numbers from brand.yaml are held to ``PackLimits`` where they are read: packs that once trapped
/// `replykit lint` and `replykit render` (integer overflow) end in a `schema` error naming the key,
/// the value and the bound, and both entry points run to the end.
@Suite struct PackLimitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// brand.yaml: the default brand with one replacement.
        var replacing: String
        var with: String
        /// The 1-based line of brand.yaml the `schema` error starts on.
        var line: Int
        /// What its message must say: the key, the value and the bound.
        var says: [String]
        var testDescription: String { name }
    }

    /// Texts that use both variables, so the worst case and plural-categories read every bound.
    static let pack = """
        locale: en-US
        templates:
          greeting:
            text: "Hi {first_name}, in {days, plural, one {# day} other {# days}}"
            dm: true
        """

    static let cases: [Case] = [
        Case(name: "text max_length Int.max", replacing: "max_length: 20", with: "max_length: 9223372036854775807", line: 9,
             says: ["`max_length` of variable `first_name`", "9223372036854775807", "1…10,000"]),
        Case(name: "number max Int.max", replacing: "min: 1\n    max: 30", with: "min: -1\n    max: 9223372036854775807", line: 14,
             says: ["`max` of variable `days`", "9223372036854775807", "-999,999,999,999,999…999,999,999,999,999"]),
        Case(name: "number min Int.min", replacing: "min: 1", with: "min: -9223372036854775808", line: 13,
             says: ["`min` of variable `days`", "-9223372036854775808", "-999,999,999,999,999…999,999,999,999,999"]),
        Case(name: "number past Int", replacing: "max: 30", with: "max: 123456789012345678901234567890", line: 14,
             says: ["`max` of variable `days`", "123456789012345678901234567890", "999,999,999,999,999"]),
        Case(name: "number one past the bound", replacing: "max: 30", with: "max: 1000000000000000", line: 14,
             says: ["`max` of variable `days`", "1000000000000000"]),
        Case(name: "text max_length 0", replacing: "max_length: 20", with: "max_length: 0", line: 9,
             says: ["`max_length` of variable `first_name`", "found 0", "1…10,000"]),
        Case(name: "text max_length one past the bound", replacing: "max_length: 20", with: "max_length: 10001", line: 9,
             says: ["`max_length` of variable `first_name`", "10001", "1…10,000"]),
        Case(name: "brand max_length Int.max", replacing: "default_locale: en-US",
             with: "default_locale: en-US\nmax_length: 9223372036854775807", line: 7,
             says: ["`max_length` must be within 1…25,000", "9223372036854775807"]),
    ]

    /// A repository of the brand `acme` with `brand` and ``pack``, removed by the caller.
    static func repository(brand: String) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write(["templates/acme/brand.yaml": Array(brand.utf8), "templates/acme/en-US.yaml": Array(pack.utf8)],
                              under: root)
        return root
    }

    static func brand(_ testCase: Case, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        #expect(RuleExample.defaultBrand.contains(testCase.replacing), sourceLocation: sourceLocation)
        return RuleExample.defaultBrand.replacingOccurrences(of: testCase.replacing, with: testCase.with) + "\n"
    }

    @Test(arguments: cases)
    func lintReportsTheValueAndItsBound(_ testCase: Case) throws {
        let root = try Self.repository(brand: Self.brand(testCase))
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = TestSupport.lint([root.path], format: .json)
        #expect(outcome.exitCode == 1)
        let diagnostics = try #require(outcome.result?.diagnostics)
        let schema = diagnostics.filter { $0.rule == "schema" }
        #expect(schema.count == 1, "\(schema.map(\.message))")
        let finding = try #require(schema.first)
        #expect(finding.file?.hasSuffix("/brand.yaml") == true)
        #expect(finding.range?.start.line == testCase.line)
        for part in testCase.says {
            #expect(finding.message.contains(part), "`\(finding.message)` does not say \(part)")
        }
        #expect(!finding.notes.isEmpty, "the bound's reason is a note")
        // The declaration in error is not also called undeclared.
        #expect(!diagnostics.contains { $0.rule == "undeclared-variable" }, "\(diagnostics.map(\.message))")
        // Every report format renders it.
        for format in ReportFormat.allCases { #expect(!format.render(outcome.result!, options: ReportOptions()).isEmpty) }
    }

    @Test(arguments: cases)
    func renderRefusesWithATypedError(_ testCase: Case) throws {
        let root = try Self.repository(brand: Self.brand(testCase))
        defer { try? FileManager.default.removeItem(at: root) }
        let library = try ReplyLibrary(contentsOf: root.path)
        let values: [String: ReplyValue] = ["first_name": "Ana", "days": 3]
        do {
            let reply = try library.render("acme/greeting", values: values)
            // A brand limit out of bounds leaves the default: the reply renders within it.
            #expect(testCase.replacing == "default_locale: en-US", "rendered \(reply.text)")
            #expect(reply.limit == 280)
        } catch {
            #expect(error.code == .templateInvalid, "\(error)")
        }
    }

    /// The bounds themselves are accepted, and lint and render work at them.
    @Test func valuesAtTheBoundsAreAccepted() throws {
        let brand = RuleExample.defaultBrand
            .replacingOccurrences(of: "max_length: 20", with: "max_length: 10000")
            .replacingOccurrences(of: "min: 1\n    max: 30", with: "min: -999999999999999\n    max: 999999999999999")
            .replacingOccurrences(of: "default_locale: en-US", with: "default_locale: en-US\nmax_length: 25000") + "\n"
        let root = try Self.repository(brand: brand)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = TestSupport.lint([root.path], format: .json)
        let errors = try #require(outcome.result?.diagnostics).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.rule): \($0.message)" })")
        let library = try ReplyLibrary(contentsOf: root.path)
        let reply = try library.render("acme/greeting", values: ["first_name": "Ana", "days": 999_999_999_999_999])
        #expect(reply.text.hasPrefix("Hi Ana, in 999999999999999 days "))
        #expect { try library.render("acme/greeting", values: ["first_name": "Ana", "days": 1_000_000_000_000_000]) } throws: {
            ($0 as? RenderError)?.code == .invalidValue
        }
    }

    /// plural-categories samples a range from its two ends: any `Int` bounds, however wide, give
    /// at most 2 × 1,001 values, and never trap.
    @Test(arguments: [
        (Int.min, Int.max), (Int.max - 5, Int.max), (Int.min, Int.min + 3), (-1, Int.max), (0, 2_000), (0, 2_001), (7, 7),
    ])
    func pluralSamplesStayWithinTheRange(_ min: Int, _ max: Int) {
        let samples = PluralCategoriesRule.samples(min: min, max: max)
        #expect(samples.first == min)
        #expect(samples.last == max)
        #expect(samples.count <= 2_002)
        #expect(zip(samples, samples.dropFirst()).allSatisfy { $0 < $1 }, "samples are distinct and in order")
        // A range of at most 2,002 values is tried whole.
        let (width, overflow) = max.subtractingReportingOverflow(min)
        if !overflow && width < 2_002 { #expect(samples.count == width + 1) }
    }
}
