import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

extension TweetEntity {
    /// The entity's range as UTF-8 offsets into `text` (TweetText counts UTF-16).
    func utf8Range(in text: String) -> Range<Int> {
        // In ASCII text (most replies with a link) the two offsets are the same.
        if text.utf8.count == text.utf16.count { return range.clamped(to: 0..<text.utf8.count) }
        let utf16 = text.utf16
        func offset(_ units: Int) -> Int {
            let index = utf16.index(utf16.startIndex, offsetBy: min(max(units, 0), utf16.count))
            return text.utf8.distance(from: text.utf8.startIndex, to: index)
        }
        return offset(range.lowerBound)..<offset(range.upperBound)
    }
}

/// `mention-in-template`: literal text that mentions an account.
struct MentionInTemplateRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "mention-in-template",
        summary: "text that mentions an account (it notifies them; the reply already reaches the customer)",
        rationale: """
            A reply reaches the customer it answers without a mention. A mention written into a \
            template notifies that account every time the template is sent.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Thanks for flying with us! ↓@AcmeAirCrew will take it from here.\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks for flying with us! Write to us at help@acme.example.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                for (name, span) in Self.mentions(in: text.text.value) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` mentions @\(name)", in: analysis,
                                            range: text.map.range(span),
                                            notes: ["@\(name) is notified every time this template is sent"],
                                            help: "name the account without `@`, or remove it"))
                }
            }
        }
        return found
    }

    /// The accounts (and lists) `text` mentions, without `@`, with their UTF-8 spans.
    static func mentions(in text: String) -> [(name: String, span: Range<Int>)] {
        TwitterText.extractMentionsOrLists(text).map { ($0.value, $0.utf8Range(in: text)) }
    }
}

/// `url-not-allowed`: a URL outside the brand's `allowed_domains`.
struct URLNotAllowedRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "url-not-allowed",
        summary: "a URL whose domain is not in `allowed_domains` (warning when the brand sets none)",
        rationale: """
            A link in a reply is a promise that it is safe. Listing the brand's domains catches typos \
            (`acme-air.exmaple`), links to a competitor's page and shorteners that hide the target.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale", with: "allowed_domains: [acme.example]\ndefault_locale"),
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: See ↓https://bit.ly/3xYz for the status.\n"]),
            .pack("  greeting:\n    text: See ↓status.example.com for updates.\n", comment: "no `allowed_domains`: a warning"),
        ],
        nonTriggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale", with: "allowed_domains: [acme.example]\ndefault_locale"),
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: See https://status.acme.example/flights for updates.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            let allowed = analysis.brand.allowedDomains?.map(\.value)
            for (text, what) in analysis.variantTexts {
                for (host, span) in Self.disallowedLinks(in: text.text.value, allowed: allowed) {
                    found.append(diagnostic(
                        "\(what) of `\(analysis.template.id.value)` links to `\(host)`" + Self.problem(allowed),
                        in: analysis, range: text.map.range(span), notes: Self.notes(allowed), help: Self.help(host, allowed),
                        severity: allowed == nil ? .warning : nil))
                }
            }
        }
        return found
    }

    /// The URLs of `text` (DM deep links aside) whose host is not one of `allowed` or under one, with
    /// their hosts and UTF-8 spans; every URL when `allowed` is nil (the brand lists none).
    static func disallowedLinks(in text: String, allowed: [String]?) -> [(host: String, span: Range<Int>)] {
        disallowedLinks(in: text, urls: TwitterText.extractURLs(text), allowed: allowed)
    }

    /// The URLs among `urls` (twitter-text's of `text`) outside `allowed`.
    static func disallowedLinks(in text: String, urls: [TweetEntity], allowed: [String]?) -> [(host: String, span: Range<Int>)] {
        // A DM hand-off's only URL is its deep link: most calls have nothing to compare.
        let links = urls.filter { !$0.value.containsBytes(of: "/messages/compose") }
        guard !links.isEmpty else { return [] }
        let allowed = allowed?.map { $0.lowercased() }
        return links.compactMap { entity in
            let host = Self.host(of: entity.value)
            if let allowed, allowed.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return nil }
            return (host, entity.utf8Range(in: text))
        }
    }

    /// What a message adds after "links to `host`".
    static func problem(_ allowed: [String]?) -> String {
        allowed == nil ? ", and the brand lists no `allowed_domains`" : ", which is not in `allowed_domains`"
    }

    static func notes(_ allowed: [String]?) -> [String] {
        allowed.map { ["allowed: \($0.map { $0.lowercased() }.joined(separator: ", "))"] } ?? []
    }

    static func help(_ host: String, _ allowed: [String]?) -> String {
        allowed == nil ? "list the brand's domains in `allowed_domains`" : "link to a page on an allowed domain, or add `\(host)` to `allowed_domains`"
    }

    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex { "/:?#".contains($0) } ?? rest.endIndex
        return rest[..<end].lowercased()
    }
}

/// `placeholder-joins-entity`: literal text and a variable that can join into an entity.
struct PlaceholderJoinsEntityRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "placeholder-joins-entity",
        summary: "literal text and a variable that can join into a URL, mention or hashtag",
        rationale: """
            `{name}.com`, `@{handle}` and `#{tag}` build an entity out of a value: X counts a URL as \
            23 whatever its length, notifies a mention and links a hashtag. The renderer refuses \
            such values unless the variable `allow`s the entity, so the template fails at run time.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Visit ↓{first_name}.com for more.\n"),
            .pack("  greeting:\n    text: Thanks @↓{first_name}!\n"),
            .pack("  greeting:\n    text: \"Follow #↓{first_name} for updates.\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks {first_name}. See you soon.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.texts {
                guard let message = text.message else { continue }
                for (argument, joined) in Self.joins(in: message) {
                    found.append(diagnostic(
                        "`{\(argument.name)}` in \(what) of `\(analysis.template.id.value)` can join the text around it into a \(joined)",
                        in: analysis, range: text.map.range(argument.span),
                        notes: ["the renderer refuses values that form a \(joined) with the text around them"],
                        help: "put a space or punctuation between the variable and the text"))
                }
            }
        }
        return found
    }

    /// Variables whose neighbouring literal text makes an entity with them, and which kind.
    static func joins(in message: Message) -> [(Message.Argument, String)] {
        var result: [(Message.Argument, String)] = []
        for index in message.parts.indices {
            switch message.parts[index] {
            case .variable(let argument):
                var joined: String?
                // The whole last character must be the mark: one with a combining mark on it joins nothing.
                if index > 0, case .literal(let text) = message.parts[index - 1], let last = text.unicodeScalars.last,
                   let entity = Self.entity(after: last), text.last?.unicodeScalars.count == 1 {
                    joined = entity
                }
                if joined == nil, index + 1 < message.parts.count, case .literal(let text) = message.parts[index + 1],
                   Self.startsDomain(text) {
                    joined = "URL"
                }
                if let joined { result.append((argument, joined)) }
            case .plural(_, let branches), .select(_, let branches):
                for branch in branches { result += joins(in: branch.message) }
            case .literal, .pound:
                break
            }
        }
        return result
    }

    /// The entity a literal ending in `mark` makes of the value after it, if any.
    private static func entity(after mark: Unicode.Scalar) -> String? {
        switch mark {
        case "@", "＠": "mention"
        case "#", "＃": "hashtag"
        case "$": "cashtag"
        case ".", "/", ":": "URL"
        default: nil
        }
    }

    /// `.com`, `/path`: text that continues a domain or path right after the value.
    private static func startsDomain(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if first == "/" { return true }
        return first == "." && scalars.next()?.properties.isAlphabetic == true
    }
}

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
