import Testing
@testable import TweetText

struct ExtractionTests {
    struct URLCase: Sendable, CustomTestStringConvertible {
        var text: String
        var urls: [String]
        var testDescription: String { text }
    }

    static let urlCases: [URLCase] = [
        URLCase(text: "DM us: https://twitter.com/messages/compose?recipient_id=3805104374",
                urls: ["https://twitter.com/messages/compose?recipient_id=3805104374"]),
        URLCase(text: "https://x.com/messages/compose?recipient_id=1&text=Hola%20&welcome_message_id=99",
                urls: ["https://x.com/messages/compose?recipient_id=1&text=Hola%20&welcome_message_id=99"]),
        URLCase(text: "Ver acme.com/estado, gracias", urls: ["acme.com/estado"]),
        URLCase(text: "(see https://en.wikipedia.org/wiki/Primer_(film))", urls: ["https://en.wikipedia.org/wiki/Primer_(film)"]),
        URLCase(text: "http://bücher.de/ok", urls: ["http://bücher.de/ok"]),
        URLCase(text: "bücher.de", urls: ["bücher.de"]),
        URLCase(text: "https://t.co/abc/def", urls: ["https://t.co/abc"]),
        URLCase(text: "mail me@example.com", urls: []),
        URLCase(text: "ends with a dot example.org.", urls: ["example.org"]),
        URLCase(text: "http://例え.テスト", urls: []),
        URLCase(text: "http://例え.みんな", urls: ["http://例え.みんな"]),
        URLCase(text: "https://EXAMPLE.COM/Path?Q=1", urls: ["https://EXAMPLE.COM/Path?Q=1"]),
        URLCase(text: "http://127.0.0.1/x", urls: []),
        URLCase(text: "a.co-op.b.com", urls: ["a.co-op.b.com"]),
    ]

    @Test(arguments: urlCases)
    func urls(_ c: URLCase) {
        #expect(TwitterText.extractURLs(c.text).map(\.value) == c.urls)
    }

    @Test func labelLongerThan63AfterPunycodeIsNotAURL() {
        // By Python's punycode codec this label is 82 characters once encoded; its first 20 characters, 34.
        let label = String(repeating: "あいうえおかきくけこさしすせそたちつてと", count: 3)
        #expect(TwitterText.extractURLs("http://\(label).com").isEmpty)
        #expect(TwitterText.extractURLs("http://\(label.prefix(20)).com").count == 1)
    }

    @Test func punycodeLengths() {
        #expect(Punycode.encodedLength(Array("bücher".unicodeScalars.map(\.value))) == "bcher-kva".count)
        #expect(Punycode.encodedLength(Array("münchen".unicodeScalars.map(\.value))) == "mnchen-3ya".count)
        #expect(Punycode.encodedLength(Array("日本語".unicodeScalars.map(\.value))) == "wgv71a119e".count)
    }

    @Test func longUnspacedTextIsLinear() {
        // 20,000 CJK characters with no dot: must return promptly and find nothing.
        let text = String(repeating: "漢字かな", count: 5_000)
        #expect(TwitterText.extractURLs(text).isEmpty)
        #expect(TwitterText.parseTweet(text).weightedLength == 40_000)
    }

    @Test func entitiesInOrderWithoutOverlap() {
        let entities = TwitterText.extractEntities("RT @ana: #vuelos $AAPL https://acme.com/#frag @team/ops")
        #expect(entities.map(\.kind) == [.mention, .hashtag, .cashtag, .url, .list(slug: "/ops")])
        #expect(entities.map(\.value) == ["ana", "vuelos", "AAPL", "https://acme.com/#frag", "team"])
        #expect(entities[0].range == 3..<7)
    }

    @Test func mentionsAfterRetweetMarkers() {
        #expect(TwitterText.extractMentions("RT@jack hi").map(\.value) == ["jack"])
        #expect(TwitterText.extractMentions("rt:@jack hi").map(\.value) == ["jack"])
        #expect(TwitterText.extractMentions("a@jack").isEmpty)
    }

    @Test func hashtagAfterHashtagStart() {
        #expect(TwitterText.extractHashtags("##tag").map(\.value) == ["tag"])
        #expect(TwitterText.extractHashtags("#123").isEmpty)
        #expect(TwitterText.extractHashtags("#日本語 #español").map(\.value) == ["日本語", "español"])
    }

    /// URLs and mentions are looked for only in text with a `.` or an at sign: the scanners must
    /// find nothing else anywhere.
    @Test(arguments: ["no dot here", "http://localhost", "example。com", "例え．日本", "mail me at jack", "＠jack hi",
                      "@jack", "a@b.co", "visit acme.com", "à la carte", "RT @x_y: see t.co/abc", "Thanks. Bye.",
                      "see example.com.", "http://example. com", "пример.рф", "x.-y.com", "a .com", "end."])
    func shortcutsAgreeWithTheScanners(_ text: String) {
        let scannedURLs = UTF16Text.with(text) { units in
            var scanner = URLScanner(units)
            var found: [String] = []
            while let match = scanner.next() { found.append(units.string(match.start..<match.end)) }
            return found
        }
        #expect(TwitterText.extractURLs(text).map(\.value) == scannedURLs)
        #expect(TwitterText.extractMentionsOrLists(text).map(\.value)
                == UTF16Text.with(text) { MentionScanner.scan($0) }.map(\.value))
    }
}
