import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `invisible-character`: invisible characters outside emoji sequences.
struct InvisibleCharacterRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = true
    let description = RuleDescription(
        id: "invisible-character",
        summary: "zero-width, bidi control, soft hyphen, BOM or other format characters outside emoji sequences",
        rationale: """
            Pasted copy carries characters nobody can see: they count against the limit, break \
            search and can reverse the direction of the text around them. `--fix` removes them.
            """,
        defaultSeverity: .error, isFixable: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"Hi↓\\u200B {first_name}\"\n"),
            .pack("  greeting:\n    text: Thanks for your pa↓\u{00AD}tience\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"Welcome aboard 👩‍✈️ {first_name}\"\n"),
        ])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        Self.invisibleCharacters(in: text.text.value).map { span, scalar, _ in
            TextFinding(span: span, replacement: "", problem: "holds the invisible character \(Self.name(scalar))",
                        help: "remove it (`replykit lint --fix` does)")
        }
    }

    /// The invisible characters of `text` with their UTF-8 spans, in text order; with `controls`,
    /// the control characters too (Cc: U+0000–001F but the line break, U+007F–009F), marked
    /// `control`.
    static func invisibleCharacters(in text: String, controls: Bool = false)
        -> [(span: Range<Int>, scalar: Unicode.Scalar, control: Bool)] {
        // Read over the bytes in place; most texts have none.
        text.withUTF8Bytes { bytes in
            var found: [(span: Range<Int>, scalar: Unicode.Scalar, control: Bool)] = []
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 {
                    if controls && ((byte < 0x20 && byte != 0x0A) || byte == 0x7F) {
                        found.append((offset..<offset + 1, Unicode.Scalar(byte), true))
                    }
                    offset += 1
                    continue
                }
                let (scalar, width) = bytes.scalar(at: offset)
                if controls && (0x80...0x9F).contains(scalar.value) {
                    found.append((offset..<offset + width, scalar, true))
                } else if InvisibleCharacters.isInvisible(scalar) {
                    found.append((offset..<offset + width, scalar, false))
                }
                offset += width
            }
            return found
        }
    }

    /// `U+200B (ZERO WIDTH SPACE)`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        "U+\(String(scalar.value, radix: 16, uppercase: true)) (\(scalar.properties.name ?? "format character"))"
    }
}
