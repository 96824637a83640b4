/// The counting loop of twitter-text's `parseTweet`, over NFC text in UTF-16 units.
enum WeightedCounter {
    struct Output {
        var parse: TweetParseResult
        var normalizedLength: Int
        /// The URLs the count found, as ``TwitterText/extractURLs(_:)`` of the counted text; empty
        /// unless asked for.
        var urls: [TweetEntity] = []
    }

    static func count(_ text: UTF16Text, configuration: TwitterTextConfiguration, collectingURLs: Bool = false) -> Output {
        EmojiSequences.bmpStarters.withUnsafeBufferPointer { starters in
            count(text, configuration: configuration, starters: starters, collectingURLs: collectingURLs)
        }
    }

    /// What has been counted so far. twitter-text checks validity and the limit at the last unit of
    /// each thing it counts (a code point, an emoji sequence, a URL): `add` does the same.
    private struct Tally {
        var weighted = 0
        var valid = true
        var validDisplayIndex = 0
        let scaledLimit: Int

        @inline(__always)
        mutating func add(_ weight: Int, lastUnit: UInt16, at last: Int) {
            weighted += weight
            if valid { valid = !CharacterClass.isInvalid(lastUnit) }
            if valid && weighted <= scaledLimit { validDisplayIndex = last }
        }
    }

    private static func count(_ text: UTF16Text, configuration: TwitterTextConfiguration,
                              starters: UnsafeBufferPointer<UInt64>, collectingURLs: Bool) -> Output {
        let scale = configuration.scale
        let urlWeight = configuration.transformedURLLength * scale
        var tally = Tally(scaledLimit: configuration.maxWeightedTweetLength * scale)
        var urls = URLScanner(text)
        var found: [TweetEntity] = []
        var i = 0
        while i < text.count {
            let url = urls.next()
            // The text up to the URL, in a loop that keeps the scanner's state out of its registers.
            i = countPlain(text, from: i, to: url?.start ?? text.count, configuration: configuration,
                           starters: starters, tally: &tally)
            guard let url else { break }
            if collectingURLs {
                found.append(TweetEntity(kind: .url, value: text.string(url.start..<url.end), range: url.start..<url.end))
            }
            // An emoji sequence or surrogate pair that ran into the URL's first unit hides it
            // (cannot happen with twitter-text's patterns, but never double-count).
            if url.start < i { continue }
            tally.add(urlWeight, lastUnit: text[url.end - 1], at: url.end - 1)
            i = url.end
        }
        let length = tally.weighted / scale
        let isValid = tally.valid && length > 0 && length <= configuration.maxWeightedTweetLength
        return Output(
            parse: TweetParseResult(
                weightedLength: length,
                permillage: length * 1000 / configuration.maxWeightedTweetLength,
                isValid: isValid,
                displayRangeEnd: max(text.count - 1, 0),
                validRangeEnd: tally.validDisplayIndex),
            normalizedLength: text.count, urls: found)
    }

    /// `#`, `*` and the digits: the ASCII characters that begin emoji sequences (keycaps).
    private static let asciiEmojiStarters: UInt64 = 0x03FF_0408_0000_0000

    /// Counts code points and emoji sequences from `start` until `stop`; returns where it stopped
    /// (past `stop` when the last thing counted ran over it).
    @inline(__always)
    private static func countPlain(_ text: UTF16Text, from start: Int, to stop: Int,
                                   configuration: TwitterTextConfiguration,
                                   starters: UnsafeBufferPointer<UInt64>, tally: inout Tally) -> Int {
        // Latin, Greek, Cyrillic, Hebrew and Arabic are most of most replies: when one range starts at
        // U+0000, its code points skip the range lookup.
        let low = configuration.ranges.first { $0.start == 0 }
        let lowEnd = low.map { Int(min($0.end, 0xD7FF)) } ?? -1
        let lowWeight = low?.weight ?? 0
        let emoji = configuration.emojiParsingEnabled
        let emojiWeight = configuration.defaultWeight
        // The tally in plain locals, so that the loop keeps it in registers.
        var weighted = tally.weighted
        var valid = tally.valid
        var validDisplayIndex = tally.validDisplayIndex
        let scaledLimit = tally.scaledLimit
        let asciiRuns = lowEnd >= 0x7F && lowWeight > 0
        var i = start
        while i < stop {
            // A run of ASCII that starts no emoji: count it whole. ASCII is never invalid, so only the
            // limit can stop `validDisplayIndex` inside it.
            if asciiRuns {
                var j = i
                while j < stop {
                    let u = text[j]
                    if u >= 0x80 || (u < 64 && (asciiEmojiStarters >> UInt64(u)) & 1 != 0) { break }
                    j += 1
                }
                if j > i {
                    let before = weighted
                    weighted += (j - i) * lowWeight
                    if valid {
                        if weighted <= scaledLimit {
                            validDisplayIndex = j - 1
                        } else if scaledLimit - before >= lowWeight {
                            validDisplayIndex = i + (scaledLimit - before) / lowWeight - 1
                        }
                    }
                    i = j
                    continue
                }
            }
            let u = text[i]
            let weight: Int
            let last: Int
            let startsEmoji = emoji && (u < 0x80
                ? u < 64 && (asciiEmojiStarters >> UInt64(u)) & 1 != 0
                : starters[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0)
            if !startsEmoji && Int(u) <= lowEnd {
                weight = lowWeight
                last = i
            } else if startsEmoji, let length = EmojiSequences.longestMatch(in: text, at: i) {
                weight = emojiWeight
                last = i + length - 1
            } else {
                let (value, length) = text.scalar(at: i)
                weight = configuration.weight(of: value)
                last = i + length - 1
            }
            weighted += weight
            if valid { valid = !CharacterClass.isInvalid(text[last]) }
            if valid && weighted <= scaledLimit { validDisplayIndex = last }
            i = last + 1
        }
        tally.weighted = weighted
        tally.valid = valid
        tally.validDisplayIndex = validDisplayIndex
        return i
    }
}
