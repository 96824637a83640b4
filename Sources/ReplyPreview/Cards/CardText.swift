import TweetText

/// Reply text as X shows it: mentions, hashtags, cashtags and URLs styled as entities (URLs
/// shortened for display), everything else as escaped text; line breaks are kept by the card's
/// `white-space: pre-wrap`.
enum CardText {
    /// Writes `text` up to UTF-16 offset `end` (the whole text when nil) with its `entities`.
    static func write(_ text: String, entities: [TweetEntity], upTo end: Int? = nil, into html: inout HTMLWriter) {
        let utf16 = Array(text.utf16)
        let stop = min(end ?? utf16.count, utf16.count)
        var position = 0
        func plain(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            html.text(String(decoding: utf16[range], as: UTF16.self))
        }
        for entity in entities.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard entity.range.lowerBound >= position, entity.range.upperBound <= stop else { continue }
            plain(position..<entity.range.lowerBound)
            let shown = String(decoding: utf16[entity.range], as: UTF16.self)
            switch entity.kind {
            case .url:
                html.element("span", [("class", "entity url"), ("title", shown)], text: DisplayURL.shortened(shown))
            case .mention, .list:
                html.element("span", [("class", "entity mention")], text: shown)
            case .hashtag:
                html.element("span", [("class", "entity hashtag")], text: shown)
            case .cashtag:
                html.element("span", [("class", "entity cashtag")], text: shown)
            }
            position = entity.range.upperBound
        }
        plain(position..<stop)
    }
}
