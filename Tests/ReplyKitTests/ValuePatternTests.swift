import Foundation
import Testing
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// The renderer's own pattern matcher must say what ICU says, for every pattern it takes on.
@Suite struct ValuePatternTests {
    static let patterns = [
        "[\\p{L}' -]+", "[A-Z]{2}[0-9]{1,5}", "[A-Z0-9]{6}", "\\d{4,}", "\\d+(\\.\\d{1,2})?", "[^@#]+",
        "(?:ab|cd)*e?", "a{2,}", "\\w+", "\\W*", "\\s?x\\S", ".+", "[\\p{Lu}][\\p{Ll}]*", "\\P{L}+",
        "[-a-c]+", "[a\\-z]", "(a|)b", "((x)*)*y", "\\u00e9+", "\\x{1F600}", "[\\d\\s]+", "\\p{N}{1,3}",
        "[A-Za-z0-9._%+-]{1,20}", "(?:[01]\\d|2[0-3]):[0-5]\\d", "caf\\u00E9|tea", "a*?b", "\\.", "[\\]a]+",
    ]
    static let inputs = [
        "", "Ana", "María José", "O'Neil", "Jean-Luc", "AC1234", "AC123456", "ac1234", "A1", "ABC123",
        "2024", "12", "3.14", "3.", "abcd", "cde", "e", "ab", "aa", "aaaa", "b", "yy", "xxy", "y", "é", "éé",
        "e\u{301}", "😀", "😀😀", " x!", "x!", "tab\there", "line\nbreak", "  ", "\u{2028}", "张伟", "Ａ",
        "٣٤", "१२३", "a-b", "-", "ana.b+c_d%e@f", "23:59", "24:00", "café", "tea", "aab", "b", ".", "]a]",
        "user_name", "ΑΒΓ", "Ωmega", "\u{200D}", "ß", "x\u{0}y",
    ]

    @Test(arguments: patterns)
    func agreesWithICU(_ pattern: String) throws {
        let native = try #require(ValuePattern(pattern), "`\(pattern)` should be in the subset")
        let icu = try NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
        for input in Self.inputs {
            let expected = icu.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil
            #expect(native.matches(input) == expected, "`\(pattern)` on \(input.debugDescription)")
        }
    }

    @Test(arguments: ["^a", "a$", "\\bword", "(?=a)a", "(a)\\1", "(?i)abc", "a*+", "[a-z&&[^x]]", "[[a]]",
                      "\\p{Latin}", "\\Qa.b\\E", "a**", "[z-a]", "(a", "a)", "a{3,2}", "[]a]"])
    func refusesWhatItCannotRun(_ pattern: String) {
        #expect(ValuePattern(pattern) == nil)
    }

    @Test func countedRepetitionIsLinear() throws {
        let pattern = try #require(ValuePattern("(a|aa)*(a|aa)*b"))
        #expect(!pattern.matches(String(repeating: "a", count: 5_000)))
        #expect(pattern.matches(String(repeating: "a", count: 5_000) + "b"))
    }
}
