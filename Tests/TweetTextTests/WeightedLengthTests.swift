import Foundation
import Testing
@testable import TweetText

/// Cases beyond twitter-text's conformance data, for what ReplyKit's guarantee leans on.
struct WeightedLengthTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var v3: Int
        var note: String
        var testDescription: String { note }
    }

    static let cases: [Case] = [
        Case(text: "", v3: 0, note: "empty text"),
        Case(text: "abc", v3: 3, note: "ASCII counts 1"),
        Case(text: "ñandú", v3: 5, note: "Latin-1 counts 1"),
        Case(text: "n\u{303}andu\u{301}", v3: 5, note: "decomposed accents are counted after NFC"),
        Case(text: "日本語", v3: 6, note: "CJK counts 2"),
        Case(text: "مرحبا", v3: 5, note: "Arabic is below U+10FF and counts 1"),
        Case(text: "ⅷ", v3: 2, note: "U+2177 is outside the one-weight ranges"),
        Case(text: "—“”′", v3: 4, note: "dashes, quotes and primes count 1"),
        Case(text: "👍", v3: 2, note: "one emoji"),
        Case(text: "👍🏽", v3: 2, note: "emoji with a skin tone is one emoji"),
        Case(text: "👨‍👩‍👧‍👦", v3: 2, note: "ZWJ family is one emoji"),
        Case(text: "🇲🇽🇯🇵", v3: 4, note: "two flags"),
        Case(text: "🏴󠁧󠁢󠁳󠁣󠁴󠁿", v3: 2, note: "tag sequence (Scotland) is one emoji"),
        Case(text: "1️⃣", v3: 2, note: "keycap with VS16"),
        Case(text: "#⃣", v3: 2, note: "keycap without VS16"),
        Case(text: "©", v3: 1, note: "copyright sign alone is text"),
        Case(text: "©️", v3: 2, note: "copyright sign with VS16 is an emoji"),
        Case(text: "❤️", v3: 2, note: "heart with VS16 is one emoji, not 2 + 2"),
        Case(text: "https://twitter.com/messages/compose?recipient_id=3805104374", v3: 23, note: "deep link counts 23"),
        Case(text: "Escríbenos https://twitter.com/messages/compose?recipient_id=3805104374&text=N%C3%BAmero%20de%20pedido",
             v3: 34, note: "deep link with an encoded prefill still counts 23"),
        Case(text: "見てexample.comを", v3: 4 + 23 + 2, note: "a scheme-less URL inside Japanese text"),
        Case(text: "example.c", v3: 9, note: "no such top-level domain: not a URL"),
        Case(text: "Visit acme.com.", v3: 6 + 23 + 1, note: "the trailing period is not part of the URL"),
    ]

    @Test(arguments: cases)
    func weightedLength(_ c: Case) {
        #expect(TwitterText.parseTweet(c.text).weightedLength == c.v3, "\(c.note)")
        #expect(TwitterText.weightedLength(c.text) == c.v3, "\(c.note)")
    }

    /// ASCII whose dots end sentences is counted without a parse: what looks like a URL, an emoji or
    /// an entity there, and what is a URL, must weigh what the parse says.
    @Test(arguments: ["http://localhost", "https://t/x", "a:b//c", "mailto:help", "#1 *2 ### 0", ":) <3 :-D",
                      "@jack #tag $CASH", "{first_name}, thanks!", "line\nbreak\ttab\r\n", String(repeating: "a", count: 400),
                      "Thanks (0).", "Sorry. We are on it...", "e.g. this", "http://example. com", "visit acme.com",
                      "see t.co/abc.", "1.5 days", "www.x_y.org", "a.-b.com", "example.c", "https://example.com/path."])
    func plainASCIIIsCountedAsTheParseCountsIt(_ text: String) {
        for configuration in [TwitterTextConfiguration.v2, .v3] {
            #expect(TwitterText.weightedLength(text, configuration: configuration)
                    == TwitterText.parseTweet(text, configuration: configuration).weightedLength)
        }
    }

    @Test func emptyTextIsInvalid() {
        let result = TwitterText.parseTweet("")
        #expect(!result.isValid)
        #expect(result.displayRangeEnd == 0)
    }

    @Test func exactly280IsValidAnd281IsNot() {
        #expect(TwitterText.parseTweet(String(repeating: "a", count: 280)).isValid)
        let over = TwitterText.parseTweet(String(repeating: "a", count: 281))
        #expect(!over.isValid)
        #expect(over.validRangeEnd == 279)
        #expect(TwitterText.parseTweet(String(repeating: "日", count: 140)).isValid)
        #expect(!TwitterText.parseTweet(String(repeating: "日", count: 141)).isValid)
    }

    @Test func customConfigurationFromJSON() throws {
        let json = """
            {"version": 9, "maxWeightedTweetLength": 10, "scale": 1, "defaultWeight": 3,
             "transformedURLLength": 5, "ranges": [{"start": 0, "end": 127, "weight": 1}]}
            """
        let configuration = try JSONDecoder().decode(TwitterTextConfiguration.self, from: Data(json.utf8))
        #expect(!configuration.emojiParsingEnabled)
        let result = TwitterText.parseTweet("ab é x.com", configuration: configuration)
        // a b space (3) + é (3) + space (1) + URL (5)
        #expect(result.weightedLength == 12)
        #expect(!result.isValid)
        #expect(result.permillage == 1200)
    }

    @Test func configurationRejectsZeroScale() {
        let json = #"{"version": 1, "maxWeightedTweetLength": 10, "scale": 0, "defaultWeight": 1, "transformedURLLength": 1, "ranges": []}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TwitterTextConfiguration.self, from: Data(json.utf8))
        }
    }

    @Test func v2CountsEmojiSequencesByCodePoint() {
        #expect(TwitterText.parseTweet("👍🏽", configuration: .v2).weightedLength == 4)
        #expect(TwitterText.parseTweet("👨‍👩‍👧‍👦", configuration: .v2).weightedLength == 11)
    }

    @Test(arguments: ["café", "e\u{301}", "Å", "A\u{30A}", "한국어", "\u{1100}\u{1161}", "ｶﾞ", "が", "か\u{3099}",
                      "x\u{305}\u{316}", "x\u{316}\u{305}", "\u{2126}", "שּׁ", "ﬔ", "Ἀ", "\u{F900}", "नि", "ক\u{9BC}"])
    func quickCheckAgreesWithNormalization(_ text: String) {
        var copy = text
        let certain = copy.withUTF8 { Normalization.isCertainlyNFC($0) }
        let isNFC = text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
        // The quick check may say "don't know" for NFC text, never "yes" for text that is not NFC.
        if certain { #expect(isNFC, "quick check said NFC for \(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        if !NFCQuickCheck.isNotYes(text.unicodeScalars.first!.value) && text.unicodeScalars.count == 1 {
            #expect(certain)
        }
    }

    @Test func rangesAreInUTF16OffsetsOfTheOriginalText() {
        // U+FB2C decomposes to three code points under NFC.
        let result = TwitterText.parseTweet("A\u{FB2C}")
        #expect(result.displayRangeEnd == 1)
        #expect(result.validRangeEnd == 1)
        #expect(result.weightedLength == 4)
    }
}
