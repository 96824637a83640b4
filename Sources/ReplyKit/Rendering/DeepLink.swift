internal import TweetText

/// Builds the DM deep link: `https://<host>/messages/compose?recipient_id=<id>`, then
/// `&text=<prefill>` percent-encoded (only RFC 3986 unreserved characters stay), then
/// `&welcome_message_id=<id>`.
public enum DeepLink {
    public static func url(host: String, recipientID: String, prefill: String?, welcomeMessageID: String?) -> String {
        var url = "https://\(host)/messages/compose?recipient_id=\(recipientID)"
        if let prefill, !prefill.isEmpty { url += "&text=" + percentEncoded(prefill) }
        if let welcomeMessageID { url += "&welcome_message_id=" + welcomeMessageID }
        return url
    }

    /// What the link adds to a reply's weighted length: the separator, and 23 for the URL whatever
    /// its length.
    public static func weight(separator: String) -> Int {
        TwitterText.weightedLength(separator) + 23
    }

    /// Every byte of UTF-8 but `A–Z a–z 0–9 - . _ ~` as `%XX` (upper-case hex).
    public static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
