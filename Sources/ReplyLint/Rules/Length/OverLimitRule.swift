import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `over-limit` †: a template whose worst case is above the brand's limit.
struct OverLimitRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "over-limit",
        summary: "worst-case weighted length above the limit (message: by how much, and what drives it)",
        rationale: """
            X refuses a reply over 280 weighted characters (URLs count 23, CJK and emoji 2). ReplyKit \
            adds up the longest value every variable allows, the longest plural or select branch and \
            the deep link: if that can pass the limit, some customer's reply will fail to post.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand + "\n  note:\n    max_length: 260\n",
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: ↓Thanks {first_name}, {note}\n",
            ]),
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale", with: "max_length: 40\ndefault_locale"),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: ↓Sorry {first_name}, write to us\n    dm: true\n",
            ], comment: "the deep link counts: 2 + 20 + 15 + 24 = 61"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi {first_name}, your refund arrives in {days, plural, one {# day} other {# days}}.\n    dm: true\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            let limit = analysis.brand.maxLength
            for (text, what, bound, worst) in analysis.measuredVariants where worst > limit {
                found.append(diagnostic(
                    "\(what) of `\(analysis.template.id.value)` can reach \(worst) weighted characters, \(worst - limit) over the limit of \(limit)",
                    in: analysis, range: analysis.wholeRange(text),
                    notes: Self.drivers(bound, deepLink: analysis.deepLinkWeight, brand: analysis.brand),
                    help: "shorten the text, or lower the `max_length` of the variables that drive it"))
            }
        }
        return found
    }

    /// What the worst case is made of, largest first.
    static func drivers(_ bound: LengthBound, deepLink: Int, brand: Brand) -> [String] {
        var notes = bound.variables.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { name, weight in
            let limit: String
            switch brand.variable(named: name)?.kind {
            case .text(let rules)?: limit = "`max_length: \(rules.maxLength)`"
            case .number(let min, let max)?: limit = "\(min)…\(max)"
            case .choice?: limit = "its longest value"
            case nil: limit = "undeclared"
            }
            return "`\(name)` adds up to \(weight) (\(limit))"
        }
        notes.append("the literal text weighs \(bound.literal)")
        if deepLink > 0 { notes.append("the deep link adds \(deepLink) (separator and 23 for the URL)") }
        return notes
    }
}
