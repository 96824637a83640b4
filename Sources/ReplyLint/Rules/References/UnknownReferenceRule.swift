import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `unknown-reference`: names that point at nothing.
struct UnknownReferenceRule: Rule {
    let description = RuleDescription(
        id: "unknown-reference",
        summary: "`follow_up` to a missing template; a campaign not declared in brand.yaml; a listed or default locale with no pack",
        rationale: """
            A reference to nothing fails at the worst moment: an agent's tool asks for the follow-up \
            and gets an error, or a campaign's templates can never be sent because brand.yaml does not \
            declare the campaign. Without a pack for the default locale, which defines the \
            catalogue, no translation can be checked at all.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi there\n    follow_up: ↓no-such-template\n"),
            RuleExample(["en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Hi\ncampaigns:\n  ↓spring-sale:\n    promo:\n      text: Spring is here\n"]),
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(
                of: "default_locale: en-US", with: "default_locale: en-US\nlocales: [en-US, ↓fr-FR]")]),
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(
                of: "default_locale: en-US", with: "default_locale: ↓en-GB")],
                        comment: "the default locale has no pack: en-GB.yaml is missing"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi there\n    follow_up: bye\n  bye:\n    text: Bye\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (folder, brand) in context.brands {
            let templateIDs = Set(folder.packs.flatMap { $0.templates.map(\.id.value) })
            // A pack that exists but could not be read still counts, and so does the name of a pack
            // whose `locale` says otherwise: their own errors say what is wrong.
            let packTags = Set(folder.packs.compactMap(\.tag) + folder.packs.compactMap(\.fileLocale))
            if let source = brand.defaultLocale, !packTags.contains(source.value) {
                let others = packTags.map(\.canonical).sorted()
                found.append(diagnostic(
                    "the default locale `\(source.value)` has no pack", file: brand.file, range: source.range,
                    notes: ["the default locale's pack defines the catalogue the other packs translate"],
                    help: "add \(folder.directory)/\(source.value).yaml"
                        + (others.isEmpty ? "" : ", or set `default_locale` to a locale with a pack: \(others.joined(separator: ", "))"),
                    brand: brand.id, locale: source.value.canonical))
            }
            for tag in brand.locales ?? [] where !packTags.contains(tag.value) && tag.value != brand.defaultLocale?.value {
                found.append(diagnostic("locale `\(tag.value)` is listed but has no pack", file: brand.file,
                                        range: tag.range, help: "add \(folder.directory)/\(tag.value).yaml, or remove it from `locales`",
                                        brand: brand.id, locale: tag.value.canonical))
            }
            for pack in folder.packs {
                let locale = pack.tag?.canonical
                var reportedCampaigns: Set<String> = []
                // By index: copying each template out of the array retains every field of it.
                for index in pack.templates.indices {
                    let templateID = pack.templates[index].id.value
                    if let followUp = pack.templates[index].followUp, !templateIDs.contains(followUp.value) {
                        found.append(diagnostic(
                            "`follow_up` names `\(followUp.value)`, which is not a template of `\(brand.id)`",
                            file: pack.file, range: followUp.range,
                            help: DidYouMean.help(for: followUp.value, among: templateIDs.sorted()),
                            brand: brand.id, locale: locale, template: templateID))
                    }
                    if let campaign = pack.templates[index].campaign, brand.campaign(campaign) == nil,
                       reportedCampaigns.insert(campaign).inserted {
                        found.append(diagnostic(
                            "campaign `\(campaign)` is not declared in brand.yaml", file: pack.file,
                            range: pack.campaigns.first { $0.value == campaign }?.range,
                            help: "declare it under `campaigns:` in \(brand.file), with its status and window",
                            brand: brand.id, locale: locale))
                    }
                }
            }
        }
        return found
    }
}
