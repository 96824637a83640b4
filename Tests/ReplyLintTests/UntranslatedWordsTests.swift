import Testing
@testable import ReplyLint

/// `untranslated` counts the letters outside placeholders by scanning; it must agree with removing
/// each `{…}` with a regular expression and counting what is left, as it was first written.
@Suite struct UntranslatedWordsTests {
    @Test(arguments: [
        "{first_name}!", "Hi {first_name}", "{a}{b} ok", "OK {n, plural, one {one day} other {# days}}", "¡{x}!",
        "a{b}c{d}e", "日本{x}語", "{", "}{ab}c", "Zoë", "ab", "{x} 👍", "x{y, select, a {bb} other {cc}}",
    ])
    func agreesWithRemovingPlaceholders(text: String) {
        let letters = text.replacing(/\{[^}]*\}/, with: "").unicodeScalars.filter(\.properties.isAlphabetic).count
        #expect(UntranslatedRule.hasWords(text) == (letters >= 3), "\(text)")
    }
}
