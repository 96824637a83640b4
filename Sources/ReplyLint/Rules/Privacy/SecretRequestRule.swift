import ReplyKit
import ReplyCompiler
import ReplyKitSupport

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
