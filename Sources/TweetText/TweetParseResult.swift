/// What ``TwitterText/parseTweet(_:configuration:)`` found, with twitter-text's meanings.
///
/// Ranges are UTF-16 offsets into the text as given (before NFC normalisation), both ends inclusive,
/// as in twitter-text's Java and JavaScript implementations.
public struct TweetParseResult: Sendable, Hashable, Codable {
    /// The weighted length in characters: what X compares with its 280 limit.
    public var weightedLength: Int
    /// `weightedLength` in thousandths of the limit, rounded down (1000 is exactly full).
    public var permillage: Int
    /// Whether the text is non-empty, within the limit, and free of U+FFFE, U+FEFF and U+FFFF.
    public var isValid: Bool
    /// The first UTF-16 offset of the text: always 0.
    public var displayRangeStart: Int
    /// The last UTF-16 offset of the text (inclusive), 0 for empty text.
    public var displayRangeEnd: Int
    /// The first UTF-16 offset of the part that fits: always 0.
    public var validRangeStart: Int
    /// The last UTF-16 offset (inclusive) of the longest prefix that fits and is valid.
    public var validRangeEnd: Int

    public init(
        weightedLength: Int, permillage: Int, isValid: Bool,
        displayRangeStart: Int = 0, displayRangeEnd: Int,
        validRangeStart: Int = 0, validRangeEnd: Int
    ) {
        self.weightedLength = weightedLength
        self.permillage = permillage
        self.isValid = isValid
        self.displayRangeStart = displayRangeStart
        self.displayRangeEnd = displayRangeEnd
        self.validRangeStart = validRangeStart
        self.validRangeEnd = validRangeEnd
    }

    private enum CodingKeys: String, CodingKey {
        case weightedLength, permillage, isValid = "valid", displayRangeStart, displayRangeEnd
        case validRangeStart, validRangeEnd
    }
}
