import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `campaign-empty`: a declared campaign with no templates in the default locale.
struct CampaignEmptyRule: Rule {
    let reportsOn = ReportedFiles.brand
    let description = RuleDescription(
        id: "campaign-empty",
        summary: "a declared campaign with no templates in the default locale",
        rationale: """
            The default locale's pack defines the catalogue: a campaign without templates there has \
            nothing for the other locales to translate and nothing for agents to send.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  ↓spring:\n    status: draft\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: draft\n",
                         "en-US.yaml": RuleExample.defaultPack + "\ncampaigns:\n  spring:\n    promo:\n      text: Spring is here\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (folder, brand) in context.brands {
            guard let source = brand.defaultLocale?.value, let pack = folder.packs.first(where: { $0.tag == source }),
                  pack.isReadable else { continue }
            let used = Set(pack.templates.compactMap(\.campaign))
            for campaign in brand.campaigns where !used.contains(campaign.id.value) {
                found.append(diagnostic("campaign `\(campaign.id.value)` has no templates in \(source)", file: brand.file,
                                        range: campaign.id.range,
                                        help: "add its templates under `campaigns: \(campaign.id.value):` in \(pack.file)",
                                        brand: brand.id))
            }
        }
        return found
    }
}
