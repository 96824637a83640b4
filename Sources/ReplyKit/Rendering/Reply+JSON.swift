package import ReplyKitSupport
extension Reply {
    /// cli.md's json format: `{"text", "weighted_length", "limit", "locale", "template", "variant", "deep_link"}`.
    package var json: JSONValue {
        .object([
            ("text", .string(text)), ("weighted_length", .int(weightedLength)), ("limit", .int(limit)),
            ("locale", .string(locale.canonical)), ("template", .string(template)), ("variant", .int(variant)),
            ("deep_link", deepLink.map(JSONValue.string) ?? .null),
        ])
    }

    /// The body of X API v2 `POST /2/tweets`: the text, and the tweet it answers when given.
    package func xAPIBody(inReplyTo tweetID: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [("text", .string(text))]
        if let tweetID { fields.append(("reply", .object([("in_reply_to_tweet_id", .string(tweetID))]))) }
        return .object(fields)
    }
}

extension RenderError {
    /// `{"error": {"code", "message", "variable"}}`, a failed batch line's output.
    package var json: JSONValue {
        .object([("error", .object([
            ("code", .string(code.rawValue)), ("message", .string(message)),
            ("variable", variable.map(JSONValue.string) ?? .null),
        ]))])
    }
}
