internal import TweetText
package import ReplyKitSupport

/// Builds the DM deep link: `https://<host>/messages/compose?recipient_id=<id>`, then
/// `&text=<prefill>` percent-encoded (only RFC 3986 unreserved characters stay), then
/// `&welcome_message_id=<id>`.
public enum DeepLink {
    public static func url(host: String, recipientID: String, prefill: String?, welcomeMessageID: String?) -> String {
        var url = "https://\(host)/messages/compose?recipient_id=\(recipientID)"
        if let prefill, !prefill.isEmpty { url += textParameter + percentEncoded(prefill) }
        if let welcomeMessageID { url += welcomeParameter + welcomeMessageID }
        return url
    }

    /// What the link adds to a reply's weighted length: the separator, and 23 for the URL whatever
    /// its length.
    public static func weight(separator: String) -> Int {
        TwitterText.weightedLength(separator) + 23
    }

    /// Every byte of UTF-8 but `A–Z a–z 0–9 - . _ ~` as `%XX` (upper-case hex).
    public static func percentEncoded(_ text: String) -> String {
        var out: [UInt8] = []
        percentEncode(text.utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    package static func percentEncode<Bytes: Collection<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count * 3)
        for byte in bytes { percentEncode(byte) { out.append($0) } }
    }

    /// Gives `byte` as it is, or as `%XX`, to `emit`.
    @inline(__always)
    package static func percentEncode(_ byte: UInt8, _ emit: (UInt8) -> Void) {
        if isUnreserved(byte) {
            emit(byte)
        } else {
            emit(UInt8(ascii: "%"))
            emit(hexDigits[Int(byte >> 4)])
            emit(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// The length of `text` once percent-encoded.
    package static func encodedCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 { count += isUnreserved(byte) ? 1 : 3 }
        return count
    }

    package static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    package static let textParameter = "&text="
    package static let welcomeParameter = "&welcome_message_id="

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
