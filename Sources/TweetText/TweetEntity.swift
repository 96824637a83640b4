/// A URL, mention, list, hashtag or cashtag found in tweet text.
public struct TweetEntity: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case url
        case mention
        /// A list reference, `@owner/slug`; the entity's `value` is the owner.
        case list(slug: String)
        case hashtag
        case cashtag
    }

    public var kind: Kind
    /// The entity's text without its sigil: `example.com/a`, `jack` (for `@jack`), `Swift`, `AAPL`.
    public var value: String
    /// UTF-16 offsets into the text, end exclusive, covering the sigil (`@`, `#`, `$`) too.
    public var range: Range<Int>

    public init(kind: Kind, value: String, range: Range<Int>) {
        self.kind = kind
        self.value = value
        self.range = range
    }

    /// For a list, `/slug`; otherwise nil.
    public var listSlug: String? {
        if case .list(let slug) = kind { return slug }
        return nil
    }
}
