import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `redirect-off-platform`: sending the customer to phone, email or a form although the brand takes DMs.
struct RedirectOffPlatformRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "redirect-off-platform",
        summary: "a template that sends the customer to phone, email, a web form or chat, or gives a number or address to contact, although the brand takes DMs",
        rationale: """
            A customer who wrote on X expects an answer on X. When the account takes DMs, hand off \
            there instead of sending them to a phone line or a form, where they start again from zero. \
            The brand contacting the customer ("we'll call you") and links to information are not \
            redirects; phone numbers and email addresses count wherever they are given.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Please ↓call us on 0800 123 456.\n"),
            RuleExample(["fr-FR.yaml": "locale: fr-FR\ntemplates:\n  greeting:\n    text: Désolés ! ↓Remplissez le formulaire sur notre site.\n"]),
            .pack("  greeting:\n    text: You can also ↓write to help@acme.example.\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Send us a DM and we'll sort it out.\n    dm: true\n"),
            .pack("  greeting:\n    text: We'll call you within the hour to sort it out.\n"),
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "dm_open: true", with: "dm_open: false"),
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Please call us on 0800 123 456.\n"],
                        comment: "the account does not take DMs: a phone line is the way"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses where analysis.brand.account.dmOpen?.value == true {
            let takesDMs = "@\(analysis.brand.account.handle?.value ?? analysis.brand.id) takes DMs from anyone"
            for (text, what) in analysis.variantTexts {
                for finding in finder.findings(.redirectOffPlatform, in: text, name: what, of: analysis) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.message)", in: analysis,
                                            range: text.map.range(finding.range), notes: finding.notes + [takesDMs], help: finding.help))
                }
            }
        }
        return found
    }
}
