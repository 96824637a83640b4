import ReplyKit
import Testing
@testable import TweetText
import ReplyCompiler

@Suite("twitter-text conformance", .conformanceData)
struct ConformanceTests {
    static let weighted = Conformance.cases("validate.yml", "WeightedTweetsCounterTest")
    static let emoji = Conformance.cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest")
    static let directional = Conformance.cases("validate.yml", "UnicodeDirectionalMarkerCounterTest")

    @Test("weighted length with config v2", arguments: weighted)
    func weightedV2(_ test: Conformance.Case) {
        expectParse(test, .v2)
    }

    @Test("weighted length with config v3 (emoji)", arguments: emoji)
    func weightedV3(_ test: Conformance.Case) {
        expectParse(test, .v3)
    }

    @Test("directional markers with config v3", arguments: directional)
    func directionalV3(_ test: Conformance.Case) {
        expectParse(test, .v3)
    }

    func expectParse(_ test: Conformance.Case, _ configuration: TwitterTextConfiguration) {
        let result = TwitterText.parseTweet(test.text, configuration: configuration)
        let e = test.expected
        let expected = TweetParseResult(
            weightedLength: e["weightedLength"]?.int ?? -1, permillage: e["permillage"]?.int ?? -1,
            isValid: e["valid"]?.bool ?? false,
            displayRangeStart: e["displayRangeStart"]?.int ?? -1, displayRangeEnd: e["displayRangeEnd"]?.int ?? -1,
            validRangeStart: e["validRangeStart"]?.int ?? -1, validRangeEnd: e["validRangeEnd"]?.int ?? -1)
        #expect(result == expected, "\(test.description)")
        // `weightedLength` counts plain ASCII without parsing: it must agree with the parse.
        #expect(TwitterText.weightedLength(test.text, configuration: configuration) == expected.weightedLength,
                "\(test.description)")
        expectOneScan(test.text, configuration)
    }

    /// `parseTweetAndURLs` finds the URLs while it counts: it must give what the two calls give.
    func expectOneScan(_ text: String, _ configuration: TwitterTextConfiguration = .v3,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let both = TwitterText.parseTweetAndURLs(text, configuration: configuration)
        #expect(both.parse == TwitterText.parseTweet(text, configuration: configuration), sourceLocation: sourceLocation)
        #expect(both.urls == TwitterText.extractURLs(text), sourceLocation: sourceLocation)
    }

    // MARK: Extraction

    @Test("urls", arguments: Conformance.cases("extract.yml", "urls") + Conformance.cases("extract.yml", "tco_urls_with_params"))
    func urls(_ test: Conformance.Case) {
        #expect(TwitterText.extractURLs(test.text).map(\.value) == test.expected.strings, "\(test.description)")
        expectOneScan(test.text)
    }

    @Test("urls with indices", arguments: Conformance.cases("extract.yml", "urls_with_indices")
        + Conformance.cases("extract.yml", "urls_with_directional_markers"))
    func urlsWithIndices(_ test: Conformance.Case) {
        expectEntities(TwitterText.extractURLs(test.text), test, key: "url")
        expectOneScan(test.text)
    }

    @Test("mentions", arguments: Conformance.cases("extract.yml", "mentions"))
    func mentions(_ test: Conformance.Case) {
        #expect(TwitterText.extractMentions(test.text).map(\.value) == test.expected.strings, "\(test.description)")
    }

    @Test("mentions with indices", arguments: Conformance.cases("extract.yml", "mentions_with_indices"))
    func mentionsWithIndices(_ test: Conformance.Case) {
        expectEntities(TwitterText.extractMentions(test.text), test, key: "screen_name")
    }

    @Test("mentions or lists with indices", arguments: Conformance.cases("extract.yml", "mentions_or_lists_with_indices"))
    func mentionsOrLists(_ test: Conformance.Case) {
        let found = TwitterText.extractMentionsOrLists(test.text)
        expectEntities(found, test, key: "screen_name")
        let expectedSlugs = test.expected.sequence?.map { $0["list_slug"]?.scalar ?? "" } ?? []
        #expect(found.map { $0.listSlug ?? "" } == expectedSlugs, "\(test.description)")
    }

    @Test("hashtags", arguments: Conformance.cases("extract.yml", "hashtags")
        + Conformance.cases("extract.yml", "hashtags_from_astral"))
    func hashtags(_ test: Conformance.Case) {
        #expect(TwitterText.extractHashtags(test.text).map(\.value) == test.expected.strings, "\(test.description)")
    }

    @Test("hashtags with indices", arguments: Conformance.cases("extract.yml", "hashtags_with_indices"))
    func hashtagsWithIndices(_ test: Conformance.Case) {
        expectEntities(TwitterText.extractHashtags(test.text), test, key: "hashtag")
    }

    @Test("cashtags", arguments: Conformance.cases("extract.yml", "cashtags"))
    func cashtags(_ test: Conformance.Case) {
        #expect(TwitterText.extractCashtags(test.text).map(\.value) == test.expected.strings, "\(test.description)")
    }

    @Test("cashtags with indices", arguments: Conformance.cases("extract.yml", "cashtags_with_indices"))
    func cashtagsWithIndices(_ test: Conformance.Case) {
        expectEntities(TwitterText.extractCashtags(test.text), test, key: "cashtag")
    }

    @Test("every group has cases")
    func groupsAreNotEmpty() {
        for (file, group) in [("validate.yml", "WeightedTweetsCounterTest"), ("extract.yml", "urls"),
                              ("extract.yml", "hashtags"), ("extract.yml", "cashtags")] {
            #expect(Conformance.cases(file, group).count > 3, "\(file) \(group)")
        }
    }

    func expectEntities(
        _ found: [TweetEntity], _ test: Conformance.Case, key: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let expected = (test.expected.sequence ?? []).map { item in
            (item[key]?.scalar ?? "", item["indices"]?.sequence?.compactMap(\.int) ?? [])
        }
        let actual = found.map { ($0.value, [$0.range.lowerBound, $0.range.upperBound]) }
        #expect(actual.map(\.0) == expected.map(\.0), "\(test.description)", sourceLocation: sourceLocation)
        #expect(actual.map(\.1) == expected.map(\.1), "\(test.description)", sourceLocation: sourceLocation)
    }
}
