import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
import ReplyLint
import Testing

/// `unused-variable` beside texts that do not parse and packs that do not load whole: what they may
/// use (a `{name` in their source) counts as used, and the rest of the brand is still reported.
@Suite struct UnusedVariableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Pack files of the brand `acme`, by name; brand.yaml declares `first_name`, `days` and `order_id`.
        var packs: [String: String]
        /// The variables reported as unused.
        var unused: Set<String>
        var setup: (@Sendable (URL) throws -> Void)?
        var testDescription: String { name }
    }

    static let brand = RuleExample.defaultBrand + "\n  order_id:\n    max_length: 12\n"
    static let greeting = "locale: en-US\ntemplates:\n  greeting:\n    text: Hi {first_name}\n"

    static let cases: [Case] = [
        Case(name: "every text parses", packs: ["en-US.yaml": greeting], unused: ["days", "order_id"]),
        Case(name: "a text that does not parse", packs: ["en-US.yaml": greeting + "  delay:\n    text: \"In {days, plural, one {# day} othr {# days}}\"\n"],
             unused: ["order_id"]),
        Case(name: "an unclosed brace, with blanks", packs: ["en-US.yaml": greeting + "  order:\n    text: Your order { order_id\n"],
             unused: ["days"]),
        Case(name: "a prefill that does not parse", packs: ["en-US.yaml": greeting
                 + "  order:\n    text: Write to us\n    dm:\n      prefill: \"Order {order_id\"\n"],
             unused: ["days"]),
        Case(name: "a name that only starts like a variable", packs: ["en-US.yaml": greeting + "  order:\n    text: Hi {order_ids\n"],
             unused: ["days", "order_id"]),
        Case(name: "a translation that does not parse", packs: [
            "en-US.yaml": greeting, "es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name, {days\n",
        ], unused: ["order_id"]),
        Case(name: "a pack that is not YAML", packs: [
            "en-US.yaml": greeting, "es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: \"Hola {days}\n",
        ], unused: ["order_id"]),
        Case(name: "a template that is not a mapping", packs: ["en-US.yaml": greeting + "  order: Your order {order_id}\n"],
             unused: ["days"]),
        Case(name: "a pack that cannot be read at all", packs: ["en-US.yaml": greeting], unused: [], setup: { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("es-MX.yaml"), withIntermediateDirectories: true)
        }),
    ]

    @Test(arguments: cases)
    func reportsWhatNothingCanUse(_ testCase: Case) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("templates/acme")
        var files = testCase.packs.mapValues { Array($0.utf8) }
        files["brand.yaml"] = Array(Self.brand.utf8)
        try TestSupport.write(files, under: folder)
        try testCase.setup?(folder)
        let outcome = TestSupport.lint([root.path], format: .json)
        let found = try #require(outcome.result?.diagnostics).filter { $0.rule == "unused-variable" }
        let names = Set(found.compactMap { $0.message.split(separator: "`").dropFirst().first.map(String.init) })
        #expect(names == testCase.unused, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.file?.hasSuffix("/brand.yaml") == true && $0.range != nil })
    }
}
