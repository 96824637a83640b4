import Testing
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

@Suite struct MessageParserTests {
    @Test(arguments: [
        ("Hi {first_name}!", [Message.Part.literal("Hi "), .variable(.init(name: "first_name", nameSpan: 4..<14, span: 3..<15)), .literal("!")]),
        ("{ first_name }", [.variable(.init(name: "first_name", nameSpan: 2..<12, span: 0..<14))]),
        ("don't l'avion", [.literal("don't l'avion")]),
        ("it''s '{'literal'}' #1", [.literal("it's {literal} #1")]),
        ("’{x}’", [.literal("’"), .variable(.init(name: "x", nameSpan: 4..<5, span: 3..<6)), .literal("’")]),
    ])
    func parsesLiteralsAndVariables(text: String, parts: [Message.Part]) throws {
        #expect(try MessageParser.parse(text).parts == parts)
    }

    @Test func parsesNestedPluralAndSelect() throws {
        let message = try MessageParser.parse(
            "{days, plural, =0 {today} one {in # day} other {in # days, {cabin, select, first {#1} other {ok}}}}")
        guard case .plural(let argument, let branches) = try #require(message.parts.first) else {
            Issue.record("expected a plural")
            return
        }
        #expect(argument.name == "days")
        #expect(branches.map(\.key) == [.exact(0), .category(.one), .category(.other)])
        #expect(branches[1].message.parts == [.literal("in "), .pound, .literal(" day")])
        // `#` inside a select nested in a plural is literal, as in ICU.
        guard case .select(_, let inner) = branches[2].message.parts.last else {
            Issue.record("expected a nested select")
            return
        }
        #expect(inner[0].message.parts == [.literal("#1")])
        #expect(message.variableNames == ["days", "cabin"])
    }

    @Test(arguments: [
        // (text, error message, marked span start)
        ("Hi {first name}", "expected `}` or `,` after `first`", "Hi {first ↓name}"),
        ("Hi {first_name", "this `{` is never closed", "Hi ↓{first_name"),
        ("Hi }", "unmatched `}`", "Hi ↓}"),
        ("{n, number}", "unsupported argument type `number`", "{n, ↓number}"),
        ("{n, plural, one {x}}", "`plural` needs an `other` branch", "{n, plural, one {x}↓}"),
        ("{n, plural, offset:1 other {x}}", "`offset:` is not supported", "{n, plural, ↓offset:1 other {x}}"),
        ("{n, plural, onee {x} other {y}}", "`onee` is not a plural category", "{n, plural, ↓onee {x} other {y}}"),
        ("{n, plural, one {x} one {y} other {z}}", "the branch `one` is written twice", "{n, plural, one {x} ↓one {y} other {z}}"),
        ("{c, select, =1 {x} other {y}}", "`=N` keys belong to `plural`, not `select`", "{c, select, ↓=1 {x} other {y}}"),
        ("'{never closed", "quoted text never ends", "↓'{never closed"),
        ("{1st}", "expected a variable name after `{`", "{↓1st}"),
        ("{c, select, a {x} other}", "expected `{` after the branch key `other`", "{c, select, a {x} other↓}"),
    ])
    func reportsErrorsWhereTheyAre(text: String, message: String, marked: String) {
        let expected = Array(marked.utf8).firstIndex(of: 0xE2)!
        #expect {
            try MessageParser.parse(text)
        } throws: { error in
            guard let error = error as? TemplateSyntaxError else { return false }
            return error.message == message && error.span.lowerBound == expected
        }
    }

    @Test func nestingIsLimited() throws {
        var text = "x"
        for _ in 0..<MessageParser.maxDepth { text = "{c, select, a {\(text)} other {y}}" }
        _ = try MessageParser.parse(text)
        text = "{c, select, a {\(text)} other {y}}"
        #expect(throws: TemplateSyntaxError.self) { try MessageParser.parse(text) }
    }
}
