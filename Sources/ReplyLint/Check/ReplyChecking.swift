import ReplyKit
import ReplyCompiler
import TweetText
import ReplyKitSupport

/// One run of ``ReplyChecker``'s checks over one reply: the findings in reply byte offsets, before
/// configuration sets their severities.
struct ReplyChecking {
    struct Finding: Sendable {
        var rule: String
        var span: Range<Int>
        var message: String
        var notes: [String] = []
        var help: String?
        /// Milder than the rule's default for this finding (kept unless configuration sets the
        /// rule's severity); the severity itself for a rule the catalogue lacks.
        var severity: Severity?
    }

    let text: String
    let account: ReplyChecker.Account
    let copySafety: CopySafety
    private(set) var findings: [Finding] = []
    private(set) var weightedLength = 0
    private(set) var handsOffToDM = false

    init(text: String, account: ReplyChecker.Account, copySafety: CopySafety) {
        self.text = text
        self.account = account
        self.copySafety = copySafety
    }

    private var whole: Range<Int> { 0..<text.utf8.count }
    private var who: String { account.handle.map { "@\($0)" } ?? "`\(account.id)`" }

    mutating func run() {
        checkEmpty()
        var configuration = TwitterTextConfiguration.v3
        configuration.maxWeightedTweetLength = account.maxLength
        let (parsed, urls) = TwitterText.parseTweetAndURLs(text, configuration: configuration)
        checkLength(parsed)
        let links = checkDeepLinks(urls)
        checkLinks(urls)
        checkMentions()
        checkCharacters()
        checkCopySafety(links)
    }

    private mutating func checkEmpty() {
        guard text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return }
        findings.append(Finding(rule: "empty-text", span: whole, message: "the reply is empty", help: "write the reply"))
    }

    private mutating func checkLength(_ parsed: TweetParseResult) {
        weightedLength = parsed.weightedLength
        guard weightedLength > account.maxLength else { return }
        // The first character past the limit: twitter-text's valid range ends (inclusive) before it.
        let utf16 = text.utf16
        let firstOver = min(max(parsed.validRangeEnd + 1, 0), utf16.count)
        let index = utf16.index(utf16.startIndex, offsetBy: firstOver)
        let start = text.utf8.distance(from: text.utf8.startIndex, to: index.samePosition(in: text.utf8) ?? text.utf8.startIndex)
        findings.append(Finding(
            rule: "over-limit", span: start < whole.upperBound ? start..<whole.upperBound : whole,
            message: "the reply counts \(weightedLength) weighted characters, \(weightedLength - account.maxLength) over the limit of \(account.maxLength)",
            notes: ["X counts every URL as 23, and most CJK characters and emoji as 2"],
            help: "shorten the reply to \(account.maxLength) or fewer"))
    }

    /// Checks the deep links and returns them; sets ``handsOffToDM``.
    private mutating func checkDeepLinks(_ urls: [TweetEntity]) -> [DeepLinkReading] {
        let links = DeepLinkReading.links(in: text, urls: urls)
        let rule = ReplyChecker.deepLinkRule
        for (index, link) in links.enumerated() {
            if index + 1 < links.count {
                findings.append(Finding(
                    rule: rule, span: link.span, message: "the reply holds \(links.count) deep links",
                    notes: ["X shows the DM button for the last link only, and only when nothing follows it"],
                    help: "keep one deep link, at the end"))
            }
            for problem in link.problems {
                findings.append(Finding(rule: rule, span: problem.span, message: problem.message, notes: problem.notes, help: problem.help))
            }
            if link.host != account.deepLinkHost {
                findings.append(Finding(
                    rule: rule, span: link.span,
                    message: "the deep link goes to `\(link.host)`, not to `\(account.deepLinkHost)`",
                    notes: ["the brand's `deep_link.host` is `\(account.deepLinkHost)`"],
                    help: "write `https://\(account.deepLinkHost)/messages/compose?recipient_id=…`"))
            }
            if let recipient = link.recipientID {
                if let userID = account.userID {
                    if recipient != userID {
                        findings.append(Finding(
                            rule: rule, span: link.span,
                            message: "the deep link opens a DM with user id `\(recipient)`, not with \(who) (`\(userID)`)",
                            help: "use `recipient_id=\(userID)`"))
                    }
                } else {
                    findings.append(Finding(
                        rule: rule, span: link.span, message: "the reply hands off to DMs, but `account.user_id` of `\(account.id)` is missing",
                        help: "add the account's numeric id as `user_id` under `account:` in brand.yaml"))
                }
            }
            if !account.dmOpen {
                findings.append(Finding(
                    rule: rule, span: link.span, message: "the reply hands off to DMs, but `account.dm_open` of `\(account.id)` is not `true`",
                    notes: ["X shows the DM button only for accounts that receive Direct Messages from anyone"],
                    help: "turn on \"Receive messages from anyone\" for \(who) and set `dm_open: true`, or remove the link"))
            }
        }
        guard let last = links.last else { return links }
        let end = whole.upperBound
        if last.span.upperBound < end {
            findings.append(Finding(
                rule: rule, span: last.span.upperBound..<end, message: "text follows the deep link",
                notes: ["X shows the DM button only when the deep link is the reply's last thing"],
                help: "move the deep link to the end of the reply"))
        }
        handsOffToDM = last.span.upperBound == end && last.host == account.deepLinkHost
            && account.userID != nil && last.recipientID == account.userID
        return links
    }

    private mutating func checkLinks(_ urls: [TweetEntity]) {
        for (host, span) in URLNotAllowedRule.disallowedLinks(in: text, urls: urls, allowed: account.allowedDomains) {
            findings.append(Finding(
                rule: "url-not-allowed", span: span, message: "the reply links to `\(host)`" + URLNotAllowedRule.problem(account.allowedDomains),
                notes: URLNotAllowedRule.notes(account.allowedDomains), help: URLNotAllowedRule.help(host, account.allowedDomains),
                severity: account.allowedDomains == nil ? .warning : nil))
        }
    }

    private mutating func checkMentions() {
        for (name, span) in MentionInTemplateRule.mentions(in: text) {
            findings.append(Finding(
                rule: "mention-in-template", span: span, message: "the reply mentions @\(name)",
                notes: ["@\(name) is notified when the reply is posted; the reply reaches the customer without a mention"],
                help: "name the account without `@`, or remove it"))
        }
    }

    private mutating func checkCharacters() {
        // A line break is part of a reply; every other control character is not.
        let found = InvisibleCharacterRule.invisibleCharacters(in: text, controls: true)
        for (span, scalar, control) in found {
            let message = control ? "the reply holds the control character U+\(String(format4: scalar.value))"
                : "the reply holds the invisible character \(InvisibleCharacterRule.name(scalar))"
            findings.append(Finding(rule: "invisible-character", span: span, message: message, help: "remove it"))
        }
        for (span, normalized) in NotNFCRule.unnormalized(in: text) {
            findings.append(Finding(rule: "not-nfc", span: span, message: "the reply is not in Unicode NFC",
                                    notes: ["X normalises the reply to NFC; search and duplicate checks compare the composed form"],
                                    help: "write `\(normalized)`"))
        }
    }

    /// The copy-safety rules over the reply, and `secret-request` over the prefills of its deep
    /// links: what the customer is prompted to send, wherever the link stands.
    private mutating func checkCopySafety(_ links: [DeepLinkReading]) {
        let safety = copySafety
        let takesDMs = account.dmOpen && account.userID != nil
        // The hand-off's own link is the brand's, not copy: the copy is what comes before it (its
        // prefill is read below). Offsets in that prefix are offsets in the reply.
        var copy = text
        if handsOffToDM, let last = links.last, last.span.lowerBound <= text.utf8.count {
            copy = String(decoding: text.utf8.prefix(last.span.lowerBound), as: UTF8.self)
        }
        for finding in safety.findings(in: copy, handsOffToDM: handsOffToDM, brandTakesDMs: takesDMs) {
            var notes = finding.notes
            let help: String?
            switch finding.rule {
            case .privateInfoInPublic:
                help = "end the reply with the brand's deep link and ask for it in the DM"
            case .redirectOffPlatform:
                notes.append("\(who) takes DMs from anyone")
                help = "end the reply with the brand's deep link instead"
            case .secretRequest:
                help = finding.help
            }
            findings.append(Finding(rule: finding.rule.rawValue, span: finding.range, message: "the reply \(finding.message)",
                                    notes: notes, help: help))
        }
        for link in links {
            guard let prefill = link.prefill, let span = link.prefillSpan else { continue }
            for finding in safety.secretFindings(inPrefill: prefill) {
                // The prefill is percent-encoded in the reply: the finding underlines the whole `text=` value.
                findings.append(Finding(rule: finding.rule.rawValue, span: span, message: "the DM prefill \(finding.message)",
                                        notes: finding.notes + ["the prefill reads: \(prefill)"], help: finding.help))
            }
        }
    }
}

extension String {
    /// `value` in upper-case hex, at least four digits (`0007`).
    init(format4 value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        self = String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
