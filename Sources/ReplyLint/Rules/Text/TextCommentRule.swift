import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `text-comment`: a plain scalar text whose line goes on with ` #…`, which YAML drops as a comment.
struct TextCommentRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "text-comment",
        summary: "a plain scalar `text` (or variant, or prefill) whose line goes on with ` #…`, which YAML drops as a comment: the posted copy loses it",
        rationale: """
            In an unquoted YAML scalar, a space followed by `#` starts a comment: \
            `text: Thanks {first_name} #gale #outdoor` posts "Thanks {first_name}", and the hashtags \
            are gone without a word. Quote the text, or write it as a block scalar (`>-`), to keep \
            them; a comment meant as one reads better on a line of its own.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Thanks {first_name} ↓#gale #outdoor\n"),
            .pack("  greeting:\n    text:\n      - Hi {first_name}\n      - Hello {first_name}  ↓# thanks\n",
                  comment: "a variant, and a comment meant as one: it belongs on a line of its own"),
            .pack("  greeting:\n    text: Write to us in DM, {first_name}\n    dm:\n      prefill: Booking ↓#\n",
                  comment: "the prefill is `Booking`: the `#` is lost"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"Thanks {first_name} #gale #outdoor\"\n"),
            .pack("  greeting:\n    # the reply to a first message\n    text: >-\n      Thanks {first_name} #gale\n"),
            .pack("  greeting:\n    text: \"Thanks {first_name}\"  # the reply to a first message\n",
                  comment: "after a quoted text, a comment is only a comment"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Analyses come pack by pack: the file of the last one is looked up once per pack.
        var last: SourceFile?
        for analysis in context.analyses {
            if last?.path != analysis.pack.file { last = context.repository.files[analysis.pack.file] }
            guard let file = last else { continue }
            for (text, what) in analysis.texts {
                guard text.text.style == .plain, !text.text.value.isEmpty,
                      let comment = Self.comment(after: text.text.range.end.offset, in: file.bytes) else { continue }
                let written = String(decoding: file.bytes[comment], as: UTF8.self)
                let kept = text.text.value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
                found.append(diagnostic(
                    "\(what) of `\(analysis.template.id.value)` ends before ` \(Self.shown(written, keep: .prefix))`, which YAML reads as a comment",
                    in: analysis,
                    range: SourceRange(start: file.location(ofByte: comment.lowerBound), end: file.location(ofByte: comment.upperBound)),
                    notes: ["\(what.variant == nil ? "the prefill" : "the posted copy") is `\(Self.shown(kept, keep: .suffix))`"],
                    help: "quote the text (or write it as a block scalar, `>-`) to keep what follows `#`; a comment goes on a line of its own"))
            }
        }
        return found
    }

    /// The bytes of the comment that follows a plain scalar ending at `offset` on its line, from
    /// `#` to the line's last character that is not a space; nil when the line goes on with
    /// anything else, or ends.
    static func comment(after offset: Int, in bytes: [UInt8]) -> Range<Int>? {
        var start = offset
        // A plain scalar ends before the blanks that separate it from a comment.
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        guard start > offset, start < bytes.count, bytes[start] == UInt8(ascii: "#") else { return nil }
        var end = start + 1
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        while end > start + 1, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    enum Keep { case prefix, suffix }

    /// `text` for a message: whole up to 60 characters, else its first (or last) 60 with `…`.
    static func shown(_ text: String, keep: Keep) -> String {
        guard text.count > 60 else { return text }
        return keep == .prefix ? String(text.prefix(60)) + "…" : "…" + String(text.suffix(60))
    }
}
