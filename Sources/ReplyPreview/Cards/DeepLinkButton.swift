import Foundation
import TweetText

/// The DM deep link at the very end of a reply, which X hides and shows as a "Send a private
/// message" button under the post; a link anywhere else stays a link in the text.
struct DeepLinkButton: Equatable {
    /// Where the link starts in the reply, in UTF-16 offsets (the text before it is what is shown).
    var start: Int
    /// The `text=` prefill, decoded; nil when there is none.
    var prefill: String?

    /// The button for `text`, whose URL entities are `urls`; nil when the reply does not end with a
    /// DM deep link.
    static func find(in text: String, urls: [TweetEntity]) -> DeepLinkButton? {
        guard let last = urls.last, last.range.upperBound == text.utf16.count else { return nil }
        // A URL entity's value is the URL as written.
        guard let query = query(ofDeepLink: last.value) else { return nil }
        var prefill: String?
        for field in query.split(separator: "&") where field.hasPrefix("text=") {
            prefill = String(field.dropFirst(5)).removingPercentEncoding
        }
        return DeepLinkButton(start: last.range.lowerBound, prefill: prefill)
    }

    /// The query of `https://twitter.com|x.com/messages/compose?recipient_id=<digits>…`, or nil.
    static func query(ofDeepLink url: String) -> Substring? {
        for host in ["https://twitter.com/messages/compose?", "https://x.com/messages/compose?"] where url.hasPrefix(host) {
            let query = url.dropFirst(host.count)
            guard query.hasPrefix("recipient_id=") else { return nil }
            let id = query.dropFirst("recipient_id=".count).prefix { $0 != "&" }
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return query
        }
        return nil
    }
}
