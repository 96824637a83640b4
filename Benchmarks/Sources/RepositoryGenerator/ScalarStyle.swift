/// How a text is written in YAML: the styles copywriters and their tools use.
enum ScalarStyle {
    /// `literal` is `|-`; `literalClip` is `|`, which keeps a final line break (the text read back
    /// ends with one).
    case plain, singleQuoted, doubleQuoted, literal, literalClip, folded

    /// Whether `text` reads back unchanged in this style (as the generator writes it).
    func canWrite(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return self == .doubleQuoted }
        let edgeSpace = first == " " || last == " " || first == "\n" || last == "\n"
        let lineBreak = scalars.contains("\n")
        let spaceBeforeBreak = text.contains(scalars: " \n")
        switch self {
        case .plain:
            return !edgeSpace && !lineBreak && !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first)
                && !text.contains(scalars: ": ") && !text.contains(scalars: " #") && last != ":"
        case .singleQuoted: return !lineBreak
        case .doubleQuoted: return true
        // Leading spaces would need an indentation indicator; a final break would be stripped.
        case .literal, .literalClip: return !edgeSpace
        // Spaces at a fold would be lost or doubled; a line that starts with a space is not folded.
        case .folded: return !edgeSpace && !spaceBeforeBreak && !text.contains(scalars: "\n ")
        }
    }

    /// The lines of the value after `key:` (the first on the key's line), indented by `indent` spaces
    /// where they continue on lines of their own. `escaping` writes double-quoted text as a tool that
    /// escapes every non-ASCII code point does.
    func lines(_ text: String, indent: Int, width: Int, escaping: Bool = false) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .plain: return [text]
        case .singleQuoted: return ["'" + text.replacingAll("'", with: "''") + "'"]
        case .doubleQuoted: return ["\"" + Self.escaped(text, nonASCII: escaping) + "\""]
        case .literal, .literalClip:
            return [self == .literal ? "|-" : "|"] + text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? "" : pad + $0
            }
        case .folded:
            // One line break in the text is one empty line between folded paragraphs.
            var lines = [">-"]
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if paragraph.isEmpty { lines.append(""); continue }
                if lines.count > 1 { lines.append("") }
                lines += Self.wrap(String(paragraph), width: width).map { pad + $0 }
            }
            return lines
        }
    }

    /// Splits at single spaces only, so that folding puts back exactly one space: a run of spaces
    /// stays inside a line.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        let characters = Array(paragraph)
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
               characters[index - 1] != " ", characters[index + 1] != " " {
                words.append(word)
                word = ""
            } else {
                word.append(character)
            }
        }
        words.append(word)
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count > width {
                lines.append(line)
                line = word
            } else {
                line += " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func escaped(_ text: String, nonASCII: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where nonASCII && scalar.value > 0xFFFF: out += "\\U" + hex(scalar.value, digits: 8)
            case _ where nonASCII && scalar.value > 0x7E: out += "\\u" + hex(scalar.value, digits: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
