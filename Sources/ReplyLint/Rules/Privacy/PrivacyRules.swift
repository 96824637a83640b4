import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `private-info-in-public`: a public reply that asks for private information.
struct PrivateInfoInPublicRule: CopySafetyChecking {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "private-info-in-public",
        summary: "a template without `dm` that asks for private information: order numbers, emails, phone numbers, addresses must go to DM",
        rationale: """
            Customers answer a public reply in public: an order number, an email address, a phone \
            number or a home address asked for there ends up in a public tweet. Ask for it after \
            handing the conversation to DMs (`dm: true`). An ask is a request, a question or a need \
            aimed at the customer ("could you share…", "where should we send it?", "we'll need \
            your…"); a mention, the brand's own action or a warning is not one. The locale data's \
            `copy_safety` grammar says what counts (docs/copy-safety.md).
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Sorry about that! Could you ↓share your email address so we can look into it?\n"),
            .pack("  greeting:\n    text: \"So sorry, {first_name}! ↓Where should we send the replacement?\"\n"),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: ↓Compártenos tu número de pedido para revisarlo.\n"]),
            RuleExample(["ja-JP.yaml": "locale: ja-JP\ntemplates:\n  greeting:\n    text: \"{first_name}様、↓注文番号を教えてください。\"\n"]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: DM us your order number and we'll check on it.\n    dm: true\n"),
            .pack("  greeting:\n    text: We've sent the receipt to your email address.\n"),
            .pack("  greeting:\n    text: Your booking reference is on your ticket.\n"),
            .pack("  greeting:\n    text: \"No need to share your order number: we've found it.\"\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses where analysis.template.dm == nil {
            for (text, what) in analysis.variantTexts {
                for finding in finder.findings(.privateInfoInPublic, in: text, name: what, of: analysis) {
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
        summary: "any template that asks for a secret: passwords, PINs, CVV, full card numbers, one-time codes — never, not even in DM",
        rationale: """
            No support account needs a password, a PIN, a card's security code or its full number, \
            and asking for one teaches customers to hand them to impostors. A warning ("never share \
            your PIN"), a promise ("we will never ask for your password") and guidance to act \
            elsewhere ("enter the code in the app") are not asks; a DM prefill that prompts for one is.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: ↓Send us your password and we'll reset the account.\n    dm: true\n"),
            .pack("  greeting:\n    text: ↓What's the 6-digit code we just texted you?\n"),
            RuleExample(["de-DE.yaml": "locale: de-DE\ntemplates:\n  greeting:\n    text: Bitte ↓nennen Sie uns Ihre PIN.\n"]),
            .pack("  greeting:\n    text: Write to us\n    dm:\n      prefill: \"My ↓CVV is \"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: We will never ask for your password or PIN.\n"),
            .pack("  greeting:\n    text: Tap \"Forgot password\" in the app to reset it.\n"),
            .pack("  greeting:\n    text: Never share your one-time codes with anyone, including us.\n"),
            .pack("  greeting:\n    text: Please enter the code in the app to log in.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let finder = CopySafetyFinder(context)
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.texts {
                for finding in finder.findings(.secretRequest, in: text, name: what, of: analysis) {
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
