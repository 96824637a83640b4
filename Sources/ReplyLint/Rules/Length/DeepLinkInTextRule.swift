import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `deep-link-in-text`: a messages/compose URL written in `text` instead of `dm`.
struct DeepLinkInTextRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "deep-link-in-text",
        summary: "a messages/compose URL written in `text` instead of `dm`",
        rationale: """
            X shows the "Send a private message" button only when the deep link is the last thing in \
            the reply. `dm: true` appends it last, with the brand's user id and the prefill encoded; \
            a link typed into the text is easily followed by more text, or goes stale with the id.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Write to us ↓https://twitter.com/messages/compose?recipient_id=3805104374\n"),
            .pack("  greeting:\n    text: \"DM us: ↓x.com/messages/compose?recipient_id=1\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us in a private message\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                guard let (start, end) = text.text.value.withUTF8Bytes({ Self.deepLink(in: $0) }) else { continue }
                found.append(diagnostic(
                    "\(what) of `\(analysis.template.id.value)` holds a DM deep link", in: analysis,
                    range: text.map.range(start..<end),
                    notes: ["X shows the DM button only when the link is the reply's last thing; `dm` appends it there"],
                    help: "remove the link and set `dm: true` on the template"))
            }
        }
        return found
    }

    private static let needle = Array("/messages/compose".utf8)

    /// The UTF-8 span of the first DM deep link in `text`: from after the last space before
    /// `/messages/compose` to the end of that path.
    static func deepLink(in text: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        let needle = Self.needle
        guard text.count >= needle.count else { return nil }
        for at in 0...(text.count - needle.count) where text[at] == UInt8(ascii: "/") {
            guard UnsafeBufferPointer(rebasing: text[at..<at + needle.count]).elementsEqual(needle) else { continue }
            var start = at
            while start > 0 && text[start - 1] != 0x20 && text[start - 1] != 0x0A && text[start - 1] != 0x09 { start -= 1 }
            return (start, at + needle.count)
        }
        return nil
    }
}
