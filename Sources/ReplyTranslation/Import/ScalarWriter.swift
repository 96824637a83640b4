import ReplyCompiler
import ReplyLint

/// Writes a text as a YAML scalar in a given style, or says the style cannot hold it; what it
/// writes is checked by reading the file back (``DocumentCheck``, ``PackEditor``), so a style that
/// reads otherwise is never kept.
enum ScalarWriter {
    /// `text` as a scalar of `style`; `indent` is where a block scalar's lines start. Nil when the
    /// style cannot hold the text as it is.
    static func render(_ text: String, style: YAMLNode.ScalarStyle, indent: Int) -> String? {
        switch style {
        case .plain: plain(text)
        case .singleQuoted: text.utf8.contains(0x0A) || text.utf8.contains(0x0D) || hasControl(text) ? nil
            : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .doubleQuoted: doubleQuoted(text)
        case .literal: literal(text, indent: indent)
        case .folded: folded(text, indent: indent)
        }
    }

    /// A style that reads easily for a new text: plain when short and safe, else folded or literal
    /// blocks, else double quotes.
    static func readable(_ text: String, column: Int, indent: Int) -> String {
        if column + text.count <= 100 { return plain(text) ?? doubleQuoted(text) }
        if let block = text.utf8.contains(0x0A) ? literal(text, indent: indent) : folded(text, indent: indent) { return block }
        return doubleQuoted(text)
    }

    static func plain(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last,
              !"-?:,[]{}#&*!|>'\"%@` \t".utf8.contains(first), last != 0x20, last != 0x09, last != 0x3A, !hasControl(text)
        else { return nil }
        // `: ` starts a mapping value and ` #` a comment; a line break folds.
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0A, 0x0D: return nil
            case 0x3A where index + 1 < bytes.count && (bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09): return nil
            case 0x23 where index > 0 && (bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09): return nil
            default: continue
            }
        }
        return PlainScalar.type(of: text) == nil ? text : nil
    }

    /// `text` in double quotes; `asciiOnly` writes every character past ASCII as `\u` or `\U`
    /// escapes, for a file that writes its texts so.
    static func doubleQuoted(_ text: String, asciiOnly: Bool = false) -> String {
        // `\u` and four hex digits, or `\U` and eight past the Basic Multilingual Plane.
        func escaped(_ scalar: Unicode.Scalar) -> String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let width = scalar.value > 0xFFFF ? 8 : 4
            return (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: max(0, width - hex.count)) + hex
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            if asciiOnly, scalar.value > 0x7E {
                out += escaped(scalar)
                continue
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += escaped(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `|-`, `|` or `|+` with the lines indented by `indent`.
    static func literal(_ text: String, indent: Int) -> String? {
        guard !text.isEmpty, !hasControl(text), !text.utf8.contains(0x0D) else { return nil }
        var body = Substring(text)
        var trailing = 0
        while body.hasSuffix("\n") { body = body.dropLast(); trailing += 1 }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // A first line that starts with a space needs an indentation indicator; a line of spaces
        // only would be read as part of the indentation.
        guard let first = lines.first, !first.hasPrefix(" "), !first.hasPrefix("\t"), !first.isEmpty,
              !lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) else { return nil }
        let header = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+"
        let pad = String(repeating: " ", count: indent)
        var out = header
        for line in lines { out += "\n" + (line.isEmpty ? "" : pad + line) }
        for _ in 1..<max(1, trailing) { out += "\n" }
        return out
    }

    /// `>-` with the text wrapped at single spaces near 80 columns; nil for a text with line breaks
    /// or spaces that folding would not keep.
    static func folded(_ text: String, indent: Int) -> String? {
        guard !text.isEmpty, !text.utf8.contains(0x0A), !text.utf8.contains(0x0D), !hasControl(text),
              !text.hasPrefix(" "), !text.hasPrefix("\t"), !text.hasSuffix(" "), !text.hasSuffix("\t") else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        // Only single spaces between words can become line breaks; runs of spaces stay on a line.
        var lines: [String] = []
        var current = ""
        var length = 0
        let width = max(40, 80 - indent)
        for word in words {
            let count = word.unicodeScalars.count
            if current.isEmpty { current = String(word); length = count; continue }
            if word.isEmpty || current.hasSuffix(" ") || length + 1 + count <= width || word.hasPrefix("\t") {
                current += " " + word
                length += 1 + count
            } else {
                lines.append(current)
                current = String(word)
                length = count
            }
        }
        lines.append(current)
        let pad = String(repeating: " ", count: indent)
        return ">-" + lines.map { "\n" + pad + $0 }.joined()
    }

    private static func hasControl(_ text: String) -> Bool {
        // U+FEFF is EF BB BF in UTF-8.
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return true }
            if previous == (0xEF, 0xBB) && byte == 0xBF { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
