/// Writing text into XML 1.0 by hand: what must be escaped, and what XML cannot hold at all.
enum XMLEscaping {
    /// Whether XML 1.0 allows the character in a document (as itself or as a character reference).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` as element content. A carriage return is written as a reference, which parsers do not
    /// turn into a line feed; a character XML cannot hold is handed to `disallowed` (XLIFF writes
    /// `<cp hex="…"/>`; a note, where markup is not allowed, writes its code point in words).
    static func content(_ text: String, disallowed: (Unicode.Scalar) -> String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) } else { result += disallowed(scalar) }
            }
        }
        return result
    }

    /// `text` as a double-quoted attribute value; whitespace other than spaces as references, which
    /// attribute normalisation leaves alone.
    static func attribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) } else { result += "\u{FFFD}" }
            }
        }
        return result
    }

    /// `U+0001`, for a character shown in words.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
