import Testing
import ReplyKit
@testable import ReplyKitSupport
import ReplyCompiler

/// ASCII text is matched in place and other text through folded scalars: both must find the same
/// terms at the same UTF-8 offsets.
@Suite struct TermMatcherTests {
    static let matcher = TermMatcher(terms: ["password", "PIN", "order number", "contraseña", "注文番号"])

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: [(term: String, range: Range<Int>)]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Send your Password and PIN", expected: [("password", 10..<18), ("PIN", 23..<26)]),
        // The same with a non-ASCII letter before: every offset moves by its two bytes.
        Case(text: "é Send your Password and PIN", expected: [("password", 13..<21), ("PIN", 26..<29)]),
        Case(text: "your passwords, PINs", expected: [("password", 5..<14)]),
        Case(text: "spinning ORDER NUMBER", expected: [("order number", 9..<21)]),
        Case(text: "tu CONTRASEÑA y 注文番号", expected: [("contraseña", 3..<14), ("注文番号", 17..<29)]),
        Case(text: "nothing to see", expected: []),
    ]

    @Test(arguments: cases)
    func findsTermsAtTheirOffsets(_ example: Case) {
        let found = Self.matcher.matches(in: example.text)
        #expect(found.map(\.term) == example.expected.map(\.term))
        #expect(found.map(\.range) == example.expected.map(\.range))
    }
}

/// A matcher of several lists walks a text once for all of them: it must find, list by list, what a
/// matcher of each list alone finds, each match tagged with its list.
@Suite struct CombinedTermMatcherTests {
    static let lists = [["order number", "email"], ["password", "PIN"], ["call us"], ["never", "nunca"]]

    @Test(arguments: [
        "Send us your order number and PASSWORD; call us, we never ask for a PIN",
        "é never your email — call us, pinning nothing, passwords nunca",
        "nothing here",
    ])
    func findsWhatEachListFindsAlone(_ text: String) {
        let combined = TermMatcher(lists: Self.lists).matches(in: text)
        #expect(!text.contains("order") || !combined.isEmpty)
        for (index, terms) in Self.lists.enumerated() {
            let alone = TermMatcher(terms: terms).matches(in: text)
            let fromCombined = combined.filter { $0.list == index }
            #expect(fromCombined.map(\.term) == alone.map(\.term), "list \(index)")
            #expect(fromCombined.map(\.range) == alone.map(\.range), "list \(index)")
            #expect(alone.allSatisfy { $0.list == 0 })
        }
    }
}

/// Positions are first screened by their first two scalars; a term of one scalar has no second one
/// and must still be found, at the very end of a text too.
@Suite struct ShortTermMatcherTests {
    @Test(arguments: [
        (["税", "password"], "税込み: password, 税", ["税", "password", "税"]),
        (["pw", "PIN"], "my PIN, my pw", ["PIN", "pw"]),
        (["pw"], "ends with pw", ["pw"]),
    ])
    func findsShortTerms(_ terms: [String], _ text: String, _ expected: [String]) {
        #expect(TermMatcher(terms: terms).matches(in: text).map(\.term) == expected)
    }
}

/// Where a match ends: a term inside a longer word is no match, an inflection widens the match, and
/// `asWritten` tells the two widths apart whatever the apostrophe's bytes.
@Suite struct TermMatcherWordTests {
    @Test(arguments: [
        ("password", "mypassword, passwordmanager", [], []),
        ("pin", "SPIN the PIN", ["PIN"], [true]),
        ("contraseña", "tus contraseñas", ["contraseñas"], [false]),
        ("merci d'indiquer", "Merci d’indiquer", ["Merci d’indiquer"], [true]),
        ("order number", "Order2 order number", ["order number"], [true]),
    ])
    func matchesWholeWordsAndTheirEndings(_ term: String, _ text: String, _ expected: [String], _ asWritten: [Bool]) {
        let matches = TermMatcher(terms: [term]).matches(in: text)
        let bytes = Array(text.utf8)
        #expect(matches.map { String(decoding: bytes[$0.range], as: UTF8.self) } == expected)
        #expect(matches.map(\.asWritten) == asWritten)
    }
}
