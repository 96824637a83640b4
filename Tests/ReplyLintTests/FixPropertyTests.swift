import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport
import ReplyLint
import Testing

/// `--fix` over a few hundred generated packs: invisible characters, odd spaces and decomposed
/// text in every scalar style, next to `'`, `{`, `#` and `:`. Whatever it fixes or withholds, each
/// file still parses, every text renders as before apart from what was taken out, nothing fixable
/// is left unexplained, and a second run changes no byte.
@Suite struct FixPropertyTests {
    /// SplitMix64: the same packs on every run and platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let packCount = 300

    /// Pieces of text: plain words, template syntax, the characters YAML or ICU give a meaning, and
    /// what the fixable rules find.
    static let words = ["Hi", "thanks", "Call us", "#2", "Note:", "it's", "l'avion", "{first_name}", "{ first_name }",
                        "{days, plural, one {# day} other {# days}}", "'{'", "'{literal}'", "''", "'", "#", ":", "-", "!",
                        "&a", "*b", "?", "%", "@", "`", "[x]", "caf\u{00E9}", "2024", "no", "~", "sorry", "we", "are", "here"]
    static let oddities = ["\u{200B}", "\u{00AD}", "\u{200E}", "\u{FEFF}", "\u{2060}", "\u{200C}", "\u{061C}",
                           "e\u{0301}", "A\u{030A}", "\u{0301}", "  ", "\t", " \u{200B} "]
    /// An oddity stuck to a character with a meaning.
    static let joins = ["'\u{200B}{first_name}'", "'\u{200B}'", "\u{200B}#", " \u{200B}#x", ":\u{200B} ", "\u{200B}: ",
                        "\u{200B}!x", "\u{200B}&x", "\u{200B}'", "{\u{200B}first_name}", "'\u{200B}{'", "\u{200B}}",
                        "{days, plural, one {'\u{200B}#' day} other {# \u{200B}days}}", "e\u{200B}\u{0301}"]

    static func text(_ random: inout Generator) -> String {
        var pieces: [String] = []
        for _ in 0..<Int.random(in: 2...8, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5: pieces.append(words.randomElement(using: &random)!)
            case 5..<8: pieces.append(oddities.randomElement(using: &random)!)
            default: pieces.append(joins.randomElement(using: &random)!)
            }
        }
        var text = ""
        for piece in pieces {
            // Mostly a space between pieces; sometimes none, so oddities touch their neighbours.
            if !text.isEmpty && Int.random(in: 0..<4, using: &random) > 0 { text += " " }
            text += piece
        }
        if Bool.random(using: &random) && Bool.random(using: &random) { text = [" ", "\u{200B} ", "\u{200B}"].randomElement(using: &random)! + text }
        if Bool.random(using: &random) && Bool.random(using: &random) { text += [" ", " \u{200B}", "\u{200B}"].randomElement(using: &random)! }
        return text
    }

    /// `text` as the value of a key at `indent`, in a random style.
    static func scalar(_ text: String, indent: Int, _ random: inout Generator) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            // Plain, on one line or folded over two.
            if let space = text.firstIndex(of: " "), space != text.startIndex, Bool.random(using: &random) {
                return String(text[..<space]) + "\n" + pad + String(text[text.index(after: space)...])
            }
            return text
        case 1:
            var quoted = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\t": quoted += Bool.random(using: &random) ? "\\t" : "\t"
                default:
                    if scalar.value >= 0x80 && Bool.random(using: &random) {
                        quoted += "\\u" + String(format: "%04X", scalar.value)
                    } else {
                        quoted.unicodeScalars.append(scalar)
                    }
                }
            }
            return quoted + "\""
        case 2:
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default:
            // Literal or folded, chomped or not, over one to three lines.
            let header = ["|", "|-", ">", ">-"].randomElement(using: &random)!
            var lines = [""]
            for scalar in text.unicodeScalars {
                if scalar == " " && lines.count < 3 && Int.random(in: 0..<4, using: &random) == 0 {
                    lines.append("")
                } else {
                    lines[lines.count - 1].unicodeScalars.append(scalar)
                }
            }
            return header + lines.map { "\n" + pad + $0 }.joined()
        }
    }

    static func pack(_ random: inout Generator) -> String {
        var pack = "# generated\nlocale: en-US\ntemplates:\n"
        for index in 0..<Int.random(in: 1...4, using: &random) {
            // Most generated plain scalars that YAML refuses are dull: a template is drawn again
            // until it parses, a few times.
            var template = ""
            for _ in 0..<8 {
                template = Self.template(index, &random)
                if (try? YAMLParser.parse(Array(("templates:\n" + template).utf8))) != nil { break }
            }
            pack += template
        }
        return pack
    }

    static func template(_ index: Int, _ random: inout Generator) -> String {
        var template = "  t\(index):   # template \(index)\n"
        if Int.random(in: 0..<4, using: &random) == 0 {
            template += "    text:\n"
            for _ in 0..<2 { template += "      - " + scalar(text(&random), indent: 6, &random) + "\n" }
        } else {
            template += "    text: " + scalar(text(&random), indent: 4, &random) + "\n"
        }
        if Int.random(in: 0..<4, using: &random) == 0 {
            template += "    dm:\n      prefill: " + scalar(text(&random), indent: 6, &random) + "\n"
        }
        return template
    }

    @Test func fixIsSafeAndStableOnGeneratedPacks() throws {
        var random = Generator(state: 0x5EED_F1C5)
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: [UInt8]] = [:]
        for index in 0..<Self.packCount {
            files["templates/b\(index)/brand.yaml"] = Array(RuleExample.defaultBrand.utf8)
            files["templates/b\(index)/en-US.yaml"] = Array(Self.pack(&random).utf8)
        }
        try TestSupport.write(files, under: root)
        let before = try FixSupport.snapshot(root)

        let first = TestSupport.lint([root.path]) { $0.fix = true }
        let after = try FixSupport.snapshot(root)
        var changed = 0, readable = 0
        for (path, bytes) in before.sorted(by: { $0.key < $1.key }) where path.hasSuffix("en-US.yaml") {
            let fixed = after[path] ?? []
            FixSupport.expectSafe(before: bytes, after: fixed, path)
            if fixed != bytes { changed += 1 }
            if (try? YAMLParser.parse(bytes)) != nil { readable += 1 }
        }
        FixSupport.expectNothingFixableLeft(first)
        // The packs exercise both outcomes, and mostly parse to begin with.
        let withheld = first.result?.diagnostics.filter { $0.notes.contains { $0.hasPrefix("`--fix` left it: ") } }.count ?? 0
        #expect(readable > Self.packCount * 9 / 10, "only \(readable) of \(Self.packCount) generated packs are YAML")
        #expect(changed > Self.packCount / 4, "only \(changed) packs were fixed")
        #expect(withheld > Self.packCount / 10, "only \(withheld) fixes were withheld")

        let second = TestSupport.lint([root.path]) { $0.fix = true }
        #expect(!second.stderr.contains("fixed"), "\(second.stderr)")
        let again = try FixSupport.snapshot(root)
        for (path, bytes) in after where again[path] != bytes {
            Issue.record("a second --fix changed \(path):\n\(String(decoding: bytes, as: UTF8.self))\n->\n\(String(decoding: again[path] ?? [], as: UTF8.self))")
        }
    }
}
