import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `not-nfc`: text not in Unicode NFC.
struct NotNFCRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = true
    let description = RuleDescription(
        id: "not-nfc",
        summary: "text not in Unicode NFC",
        rationale: """
            X normalises a tweet to NFC before counting it; decomposed text (`e` + U+0301) looks the \
            same but compares differently in search and duplicate checks. `--fix` composes it.
            """,
        defaultSeverity: .warning, isFixable: true,
        triggeringExamples: [.pack("  greeting:\n    text: \"Caf↓e\\u0301 is open\"\n")],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Café is open\n")])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        Self.unnormalized(in: text.text.value).map { span, normalized in
            TextFinding(span: span, replacement: normalized, problem: "is not in Unicode NFC",
                        help: "write `\(normalized)` (`replykit lint --fix` does)")
        }
    }

    /// The characters of `text` that NFC changes, with their UTF-8 spans and NFC forms.
    static func unnormalized(in text: String) -> [(span: Range<Int>, normalized: String)] {
        // Nearly every text is NFC already: check it whole before looking for the characters.
        guard TwitterText.nfc(text).changed else { return [] }
        var found: [(span: Range<Int>, normalized: String)] = []
        var offset = 0
        for character in text {
            let width = character.utf8.count
            defer { offset += width }
            let (normalized, changed) = TwitterText.nfc(String(character))
            if changed { found.append((offset..<offset + width, normalized)) }
        }
        return found
    }
}
