import TweetText

/// Reply text as X shows it: mentions, hashtags, cashtags and URLs styled as entities (URLs
/// shortened for display), everything else as escaped text; line breaks are kept by the card's
/// `white-space: pre-wrap`. Each entity is isolated with `dir="auto"`, so a Latin URL or hashtag
/// in right-to-left text reads as X shows it instead of being reordered by its neighbours.
enum CardText {
    /// Writes `text` up to UTF-16 offset `end` (the whole text when nil) with its `entities`;
    /// `trimmingEnd` leaves off the whitespace before `end` (the separator before a hidden link).
    static func write(_ text: String, entities: [TweetEntity], upTo end: Int? = nil, trimmingEnd: Bool = false,
                      into html: inout HTMLWriter) {
        var text = text
        let sorted = entities.sorted { $0.range.lowerBound < $1.range.lowerBound }
        text.withUTF8 { bytes in
            // Entities are in UTF-16 offsets: map the ones needed to UTF-8 offsets in one pass.
            var wanted: [Int] = []
            wanted.reserveCapacity(sorted.count * 2 + 1)
            for entity in sorted { wanted += [entity.range.lowerBound, entity.range.upperBound] }
            wanted.append(end ?? Int.max)
            let offsets = utf8Offsets(of: wanted, in: bytes)
            var stop = offsets[offsets.count - 1]
            if trimmingEnd {
                while stop > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[stop - 1]) { stop -= 1 }
            }
            var position = 0
            for (index, entity) in sorted.enumerated() {
                let start = offsets[2 * index], finish = offsets[2 * index + 1]
                guard start >= position, finish <= stop, start < finish else { continue }
                if position < start { html.text(utf8: bytes[position..<start]) }
                let shown = bytes[start..<finish]
                switch entity.kind {
                case .url:
                    let url = String(decoding: shown, as: UTF8.self)
                    html.element("span", [("class", "entity url"), ("dir", "auto"), ("title", url)], text: DisplayURL.shortened(url))
                case .mention, .list:
                    html.open("span", [("class", "entity mention"), ("dir", "auto")])
                    html.text(utf8: shown)
                    html.close("span")
                case .hashtag:
                    html.open("span", [("class", "entity hashtag"), ("dir", "auto")])
                    html.text(utf8: shown)
                    html.close("span")
                case .cashtag:
                    html.open("span", [("class", "entity cashtag"), ("dir", "auto")])
                    html.text(utf8: shown)
                    html.close("span")
                }
                position = finish
            }
            if position < stop { html.text(utf8: bytes[position..<stop]) }
        }
    }

    /// The UTF-8 offset of each UTF-16 offset in `wanted` (clamped to the text's end); an offset
    /// inside a surrogate pair falls after the pair.
    static func utf8Offsets(of wanted: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var result = Array(repeating: bytes.count, count: wanted.count)
        var next = 0
        var utf16 = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            while next < order.count, wanted[order[next]] <= utf16 {
                result[order[next]] = offset
                next += 1
            }
            if next == order.count { break }
            utf16 += byte >= 0xF0 ? 2 : 1
        }
        return result
    }
}
