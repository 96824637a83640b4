/// twitter-text for Swift: the weighted length X counts a tweet with, and the entities (URLs,
/// mentions, lists, hashtags, cashtags) it finds in one, with twitter-text's results.
///
/// All offsets are UTF-16 offsets, as in twitter-text's conformance data. Everything here is a pure
/// function of its arguments and safe to call from any thread.
public enum TwitterText {
    /// Parses `text` as X does before accepting a tweet: NFC-normalises it, counts every URL as
    /// `transformedURLLength`, every emoji sequence as one emoji (v3), every other code point by its
    /// range's weight, and reports whether it fits.
    ///
    /// - Returns: weighted length, permillage and validity, with display and valid ranges as UTF-16
    ///   offsets into `text` as given (inclusive ends). Empty text has weighted length 0 and is invalid.
    public static func parseTweet(
        _ text: String, configuration: TwitterTextConfiguration = .default
    ) -> TweetParseResult {
        // Text of plain starters only is NFC already: count it in the same pass that transcodes it.
        let direct = UTF16Text.withPlainStarterCheck(text) { units, plain in
            plain ? WeightedCounter.count(units, configuration: configuration).parse : nil
        }
        return direct ?? parseNormalizing(text, configuration: configuration)
    }

    /// ``parseTweet(_:configuration:)`` and ``extractURLs(_:)`` of one text: one scan of text that
    /// is NFC already (most text), where counting finds the URLs anyway.
    public static func parseTweetAndURLs(
        _ text: String, configuration: TwitterTextConfiguration = .default
    ) -> (parse: TweetParseResult, urls: [TweetEntity]) {
        let direct = UTF16Text.withPlainStarterCheck(text) { units, plain in
            plain ? WeightedCounter.count(units, configuration: configuration, collectingURLs: true) : nil
        }
        if let direct { return (direct.parse, direct.urls) }
        return (parseNormalizing(text, configuration: configuration), extractURLs(text))
    }

    /// ``parseTweet(_:configuration:)`` of text that may not be NFC: counted in its normalised form,
    /// with the ranges mapped back to the text as given.
    private static func parseNormalizing(_ text: String, configuration: TwitterTextConfiguration) -> TweetParseResult {
        let (normalized, changed) = Normalization.nfc(text)
        var result = UTF16Text.with(normalized) { WeightedCounter.count($0, configuration: configuration) }
        let originalLength = changed ? text.utf16.count : result.normalizedLength
        result.parse.displayRangeEnd = max(originalLength - 1, 0)
        result.parse.validRangeEnd += originalLength - result.normalizedLength
        return result.parse
    }

    /// `text` in Unicode NFC, as X normalises a tweet, and whether that changed it. Text of plain
    /// starters only (most text) is returned as it is without calling the Unicode tables.
    public static func nfc(_ text: String) -> (text: String, changed: Bool) {
        Normalization.nfc(text)
    }

    /// The weighted length of `text` under `configuration` (twitter-text's `getTweetLength`).
    public static func weightedLength(
        _ text: String, configuration: TwitterTextConfiguration = .default
    ) -> Int {
        plainASCIILength(text, configuration: configuration) ?? parseTweet(text, configuration: configuration).weightedLength
    }

    /// The weighted length of ASCII text in which no `.` is followed by a letter, digit, `-` or `_`,
    /// counted without transcoding or scanning; nil for other text. Such text holds no URL (every
    /// URL twitter-text finds has a dot followed by the next label of its host), is NFC already, and
    /// starts no emoji (a keycap needs U+20E3), so every character weighs what the range starting
    /// at U+0000 says. A sentence's full stop leaves text on this path.
    private static func plainASCIILength(_ text: String, configuration: TwitterTextConfiguration) -> Int? {
        guard let low = configuration.ranges.first(where: { $0.start == 0 }), low.end >= 0x7F else { return nil }
        let count = withUTF8(text) { bytes -> Int? in
            for index in bytes.indices {
                if bytes[index] >= 0x80 || dotMayStartLabel(bytes, at: index) { return nil }
            }
            return bytes.count
        }
        return count.map { $0 * low.weight / configuration.scale }
    }

    /// Whether `bytes[index]` is a `.` followed by what could start the next label of a host: a
    /// letter, digit, `-`, `_` or a non-ASCII character. A sentence's full stop is not.
    private static func dotMayStartLabel(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return false }
        switch bytes[index + 1] {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), 0x80...: return true
        default: return false
        }
    }

    /// Runs `body` on `text`'s UTF-8 in place (a copy only for a string not stored as UTF-8): the
    /// quick looks below read bytes, where the UTF-8 view's iterator costs several times as much.
    private static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// URLs in `text`, with and without a protocol, as twitter-text's `extractUrlsWithIndices`.
    /// A URL without `http://` or `https://` is found only when its domain is ASCII and ends in a
    /// known top-level domain; a `t.co` link keeps only its slug and query.
    public static func extractURLs(_ text: String) -> [TweetEntity] {
        // Every URL's host has a `.` before its top-level domain: text without one followed by what
        // could start a label (a sentence's full stop is followed by a space) is not scanned.
        guard withUTF8(text, { bytes in bytes.indices.contains { dotMayStartLabel(bytes, at: $0) } }) else { return [] }
        return UTF16Text.with(text) { units in
            var scanner = URLScanner(units)
            var found: [TweetEntity] = []
            while let match = scanner.next() {
                found.append(TweetEntity(
                    kind: .url, value: units.string(match.start..<match.end), range: match.start..<match.end))
            }
            return found
        }
    }

    /// Mentions and list references (`@jack`, `@twitter/team`), as `extractMentionsOrListsWithIndices`.
    public static func extractMentionsOrLists(_ text: String) -> [TweetEntity] {
        // Every mention starts with `@` or `＠` (EF BC A0): text without either is not scanned.
        guard withUTF8(text, { bytes in
            bytes.indices.contains { i in
                bytes[i] == UInt8(ascii: "@") || (bytes[i] == 0xA0 && i >= 2 && bytes[i - 1] == 0xBC && bytes[i - 2] == 0xEF)
            }
        }) else { return [] }
        return UTF16Text.with(text) { MentionScanner.scan($0) }
    }

    /// Mentions only (`@jack`), leaving out list references, as `extractMentionsWithIndices`.
    public static func extractMentions(_ text: String) -> [TweetEntity] {
        extractMentionsOrLists(text).filter { $0.kind == .mention }
    }

    /// Hashtags, as `extractHashtagsWithIndices`: a hashtag that is part of a URL is dropped.
    public static func extractHashtags(_ text: String, checkingURLOverlap: Bool = true) -> [TweetEntity] {
        let hashtags = UTF16Text.with(text) { HashtagScanner.scan($0) }
        guard checkingURLOverlap, !hashtags.isEmpty else { return hashtags }
        return removingOverlaps(hashtags + extractURLs(text)).filter { $0.kind == .hashtag }
    }

    /// Cashtags (`$AAPL`, `$RBS.CA`), as `extractCashtagsWithIndices`.
    public static func extractCashtags(_ text: String) -> [TweetEntity] {
        UTF16Text.with(text) { CashtagScanner.scan($0) }
    }

    /// Every entity, in text order, with overlaps resolved in favour of the one starting first
    /// (so a hashtag or mention inside a URL is dropped), as `extractEntitiesWithIndices`.
    public static func extractEntities(_ text: String) -> [TweetEntity] {
        let all = extractURLs(text) + extractHashtags(text, checkingURLOverlap: false)
            + extractMentionsOrLists(text) + extractCashtags(text)
        return removingOverlaps(all)
    }

    private static func removingOverlaps(_ entities: [TweetEntity]) -> [TweetEntity] {
        var result: [TweetEntity] = []
        // A stable sort, as JavaScript's: entities starting at the same offset keep their order.
        let sorted = entities.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }
        for (_, entity) in sorted {
            if let last = result.last, last.range.upperBound > entity.range.lowerBound { continue }
            result.append(entity)
        }
        return result
    }
}
