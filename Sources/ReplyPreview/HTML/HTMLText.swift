/// Escaping for text taken from packs: a pack is untrusted input, so nothing of it reaches a page
/// except as escaped text or an escaped attribute value.
enum HTMLText {
    /// Appends `text` escaped for element content and for a double- or single-quoted attribute
    /// value alike; NUL, which HTML parsers replace or drop, becomes U+FFFD.
    static func escape(_ text: some StringProtocol, into out: inout String) {
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        func flush(upTo end: String.Index) {
            if plainStart < end { out += Substring(text[plainStart..<end]) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let replacement: String?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            case 0: replacement = "\u{FFFD}"
            default: replacement = nil
            }
            if let replacement {
                flush(upTo: index)
                out += replacement
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        flush(upTo: utf8.endIndex)
    }

    static func escaped(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out)
        return out
    }
}
