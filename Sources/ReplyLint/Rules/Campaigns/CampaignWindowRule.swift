import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `campaign-window`: a campaign whose window is empty, or over while it is still approved.
struct CampaignWindowRule: Rule {
    let reportsOn = ReportedFiles.brand
    let description = RuleDescription(
        id: "campaign-window",
        summary: "`ends` not after `starts` (warning: an approved campaign whose window has ended)",
        rationale: """
            A campaign's templates render only inside its window: one that ends before it starts \
            can never be sent, and an approved campaign that has ended is usually one somebody forgot \
            to retire.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: approved\n    starts: 2027-03-10\n    ends: ↓2027-03-01\n"]),
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: approved\n    starts: 2020-03-01\n    ends: ↓2020-03-31\n"],
                        comment: "approved, but over: a warning"),
        ],
        nonTriggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: retired\n    starts: 2020-03-01\n    ends: 2020-03-31\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        let now = context.now.timeIntervalSince1970
        var found: [Diagnostic] = []
        for (_, brand) in context.brands {
            for campaign in brand.campaigns {
                guard let ends = campaign.ends else { continue }
                if let starts = campaign.starts, ends.value <= starts.value {
                    found.append(diagnostic("campaign `\(campaign.id.value)` ends before it starts", file: brand.file,
                                            range: ends.range, help: "set `ends` after `starts`", brand: brand.id))
                } else if campaign.status?.value == .approved, ends.value < now {
                    found.append(diagnostic("campaign `\(campaign.id.value)` is approved but its window has ended",
                                            file: brand.file, range: ends.range,
                                            help: "set `status: retired`, or move `ends`", brand: brand.id, severity: .warning))
                }
            }
        }
        return found
    }
}
