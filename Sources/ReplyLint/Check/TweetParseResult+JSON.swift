import ReplyKitSupport
import TweetText

extension TweetParseResult {
    /// `count --format json`: twitter-text's fields with its names and meanings (UTF-16 offsets).
    package var json: JSONValue {
        .object([
            ("weightedLength", .int(weightedLength)), ("valid", .bool(isValid)),
            ("permillage", .int(permillage)), ("displayRangeStart", .int(displayRangeStart)),
            ("displayRangeEnd", .int(displayRangeEnd)), ("validRangeStart", .int(validRangeStart)),
            ("validRangeEnd", .int(validRangeEnd)),
        ])
    }
}
