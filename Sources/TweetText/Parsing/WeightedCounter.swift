/// The counting loop of twitter-text's `parseTweet`, over NFC text in UTF-16 units.
enum WeightedCounter {
    struct Output {
        var parse: TweetParseResult
        var normalizedLength: Int
    }

    static func count(_ text: UTF16Text, configuration: TwitterTextConfiguration) -> Output {
        let scale = configuration.scale
        let scaledLimit = configuration.maxWeightedTweetLength * scale
        let urlWeight = configuration.transformedURLLength * scale
        var urls = URLScanner(text)
        var nextURL = text.count > 0 ? urls.next() : nil
        var weighted = 0
        var valid = true
        var validDisplayIndex = 0
        var i = 0
        while i < text.count {
            // `last` is the offset of the last unit of what this step counts, as in twitter-text,
            // which checks validity and the limit there.
            var last: Int
            if let url = nextURL, url.start == i {
                weighted += urlWeight
                last = url.end - 1
                nextURL = urls.next()
            } else if configuration.emojiParsingEnabled, let length = EmojiSequences.match(in: text, at: i) {
                weighted += configuration.defaultWeight
                last = i + length - 1
            } else {
                let (value, length) = text.scalar(at: i)
                weighted += configuration.weight(of: value)
                last = i + length - 1
            }
            if valid { valid = !CharacterClass.isInvalid(text[last]) }
            if valid && weighted <= scaledLimit { validDisplayIndex = last }
            i = last + 1
            // A URL the scanner found inside what was just counted (it cannot happen with twitter-text's
            // patterns, but never let the loop stall on one).
            while let url = nextURL, url.start < i { nextURL = urls.next() }
        }
        let length = weighted / scale
        let isValid = valid && length > 0 && length <= configuration.maxWeightedTweetLength
        return Output(
            parse: TweetParseResult(
                weightedLength: length,
                permillage: length * 1000 / configuration.maxWeightedTweetLength,
                isValid: isValid,
                displayRangeEnd: max(text.count - 1, 0),
                validRangeEnd: validDisplayIndex),
            normalizedLength: text.count)
    }
}
