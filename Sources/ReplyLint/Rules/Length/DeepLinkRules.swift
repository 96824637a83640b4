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

/// `dm-closed` †: a `dm` template while the account does not take DMs from anyone.
struct DMClosedRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "dm-closed",
        summary: "a `dm` template while `account.dm_open` is not true",
        rationale: """
            X shows the "Send a private message" button only for accounts that receive Direct Messages \
            from anyone. Without it the deep link is a bare URL and the customer cannot write.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "dm_open: true", with: "dm_open: false"),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm: ↓true\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let dm = analysis.template.dm, analysis.brand.account.dmOpen?.value != true else { return nil }
            return diagnostic(
                "`\(analysis.template.id.value)` hands off to DMs, but `account.dm_open` is not `true`", in: analysis,
                range: dm.range,
                notes: ["X shows the DM button only for accounts that receive Direct Messages from anyone"],
                help: "turn on \"Receive messages from anyone\" for @\(analysis.brand.account.handle?.value ?? "the account") and set `dm_open: true`, or remove `dm`")
        }
    }
}

/// `missing-user-id` †: a `dm` template while the account has no user id.
struct MissingUserIDRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "missing-user-id",
        summary: "a `dm` template while `account.user_id` is missing",
        rationale: """
            The deep link names the account by its numeric user id (`recipient_id`), not its handle: \
            without it there is no link to append.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "  user_id: \"3805104374\"\n", with: ""),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm: ↓true\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let dm = analysis.template.dm, analysis.brand.account.userID == nil else { return nil }
            return diagnostic("`\(analysis.template.id.value)` hands off to DMs, but `account.user_id` is missing",
                              in: analysis, range: dm.range,
                              help: "add the account's numeric id as `user_id` under `account:` in \(analysis.brand.file)")
        }
    }
}

/// `prefill-too-long`: a DM prefill whose worst case exceeds what a DM holds.
struct PrefillTooLongRule: Rule {
    let scope = RuleScope.template
    /// X's limit for a Direct Message, in characters.
    static let limit = 10_000

    let description = RuleDescription(
        id: "prefill-too-long",
        summary: "a DM prefill whose worst case exceeds 10,000 characters",
        rationale: """
            A Direct Message holds at most 10,000 characters; a longer prefill is cut or refused by \
            X. The worst case counts every variable at its longest.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand + "\n  details:\n    max_length: 10000\n",
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Write to us\n    dm:\n      prefill: ↓\"About: {details}\"\n",
            ]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Write to us\n    dm:\n      prefill: \"Order number: \"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.compactMap { analysis in
            guard let prefill = analysis.prefill, let bound = prefill.bound, bound.total > Self.limit else { return nil }
            return diagnostic(
                "the DM prefill of `\(analysis.template.id.value)` can reach \(bound.total) characters, \(bound.total - Self.limit) over the \(Self.limit) a DM holds",
                in: analysis, range: prefill.text.range,
                notes: OverLimitRule.drivers(bound, deepLink: 0, brand: analysis.brand),
                help: "keep the prefill to a short opening line, and lower the `max_length` of its variables")
        }
    }
}
