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
        case .singleQuoted: text.contains("\n") || text.contains("\r") || hasControl(text) ? nil
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
        if let block = text.contains("\n") ? literal(text, indent: indent) : folded(text, indent: indent) { return block }
        return doubleQuoted(text)
    }

    static func plain(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !"-?:,[]{}#&*!|>'\"%@` \t".unicodeScalars.contains(first), last != " ", last != "\t", last != ":",
              !text.contains("\n"), !text.contains("\r"), !text.contains(": "), !text.contains(" #"), !text.contains(":\t"),
              !text.contains("\t#"), !hasControl(text), PlainScalar.type(of: text) == nil
        else { return nil }
        return text
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `|-`, `|` or `|+` with the lines indented by `indent`.
    static func literal(_ text: String, indent: Int) -> String? {
        guard !text.isEmpty, !hasControl(text), !text.contains("\r") else { return nil }
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
        guard !text.isEmpty, !text.contains("\n"), !text.contains("\r"), !hasControl(text),
              !text.hasPrefix(" "), !text.hasPrefix("\t"), !text.hasSuffix(" "), !text.hasSuffix("\t") else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        // Only single spaces between words can become line breaks; runs of spaces stay on a line.
        var lines: [String] = []
        var current = ""
        let width = max(40, 80 - indent)
        for word in words {
            if current.isEmpty { current = String(word); continue }
            if word.isEmpty || current.hasSuffix(" ") || current.count + 1 + word.count <= width || word.hasPrefix("\t") {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        let pad = String(repeating: " ", count: indent)
        return ">-" + lines.map { "\n" + pad + $0 }.joined()
    }

    private static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || $0 == "\u{FEFF}" }
    }
}
