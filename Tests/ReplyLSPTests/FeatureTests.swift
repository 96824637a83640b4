import Foundation
@testable import ReplyLSP
import ReplyKitSupport
import ReplyLint
import Testing

@Suite struct FeatureTests {
    /// The position of the first `text` in `path`'s line `line` (0-based), in UTF-16.
    func position(of text: String, in path: String, occurrence: Int = 0) throws -> JSONValue {
        let lines = LSPTestSupport.read(path).split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: text) {
                if seen == occurrence { return ServerHarness.position(number, line[..<range.lowerBound].utf16.count) }
                seen += 1
            }
        }
        Issue.record("no `\(text)` in \(path)")
        return ServerHarness.position(0, 0)
    }

    func started() throws -> (ServerHarness, String) {
        let root = try LSPTestSupport.repositoryCopy()
        let harness = ServerHarness()
        harness.initialize(root: root)
        return (harness, root)
    }

    @Test func hoverOnATemplateShowsWorstCasesTheRenderedReplyAndTheOtherLocales() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/en-US.yaml"
        _ = harness.open(path)
        let hover = harness.request("textDocument/hover", .object([
            ("textDocument", ServerHarness.document(path)), ("position", try position(of: "order-help:", in: path)),
        ]))
        let text = try #require(hover["result", "contents", "value"]?.stringValue)
        #expect(text.contains("**order-help** · en-US · acme-air"))
        // `Happy to help, {first_name}. Send us your booking reference here.` + the deep link.
        #expect(text.contains("Worst case: **97 / 280**"))
        #expect(text.contains("`{first_name}` 20"))
        #expect(text.contains("Happy to help, Ana. Send us your booking reference here. https://twitter.com/messages/compose?recipient_id=3805104374"))
        #expect(text.contains("- es-MX: "))
        #expect(text.contains("- ja-JP: "))
    }

    @Test func hoverOnAVariableShowsItsDeclaration() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/en-US.yaml"
        _ = harness.open(path)
        var at = try position(of: "{flight}", in: path)
        if case .object(var fields) = at, let character = at["character"]?.intValue {
            fields[1] = ("character", .int(character + 3))
            at = .object(fields)
        }
        let hover = harness.request("textDocument/hover", .object([("textDocument", ServerHarness.document(path)), ("position", at)]))
        let text = try #require(hover["result", "contents", "value"]?.stringValue)
        #expect(text.contains("**`{flight}`** · text"))
        #expect(text.contains("at most 7 weighted characters"))
        #expect(text.contains("pattern: `[A-Z]{2}[0-9]{1,5}`"))
        #expect(text.contains("example: `AC1234`"))
    }

    @Test func definitionGoesToTheVariableTheFollowUpAndTheCampaign() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/es-MX.yaml"
        let brand = root + "/templates/acme-air/brand.yaml"
        _ = harness.open(path)
        func definition(_ at: JSONValue) -> JSONValue {
            harness.request("textDocument/definition", .object([("textDocument", ServerHarness.document(path)), ("position", at)]))["result"] ?? .null
        }
        let variable = definition(try position(of: "first_name}", in: path))
        #expect(variable["uri"]?.stringValue == FileURI.uri(brand))
        #expect(variable["range", "start"] == (try position(of: "first_name:", in: brand)))
        let followUp = definition(try position(of: "refund-check", in: path))
        #expect(followUp["uri"]?.stringValue == FileURI.uri(path))
        #expect(followUp["range", "start"] == (try position(of: "refund-check:", in: path)))
        let campaign = definition(try position(of: "winter-storm", in: path))
        #expect(campaign["uri"]?.stringValue == FileURI.uri(brand))
        #expect(campaign["range", "start"] == (try position(of: "winter-storm:", in: brand)))
    }

    @Test func symbolsAndInlayHints() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/en-US.yaml"
        _ = harness.open(path)
        let symbols = harness.request("textDocument/documentSymbol", .object([("textDocument", ServerHarness.document(path))]))["result"]?.arrayValue ?? []
        let names = symbols.compactMap { $0["name"]?.stringValue }
        #expect(names.prefix(3) == ["refund-delay", "refund-check", "bag-found"])
        #expect(symbols.last?["children"]?.arrayValue?.first?["name"]?.stringValue == "storm-delay")
        let hints = harness.request("textDocument/inlayHint", .object([
            ("textDocument", ServerHarness.document(path)),
            ("range", .object([("start", ServerHarness.position(0, 0)), ("end", ServerHarness.position(999, 0))])),
        ]))["result"]?.arrayValue ?? []
        let orderHelp = try position(of: "Happy to help", in: path)
        let hint = try #require(hints.first { $0["position", "line"] == orderHelp["line"] })
        #expect(hint["label"]?.stringValue == "97 / 280")
    }

    @Test(arguments: [
        ("    text: Hi {", LanguageServer.CompletionContext.variable),
        ("    text: Hi {first_", .variable),
        ("    text: \"{days, ", .argumentKind),
        ("    text: \"{days, plural, ", .pluralCategory(variable: "days")),
        ("    text: \"{days, plural, one {# day} ", .pluralCategory(variable: "days")),
        ("    follow_up: ref", .followUp),
        ("    disable: [near-limit, ", .rule),
        ("locale: es", .locale),
        ("default_locale: ", .locale),
    ] as [(String, LanguageServer.CompletionContext)])
    func completionContexts(prefix: String, context: LanguageServer.CompletionContext) {
        #expect(LanguageServer.completionContext(prefix, previousLines: ["templates:"]) == context)
    }

    @Test func completionContextsFromTheLinesAbove() {
        #expect(LanguageServer.completionContext("  win", previousLines: ["campaigns:"]) == .campaign)
        #expect(LanguageServer.completionContext("      - near", previousLines: ["    disable:", "    text: Hi"]) == .rule)
        #expect(LanguageServer.completionContext("  - es", previousLines: ["locales:"]) == .locale)
        #expect(LanguageServer.completionContext("  refund", previousLines: ["templates:"]) == nil)
        #expect(LanguageServer.completionContext("    text: {", previousLines: []) == nil)
    }

    @Test func completionListsTheBrandsVariablesAndTheLocalesCategories() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/ja-JP.yaml"
        let text = LSPTestSupport.read(path) + "  new-one:\n    text: \"{days, plural, "
        _ = harness.open(path, text: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func complete(_ line: Int, _ character: Int) -> [String] {
            let answer = harness.request("textDocument/completion", .object([
                ("textDocument", ServerHarness.document(path)), ("position", ServerHarness.position(line, character)),
            ]))
            return answer["result", "items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        }
        // Japanese has only `other`.
        #expect(complete(lines.count - 1, lines.last!.utf16.count) == ["other"])
        #expect(complete(lines.count - 1, "    text: \"{".utf16.count) == ["first_name", "days", "flight", "cabin"])
    }

    @Test func quickFixesAndFixAllMakeWhatFixMakes() throws {
        let (harness, root) = try started()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/templates/acme-air/es-MX.yaml"
        let text = LSPTestSupport.read(path).replacingOccurrences(of: "Hola {first_name},", with: "Hola  {first_name},")
            .replacingOccurrences(of: "¿Sigues ahí,", with: "¿Sigues  ahí,")
        _ = harness.open(path, text: text)
        func actions(only: [String]?) -> [JSONValue] {
            var context: [(String, JSONValue)] = [("diagnostics", .array([]))]
            if let only { context.append(("only", .array(only.map { .string($0) }))) }
            return harness.request("textDocument/codeAction", .object([
                ("textDocument", ServerHarness.document(path)),
                ("range", .object([("start", ServerHarness.position(0, 0)), ("end", ServerHarness.position(999, 0))])),
                ("context", .object(context)),
            ]))["result"]?.arrayValue ?? []
        }
        let quickFixes = actions(only: ["quickfix"])
        #expect(quickFixes.count == 2)
        #expect(quickFixes.allSatisfy { $0["diagnostics"]?.arrayValue?.first?["code"]?.stringValue == "whitespace" })
        let fixAll = try #require(actions(only: ["source.fixAll"]).first)
        #expect(fixAll["kind"]?.stringValue == "source.fixAll.replykit")
        let edits = try #require(fixAll["edit", "changes", FileURI.uri(path)]?.arrayValue)
        var document = Document(uri: FileURI.uri(path), path: path, version: 1, text: Array(text.utf8))
        try document.apply(edits.map { .object([("range", $0["range"]!), ("text", $0["newText"]!)]) })
        // What `replykit lint --fix` writes.
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var options = ReplyLint.LintRun.Options()
        options.paths = [path]
        options.fix = true
        _ = ReplyLint.LintRun(options: options).run()
        #expect(String(decoding: document.bytes, as: UTF8.self) == LSPTestSupport.read(path))
        #expect(LSPTestSupport.read(path) != text)
    }
}
