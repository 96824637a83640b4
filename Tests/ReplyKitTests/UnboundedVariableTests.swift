import Testing
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// Variables past the loader's bounds (``PackLimits``), as a library caller may make them: the worst
/// case saturates above every limit, and values are refused, rather than anything trapping.
@Suite struct UnboundedVariableTests {
    static let nowhere = SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))

    static func variable(_ name: String, _ kind: Variable.Kind) -> Variable {
        Variable(name: Located(name, range: nowhere), kind: kind, range: nowhere)
    }

    static let variables: [String: Variable] = [
        "huge": variable("huge", .text(.init(maxLength: .max))),
        "wide": variable("wide", .number(min: .min, max: .max)),
        "name": variable("name", .text(.init(maxLength: 20))),
    ]

    @Test(arguments: [
        "Hi {huge}",
        "{huge}{huge}",
        "{huge} and {name}",
        "{wide, plural, one {# {huge}} other {{huge} #}}",
        "{name, select, a {{huge}{huge}} other {x}}",
    ])
    func sumsSaturateAtIntMax(_ text: String) throws {
        let bound = try #require(LengthBound.of(try MessageParser.parse(text), variables: Self.variables))
        #expect(bound.total == .max)
        #expect(bound.reply(deepLink: 24) == .max)
        #expect(bound.variables["huge"] == .max)
    }

    @Test func numbersCountTheirDigitsAtIntsBounds() throws {
        let bound = try #require(LengthBound.of(try MessageParser.parse("{wide}"), variables: Self.variables))
        #expect(bound.total == String(Int.min).count)
    }

    @Test func boundedSumsAreExact() throws {
        let bound = try #require(LengthBound.of(try MessageParser.parse("Hi {name}, {name}"), variables: Self.variables))
        #expect(bound.total == 45)
        #expect(bound.literal == 5)
        #expect(bound.reply(deepLink: 24) == 69)
    }

    /// A number variable whose `min` is above its `max` (the loader refuses one; a library caller may
    /// make it) refuses every value rather than trapping on the range.
    @Test func invertedNumberRangeRefusesEveryValue() {
        let variable = Self.variable("n", .number(min: 5, max: 1))
        for value in [0, 1, 3, 5, 6] {
            #expect(throws: RenderError.self) { _ = try variable.validate(.number(value)) }
        }
    }
}
