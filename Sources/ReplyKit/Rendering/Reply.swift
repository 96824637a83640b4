package import ReplyKitSupport
/// A rendered reply: exactly what to post.
public struct Reply: Sendable, Hashable {
    /// The text to post, NFC-normalised; when the template hands off to DMs the deep link is last.
    public var text: String
    /// The twitter-text v3 weighted length of `text`; never above `limit`.
    public var weightedLength: Int
    /// The brand's limit (`max_length`, 280 by default).
    public var limit: Int
    /// The locale of the pack that was used, which may differ from the one asked for.
    public var locale: LocaleTag
    /// `brand/template`.
    public var template: String
    /// The 0-based index of the variant used.
    public var variant: Int
    /// The DM deep link at the end of `text`, if the template hands off to DMs.
    public var deepLink: String? {
        deepLinkLength.map { String(text.utf8.suffix($0))! }
    }
    /// The deep link's length in UTF-8 bytes: the link is read from `text` only when asked for, so
    /// a render allocates one string.
    package let deepLinkLength: Int?

    package init(text: String, weightedLength: Int, limit: Int, locale: LocaleTag, template: String, variant: Int, deepLinkLength: Int?) {
        self.text = text
        self.weightedLength = weightedLength
        self.limit = limit
        self.locale = locale
        self.template = template
        self.variant = variant
        self.deepLinkLength = deepLinkLength
    }
}
