import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `private-info-in-public`: a public reply that asks for private information.
struct PrivateInfoInPublicRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "private-info-in-public",
        summary: "a template without `dm` that asks for private information (the locale's `private_info` terms)",
        rationale: """
            Customers answer a public reply in public: an order number, an email address, a phone \
            number or a home address asked for there ends up in a public tweet. Ask for it after \
            handing the conversation to DMs (`dm: true`). The terms come from the locale data's \
            `private_info` list.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Please reply with your ↓email address so we can look into it.\n"),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Compártenos tu ↓número de pedido para revisarlo.\n"]),
            RuleExample(["ja-JP.yaml": "locale: ja-JP\ntemplates:\n  greeting:\n    text: \"{first_name}様、↓注文番号を教えてください。\"\n"]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: DM us your order number and we'll check on it.\n    dm: true\n"),
            .pack("  greeting:\n    text: Thanks for your patience, {first_name}!\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses where analysis.template.dm == nil {
            for (text, what) in analysis.variantTexts {
                for finding in finder.findings(.privateInfoInPublic, in: text, name: what, locale: analysis.pack.tag) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.message)", in: analysis,
                                            range: text.map.range(finding.range), notes: finding.notes, help: finding.help))
                }
            }
        }
        return found
    }
}

/// `secret-request`: a template that asks for a secret, in public or in DMs.
struct SecretRequestRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "secret-request",
        summary: "any template that asks for a secret (the locale's `secrets` terms): passwords, PINs, CVV, full card numbers — never, not even in DM",
        rationale: """
            No support account needs a password, a PIN, a card's security code or its full number, \
            and asking for one teaches customers to hand them to impostors. A sentence that says the \
            brand will never ask (a `negations` term before the secret) is fine.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Send us your ↓password and we'll reset the account.\n    dm: true\n"),
            RuleExample(["de-DE.yaml": "locale: de-DE\ntemplates:\n  greeting:\n    text: Bitte nennen Sie uns Ihre ↓PIN.\n"]),
            .pack("  greeting:\n    text: Write to us\n    dm:\n      prefill: \"My ↓CVV is \"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: We will never ask for your password or PIN.\n"),
            .pack("  greeting:\n    text: Tap \"Forgot password\" in the app to reset it.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.texts {
                for finding in finder.findings(.secretRequest, in: text, name: what, locale: analysis.pack.tag) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.message)", in: analysis,
                                            range: text.map.range(finding.range), notes: finding.notes, help: finding.help))
                }
            }
        }
        return found
    }
}

/// `redirect-off-platform`: sending the customer to phone, email or a form although the brand takes DMs.
struct RedirectOffPlatformRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "redirect-off-platform",
        summary: "a template that sends the customer to phone, email or a web form (`redirects` terms) although the brand takes DMs",
        rationale: """
            A customer who wrote on X expects an answer on X. When the account takes DMs, hand off \
            there instead of sending them to a phone line or a form, where they start again from zero.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Please ↓call us on 0800 123 456.\n"),
            RuleExample(["fr-FR.yaml": "locale: fr-FR\ntemplates:\n  greeting:\n    text: Désolés ! ↓Remplissez le formulaire sur notre site.\n"]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Send us a DM and we'll sort it out.\n    dm: true\n"),
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
                for finding in finder.findings(.redirectOffPlatform, in: text, name: what, locale: analysis.pack.tag) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.message)", in: analysis,
                                            range: text.map.range(finding.range), notes: finding.notes + [takesDMs], help: finding.help))
                }
            }
        }
        return found
    }
}
