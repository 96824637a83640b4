import Testing
import TweetText
@testable import ReplyPreview

@Suite struct CardPartsTests {
    @Test(arguments: [
        ("https://acme-air.example/help", "acme-air.example/help"),
        ("http://www.acme-air.example/", "acme-air.example/"),
        ("HTTPS://WWW.Example.com/a", "Example.com/a"),
        ("https://status.alaano-express.com/live/incidents/2026", "status.alaano-express.com…"),
        ("example.com", "example.com"),
    ])
    func shortensURLsForDisplay(_ url: String, _ shown: String) {
        #expect(DisplayURL.shortened(url) == shown)
    }

    @Test(arguments: [
        ("Write to us https://twitter.com/messages/compose?recipient_id=3805104374", true, nil as String?),
        ("DM us https://x.com/messages/compose?recipient_id=42&text=Booking%20reference%3A%20", true, "Booking reference: "),
        ("https://twitter.com/messages/compose?recipient_id=42 then more text", false, nil),
        ("Not a DM link https://twitter.com/messages/compose?recipient_id=abc", false, nil),
        ("Another site https://example.com/messages/compose?recipient_id=42", false, nil),
        ("No link at all", false, nil),
    ])
    func findsTheDeepLinkOnlyWhenLast(_ text: String, _ found: Bool, _ prefill: String?) {
        let button = DeepLinkButton.find(in: text, urls: TwitterText.extractURLs(text))
        #expect((button != nil) == found)
        #expect(button?.prefill == prefill)
    }

    @Test(arguments: [
        ("refund-delay", "refund-delay"),
        ("../../etc/passwd", "~2E.~2F..~2Fetc~2Fpasswd"),
        (".hidden", "~2Ehidden"),
        ("a/b", "a~2Fb"),
        ("", "~"),
        ("ñ", "~C3~B1"),
    ])
    func pathSegmentsCannotClimbOut(_ name: String, _ segment: String) {
        #expect(SiteLayout.segment(name) == segment)
        #expect(!SiteLayout.segment(name).contains("/"))
    }

    @Test(arguments: [("ar", "rtl"), ("ar-EG", "rtl"), ("he-IL", "rtl"), ("fa", "rtl"), ("en-US", "ltr"), ("ja-JP", "ltr"), ("zh-Hans", "ltr")])
    func directionFollowsTheLanguage(_ locale: String, _ direction: String) {
        #expect(ReplyCard.direction(of: locale) == direction)
    }

    @Test func writerEscapesTextAndAttributes() {
        var html = HTMLWriter()
        html.element("span", [("title", "\"><script>x</script>")], text: "<b>&</b>")
        #expect(html.html == "<span title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;&amp;&lt;/b&gt;</span>")
    }

    @Test(arguments: [
        ("👍🏽 thanks @jack, see #swift", "👍🏽 thanks <span class=\"entity mention\" dir=\"auto\">@jack</span>, see <span class=\"entity hashtag\" dir=\"auto\">#swift</span>"),
        ("日本語 $AAPL と https://example.com/abc", "日本語 <span class=\"entity cashtag\" dir=\"auto\">$AAPL</span> と <span class=\"entity url\" dir=\"auto\" title=\"https://example.com/abc\">example.com/abc</span>"),
        ("<b>@ana</b>", "&lt;b&gt;<span class=\"entity mention\" dir=\"auto\">@ana</span>&lt;/b&gt;"),
        ("line one\nline two", "line one\nline two"),
    ])
    func stylesEntitiesAfterAnyCharacters(_ text: String, _ html: String) {
        var writer = HTMLWriter()
        CardText.write(text, entities: TwitterText.extractEntities(text), into: &writer)
        #expect(writer.html == html)
    }

    @Test func leavesOffTheSeparatorBeforeAHiddenLink() {
        let text = "Write to us 💬\nhttps://twitter.com/messages/compose?recipient_id=42"
        let entities = TwitterText.extractEntities(text)
        let link = try? #require(DeepLinkButton.find(in: text, urls: entities.filter { $0.kind == .url }))
        var writer = HTMLWriter()
        CardText.write(text, entities: entities, upTo: link?.start, trimmingEnd: true, into: &writer)
        #expect(writer.html == "Write to us 💬")
    }
}
