import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

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
