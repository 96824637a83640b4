import ReplyKit
import TweetText
import ReplyKitSupport

/// A DM deep link found in a finished reply, taken apart: what `replykit check` compares with the
/// brand's account and with the link ``DeepLink`` builds.
struct DeepLinkReading: Sendable {
    /// A problem with the link, as a span of the reply and what is wrong there.
    struct Problem: Sendable, Hashable {
        var span: Range<Int>
        var message: String
        var notes: [String] = []
        var help: String?
    }

    /// The link's UTF-8 span in the reply.
    var span: Range<Int>
    var host: String
    var recipientID: String?
    /// The prefill as the customer would see it, when `text=` decodes.
    var prefill: String?
    /// The UTF-8 span of the `text=` value in the reply.
    var prefillSpan: Range<Int>?
    var problems: [Problem] = []

    /// Every DM deep link (a URL with a `/messages/compose` path) among `urls`, the URLs
    /// twitter-text extracts from `text`, in text order.
    static func links(in text: String, urls: [TweetEntity]) -> [DeepLinkReading] {
        urls.compactMap { entity in
            let span = entity.utf8Range(in: text)
            let bytes = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: span.lowerBound)...].prefix(span.count))
            return DeepLinkReading(bytes, at: span.lowerBound)
        }
    }

    private static let scheme = Array("https://".utf8)
    private static let path = Array("/messages/compose".utf8)

    /// The link whose bytes are `url`, starting at byte `start` of the reply; nil when its path is
    /// not `/messages/compose`.
    init?(_ url: [UInt8], at start: Int) {
        span = start..<start + url.count
        var index = 0
        let hasScheme = url.count >= Self.scheme.count
            && zip(url, Self.scheme).allSatisfy { Self.lowered($0) == $1 }
        if hasScheme {
            index = Self.scheme.count
        } else if let colon = Self.firstIndex(of: "/", in: url).flatMap({ $0 > 0 && url[$0 - 1] == UInt8(ascii: ":") ? $0 : nil }) {
            index = colon + 2 <= url.count ? colon + 2 : url.count
        }
        let hostEnd = (index..<url.count).first { [0x2F, 0x3F, 0x23, 0x3A].contains(url[$0]) } ?? url.count
        host = String(decoding: url[index..<hostEnd].map(Self.lowered), as: UTF8.self)
        let pathEnd = (hostEnd..<url.count).first { url[$0] == UInt8(ascii: "?") || url[$0] == UInt8(ascii: "#") } ?? url.count
        guard url[hostEnd..<pathEnd].elementsEqual(Self.path) else { return nil }
        if !hasScheme {
            problems.append(Problem(span: start..<start + hostEnd, message: "the deep link does not start with `https://`",
                                    help: "write the link as `https://\(host)/messages/compose?recipient_id=…`"))
        }
        if let fragment = (pathEnd..<url.count).first(where: { url[$0] == UInt8(ascii: "#") }) {
            problems.append(Problem(span: start + fragment..<span.upperBound, message: "the deep link ends in a fragment (`#…`)",
                                    help: "remove everything from `#`"))
        }
        let queryEnd = (pathEnd..<url.count).first { url[$0] == UInt8(ascii: "#") } ?? url.count
        readQuery(url, from: pathEnd, to: queryEnd, base: start)
    }

    /// Reads `recipient_id`, `text` and `welcome_message_id` from the query between `from` (the `?`,
    /// if any) and `to`.
    private mutating func readQuery(_ url: [UInt8], from: Int, to end: Int, base: Int) {
        guard from < end, url[from] == UInt8(ascii: "?") else {
            problems.append(Problem(span: span, message: "the deep link has no `recipient_id`",
                                    help: "end the reply with the brand's deep link, `…/messages/compose?recipient_id=<user_id>`"))
            return
        }
        // A link has a parameter or three: a list is cheaper than a set.
        var seen: [String] = []
        var position = from + 1
        while position <= end {
            let pairEnd = (position..<end).first { url[$0] == UInt8(ascii: "&") } ?? end
            let pair = position..<pairEnd
            let equals = pair.first { url[$0] == UInt8(ascii: "=") }
            let name = String(decoding: url[position..<(equals ?? pairEnd)], as: UTF8.self)
            let valueRange = (equals.map { $0 + 1 } ?? pairEnd)..<pairEnd
            let value = url[valueRange]
            let pairSpan = base + pair.lowerBound..<base + pair.upperBound
            if pair.isEmpty {
                // `?&…`, `&&` or a trailing `&`: X ignores it, but render never writes one.
                let mark = max(from, pair.lowerBound - 1)
                problems.append(Problem(span: base + mark..<base + mark + 1, message: "the deep link has an empty parameter",
                                        help: "remove the extra `&`"))
            } else if seen.contains(name) {
                problems.append(Problem(span: pairSpan, message: "the deep link gives `\(name)` twice", help: "keep one"))
            } else {
                seen.append(name)
                switch name {
                case "recipient_id":
                    recipientID = String(decoding: value, as: UTF8.self)
                case "text":
                    prefillSpan = base + valueRange.lowerBound..<base + valueRange.upperBound
                    readPrefill(Array(value), at: base + valueRange.lowerBound)
                case "welcome_message_id":
                    if value.isEmpty || value.count > 19 || !value.allSatisfy({ (0x30...0x39).contains($0) }) {
                        problems.append(Problem(span: pairSpan, message: "`welcome_message_id` is `\(String(decoding: value, as: UTF8.self))`, not a numeric id",
                                                help: "use the welcome message's numeric id (1–19 digits)"))
                    }
                default:
                    problems.append(Problem(span: pairSpan, message: "the deep link has an unknown parameter `\(name)`",
                                            notes: ["a deep link takes `recipient_id`, `text` and `welcome_message_id`"],
                                            help: "remove it"))
                }
            }
            position = pairEnd + 1
        }
        if recipientID == nil {
            problems.append(Problem(span: span, message: "the deep link has no `recipient_id`",
                                    help: "add `recipient_id=<user_id>` after `?`"))
        }
    }

    /// Decodes a `text=` value: every byte an RFC 3986 unreserved character or `%XX`, decoding to UTF-8.
    private mutating func readPrefill(_ value: [UInt8], at base: Int) {
        var decoded: [UInt8] = []
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < value.count, let high = Self.hexValue(value[index + 1]), let low = Self.hexValue(value[index + 2]) else {
                    let end = min(index + 3, value.count)
                    problems.append(Problem(span: base + index..<base + end,
                                            message: "`text=` holds `\(String(decoding: value[index..<end], as: UTF8.self))`, which is not a `%XX` escape",
                                            help: "percent-encode the prefill: `%` followed by two hex digits for each byte"))
                    return
                }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                if !DeepLink.isUnreserved(byte) {
                    let width = max(1, UTF8.width(startingWith: byte))
                    let end = min(index + width, value.count)
                    problems.append(Problem(span: base + index..<base + end,
                                            message: "`text=` holds `\(String(decoding: value[index..<end], as: UTF8.self))` unencoded",
                                            notes: ["only `A–Z a–z 0–9 - . _ ~` stay as they are in the prefill; X may read others differently"],
                                            help: "write it as `\(DeepLink.percentEncoded(String(decoding: value[index..<end], as: UTF8.self)))`"))
                    return
                }
                decoded.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            problems.append(Problem(span: base..<base + value.count, message: "`text=` does not decode to UTF-8 text",
                                    help: "percent-encode the prefill's UTF-8 bytes"))
            return
        }
        prefill = text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    private static func firstIndex(of character: Unicode.Scalar, in bytes: [UInt8]) -> Int? {
        bytes.firstIndex(of: UInt8(ascii: character))
    }
}

extension UTF8 {
    /// The length of the UTF-8 sequence that `byte` starts; 1 for a byte that starts none.
    static func width(startingWith byte: UInt8) -> Int {
        switch byte {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 1
        }
    }
}
