/// The weighting rules twitter-text counts a tweet with.
///
/// Weights are scaled integers: with `scale` 100, a weight of 200 counts as 2 characters. A code point
/// whose value falls in one of `ranges` takes that range's weight; every other code point takes
/// `defaultWeight`. Each URL counts `transformedURLLength` whatever its length, and with
/// `emojiParsingEnabled` an emoji sequence (🙋🏽, 👨‍👩‍👧‍👦, 🇲🇽, 1️⃣) counts `defaultWeight` once.
public struct TwitterTextConfiguration: Sendable, Hashable, Codable {
    /// A closed range of code point values (`start...end`) and the scaled weight of each of them.
    public struct WeightedRange: Sendable, Hashable, Codable {
        public var start: UInt32
        public var end: UInt32
        public var weight: Int

        public init(start: UInt32, end: UInt32, weight: Int) {
            self.start = start
            self.end = end
            self.weight = weight
        }
    }

    public var version: Int
    /// The limit in weighted characters (280 on X).
    public var maxWeightedTweetLength: Int
    /// The divisor that turns scaled weights into characters.
    public var scale: Int
    /// The scaled weight of a code point outside every range.
    public var defaultWeight: Int
    /// Whether an emoji sequence counts `defaultWeight` once instead of the sum of its code points.
    public var emojiParsingEnabled: Bool
    /// What every URL counts, in characters (not scaled).
    public var transformedURLLength: Int
    public var ranges: [WeightedRange]

    public init(
        version: Int,
        maxWeightedTweetLength: Int = 280,
        scale: Int = 100,
        defaultWeight: Int = 200,
        emojiParsingEnabled: Bool = false,
        transformedURLLength: Int = 23,
        ranges: [WeightedRange]
    ) {
        self.version = version
        self.maxWeightedTweetLength = maxWeightedTweetLength
        self.scale = scale
        self.defaultWeight = defaultWeight
        self.emojiParsingEnabled = emojiParsingEnabled
        self.transformedURLLength = transformedURLLength
        self.ranges = ranges
    }

    private enum CodingKeys: String, CodingKey {
        case version, maxWeightedTweetLength, scale, defaultWeight, emojiParsingEnabled
        case transformedURLLength, ranges
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            version: try c.decode(Int.self, forKey: .version),
            maxWeightedTweetLength: try c.decode(Int.self, forKey: .maxWeightedTweetLength),
            scale: try c.decode(Int.self, forKey: .scale),
            defaultWeight: try c.decode(Int.self, forKey: .defaultWeight),
            emojiParsingEnabled: try c.decodeIfPresent(Bool.self, forKey: .emojiParsingEnabled) ?? false,
            transformedURLLength: try c.decode(Int.self, forKey: .transformedURLLength),
            ranges: try c.decode([WeightedRange].self, forKey: .ranges)
        )
        guard scale > 0, maxWeightedTweetLength > 0 else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "scale and maxWeightedTweetLength must be positive"))
        }
    }

    /// The code point ranges that count one character in v2 and v3: Latin through Georgian,
    /// the spaces, hyphens, quotes and primes of General Punctuation.
    private static let standardRanges: [WeightedRange] = [
        WeightedRange(start: 0x0000, end: 0x10FF, weight: 100),
        WeightedRange(start: 0x2000, end: 0x200D, weight: 100),
        WeightedRange(start: 0x2010, end: 0x201F, weight: 100),
        WeightedRange(start: 0x2032, end: 0x2037, weight: 100),
    ]

    /// twitter-text's v2 rules: weighted counting without emoji parsing.
    public static let v2 = TwitterTextConfiguration(version: 2, ranges: standardRanges)

    /// twitter-text's v3 rules, the ones X applies today: v2 plus emoji sequences counting 2.
    public static let v3 = TwitterTextConfiguration(
        version: 3, emojiParsingEnabled: true, ranges: standardRanges)

    /// The default configuration, ``v3``.
    public static let `default` = v3

    /// The scaled weight of one code point.
    @inline(__always)
    func weight(of value: UInt32) -> Int {
        for range in ranges where range.start <= value && value <= range.end {
            return range.weight
        }
        return defaultWeight
    }
}
