import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `too-many-hashtags`: more than two hashtags in one text.
struct TooManyHashtagsRule: Rule {
    let scope = RuleScope.template
    static let limit = 2

    let description = RuleDescription(
        id: "too-many-hashtags",
        summary: "more than 2 hashtags",
        rationale: """
            A reply to a customer is a conversation, not a campaign post: a string of hashtags reads \
            as spam and costs characters.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"Welcome aboard! #AcmeAir #travel ↓#flying\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"Welcome aboard! #AcmeAir\"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            // Too few `#` (or `＃`) to hold more hashtags than the limit: no need to extract them.
            for (text, what) in analysis.variantTexts where Self.hashMarks(text.text.value) > Self.limit {
                let hashtags = TwitterText.extractHashtags(text.text.value)
                guard hashtags.count > Self.limit else { continue }
                found.append(diagnostic("\(what) of `\(analysis.template.id.value)` has \(hashtags.count) hashtags", in: analysis,
                                        range: text.map.range(hashtags[Self.limit].utf8Range(in: text.text.value)),
                                        help: "keep at most \(Self.limit)"))
            }
        }
        return found
    }

    /// The number of `#` and `＃` (EF BC 83 in UTF-8) in a text: an upper bound of its hashtags.
    static func hashMarks(_ text: String) -> Int {
        text.withUTF8Bytes { bytes in
            var count = 0
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "#") {
                    count += 1
                } else if bytes[index] == 0x83, index >= 2, bytes[index - 1] == 0xBC, bytes[index - 2] == 0xEF {
                    // The last byte of ＃ alone would also count other characters ending in 0x83.
                    count += 1
                }
            }
            return count
        }
    }
}
