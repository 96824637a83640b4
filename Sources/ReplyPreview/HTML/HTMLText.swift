/// Escaping for text taken from packs: a pack is untrusted input, so nothing of it reaches a page
/// except as escaped text or an escaped attribute value.
enum HTMLText {
    /// Appends `text`'s UTF-8 escaped for element content and for a quoted attribute value alike;
    /// NUL, which HTML parsers replace or drop, becomes U+FFFD.
    static func escape(_ text: some StringProtocol, into out: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ escape(bytes: $0, into: &out) }) {
            return done
        }
        escape(bytes: Array(text.utf8), into: &out)
    }

    static func escape(bytes: some Collection<UInt8>, into out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            case 0: out += [0xEF, 0xBF, 0xBD]  // U+FFFD
            default: out.append(byte)
            }
        }
    }

    static func escaped(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
