import Foundation
import Testing
@testable import ReplyKit
@testable import ReplyCompiler

/// A value pattern the engine cannot run is an error, never skipped: lint reports it, and the
/// renderer refuses every value of the variable, from packs and from bundles.
@Suite struct PatternFailsClosedTests {
    static func repository(pattern: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-pattern-\(UUID().uuidString)")
        let brand = root.appendingPathComponent("templates/acme")
        try FileManager.default.createDirectory(at: brand, withIntermediateDirectories: true)
        let quoted = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try """
        name: Acme
        account: {handle: Acme, user_id: "12345", dm_open: true}
        default_locale: en-US
        variables:
          code: {max_length: 10, pattern: "\(quoted)"}
        """.write(to: brand.appendingPathComponent("brand.yaml"), atomically: true, encoding: .utf8)
        try "locale: en-US\ntemplates:\n  t:\n    text: \"Your code {code} is ready\"\n"
            .write(to: brand.appendingPathComponent("en-US.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test(arguments: [#"[0-9]{4}\Q"#, "(a+)+$", "^[0-9]+", #"(?i)abc"#, #"(\d)\1"#, "[a-z"])
    func aPatternTheEngineCannotRunRefusesEveryValue(pattern: String) throws {
        let root = try Self.repository(pattern: pattern)
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = RepositoryLoader().load(templatesDirectory: root.appendingPathComponent("templates").path)
        let reported = repository.diagnostics.contains { $0.message.contains("`pattern` of") && $0.severity == .error }
        #expect(reported, "lint must report `\(pattern)`")
        let packs = try ReplyLibrary(contentsOf: root.path)
        let bundle = try ReplyBundle.decode(ReplyBundle.encode(packs, generator: "test"))
        for library in [packs, bundle] {
            for value in ["1234", "aaaa", "x"] {
                #expect {
                    try library.render("acme/t", values: ["code": .text(value)])
                } throws: { error in
                    guard let error = error as? RenderError else { return false }
                    return error.code == .templateInvalid && error.variable == "code"
                }
            }
        }
    }

    @Test func aPatternInTheSubsetStillChecks() throws {
        let root = try Self.repository(pattern: #"[0-9]{4}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let library = try ReplyLibrary(contentsOf: root.path)
        #expect(try library.render("acme/t", values: ["code": "1234"]).text == "Your code 1234 is ready")
        #expect { try library.render("acme/t", values: ["code": "12345"]) } throws: { ($0 as? RenderError)?.code == .invalidValue }
    }
}
