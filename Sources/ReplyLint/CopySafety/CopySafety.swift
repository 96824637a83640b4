public import ReplyKit
public import ReplyCompiler

/// The copy-safety rules on plain text: finds what `private-info-in-public`, `secret-request` and
/// `redirect-off-platform` report in a reply, by the locale's grammar (copy-safety.md).
///
/// Built once per locale and shared: the grammar is held in one immutable object, so copies cost
/// one reference count, and ``findings(in:handsOffToDM:brandTakesDMs:)`` may run on every core.
public struct CopySafety: Sendable {
    let grammar: CopySafetyGrammar

    /// The grammar in force for `locale` (built-in data overridden by a repository's locales/).
    ///
    /// A locale no data covers has an empty grammar, which finds nothing; the `locale-data` rule
    /// reports such a locale.
    public init(locale: LocaleTag, catalog: LocaleCatalog) {
        grammar = CopySafetyGrammar(catalog.resolve(locale))
    }

    init(grammar: CopySafetyGrammar) {
        self.grammar = grammar
    }

    /// What the three rules find in `text`: private-info only when `handsOffToDM` is false,
    /// redirects only when `brandTakesDMs`.
    ///
    /// Findings come in text order; a text that asks for private information and a secret at once
    /// gets one finding of each rule.
    public func findings(in text: String, handsOffToDM: Bool, brandTakesDMs: Bool) -> [CopySafetyFinding] {
        grammar.findings(in: text, prefill: false, privateInfo: !handsOffToDM, redirects: brandTakesDMs)
    }

    /// The secrets a DM prefill prompts the customer to type (`My PIN is: `): what the customer
    /// sends, so naming a secret is asking for it.
    public func secretFindings(inPrefill text: String) -> [CopySafetyFinding] {
        grammar.findings(in: text, prefill: true, privateInfo: false, redirects: false)
    }

    /// The findings of a template's text or prefill, as the three rules read it: a prefill only for
    /// secrets. The linter finds them once a text, and each rule keeps its own.
    func findings(in text: String, prefill: Bool, handsOffToDM: Bool, brandTakesDMs: Bool) -> [CopySafetyFinding] {
        grammar.findings(in: text, prefill: prefill, privateInfo: !prefill && !handsOffToDM, redirects: !prefill && brandTakesDMs)
    }
}
