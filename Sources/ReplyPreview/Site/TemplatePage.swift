import Foundation
import ReplyCompiler
import ReplyKit

/// The page of one template: every locale side by side, each variant as two cards (example values
/// and worst case), the locale's lint findings under its cards.
struct TemplatePage {
    var brand: PreviewModel.BrandGroup
    var template: PreviewModel.TemplateGroup
    var renderer: ExampleRenderer
    /// The brand's variables by name, made once for all its pages.
    var variables: [String: Variable]
    var now: Date

    func html() -> [UInt8] {
        let account = ReplyCard.Account(name: brand.brand.name?.value ?? brand.id, handle: brand.brand.account.handle?.value)
        return SiteLayout.page(title: "\(template.id) · \(account.name)", depth: 2, withScript: false) { html in
            html.open("nav", [("class", "crumbs"), ("aria-label", "Breadcrumb")])
            html.element("a", [("href", "../../index.html")], text: "All brands")
            html.text(" / ")
            html.element("a", [("href", "../index.html")], text: account.name)
            html.close("nav")
            html.open("h1")
            html.text(template.id)
            html.close("h1")
            writeSummary(into: &html)
            html.open("div", [("class", "locales")])
            for (index, entry) in template.entries.enumerated() {
                writeLocale(entry, number: index, account: account, into: &html)
            }
            for locale in template.missing {
                html.open("section", [("class", "locale missing"), ("aria-label", "\(locale): missing")])
                html.element("h2", text: locale)
                html.element("p", [("class", "missing-note")], text: "No \(locale) translation of this template")
                html.close("section")
            }
            html.close("div")
        }
    }

    private func writeSummary(into html: inout HTMLWriter) {
        guard let first = template.entries.first?.analysis.template else { return }
        html.open("dl", [("class", "summary")])
        if let description = first.description {
            html.element("dt", text: "Description")
            html.element("dd", text: description)
        }
        if let campaign = template.campaign {
            html.element("dt", text: "Campaign")
            html.open("dd")
            let state = CampaignState(campaign, brand: brand.brand, at: now)
            html.text(brand.brand.campaign(campaign)?.name.map { "\($0) (\(campaign))" } ?? campaign)
            html.text(" ")
            html.element("span", [("class", "badge state-\(state.rawValue)")], text: state.rawValue)
            html.close("dd")
        }
        html.element("dt", text: "DM hand-off")
        html.element("dd", text: first.dm == nil ? "no" : "yes")
        html.element("dt", text: "Locales")
        html.element("dd", text: template.entries.map(\.locale).joined(separator: ", "))
        if !template.missing.isEmpty {
            html.element("dt", text: "Missing translations")
            html.element("dd", [("class", "missing-list")], text: template.missing.joined(separator: ", "))
        }
        html.close("dl")
    }

    private func writeLocale(_ entry: PreviewModel.Entry, number: Int, account: ReplyCard.Account, into html: inout HTMLWriter) {
        let headingID = "l\(number)"
        html.open("section", [("class", "locale"), ("aria-labelledby", headingID), ("data-locale", entry.locale)])
        html.element("h2", [("id", headingID)], text: entry.locale)
        let analysis = entry.analysis
        let limit = analysis.brand.maxLength
        let prefill = analysis.prefill?.message.flatMap { WorstCase($0, variables: variables) }
        for (index, variant) in analysis.variants.enumerated() {
            let id = "c\(number)-\(index)"
            if analysis.variants.count > 1 { html.element("h3", text: "Variant \(index + 1) of \(analysis.variants.count)") }
            html.open("div", [("class", "pair")])
            switch renderer.render(brand: brand.id, template: template.id, locale: entry.locale, variant: index) {
            case .success(let reply):
                ReplyCard(account: account, locale: entry.locale, body: .rendered(reply.text),
                          weightedLength: reply.weightedLength, limit: reply.limit, caption: "with example values", variant: index)
                    .write(into: &html, id: id + "e")
            case .failure(let error):
                html.open("div", [("class", "card-error"), ("role", "note")])
                html.element("p", text: "Cannot render with the example values")
                html.element("p", [("class", "error-message")], text: "\(error.code.rawValue): \(error.message)")
                html.close("div")
            }
            let worst = variant.message.flatMap { WorstCase($0, variables: variables) }
            if let worst {
                ReplyCard(account: account, locale: entry.locale,
                          body: .worstCase(worst, dm: analysis.template.dm != nil, prefill: prefill),
                          weightedLength: variant.bound?.reply(deepLink: analysis.deepLinkWeight), limit: limit,
                          caption: "at the worst case", variant: index)
                    .write(into: &html, id: id + "w")
            } else {
                html.open("div", [("class", "card-error"), ("role", "note")])
                html.element("p", text: "No worst case: the text does not parse or uses a variable brand.yaml does not declare")
                html.close("div")
            }
            html.close("div")
        }
        FindingList.write(entry.findings, heading: "Lint findings for \(entry.locale)", into: &html)
        html.close("section")
    }
}

/// Lint findings as a list, each with its severity, rule id, message and line.
enum FindingList {
    static func write(_ findings: [Diagnostic], heading: String, into html: inout HTMLWriter) {
        html.open("section", [("class", "findings"), ("aria-label", heading)])
        html.element("h3", text: heading)
        if findings.isEmpty {
            html.element("p", [("class", "clean")], text: "No findings")
        } else {
            html.open("ul")
            for finding in findings {
                html.open("li", [("class", "finding sev-\(finding.severity.rawValue)")])
                html.element("span", [("class", "severity")], text: finding.severity.rawValue)
                html.text(" ")
                html.element("code", [("class", "rule")], text: finding.rule)
                html.text(" ")
                html.element("span", [("class", "message")], text: finding.message)
                if let range = finding.range {
                    html.text(" ")
                    html.element("span", [("class", "where")], text: "line \(range.start.line), column \(range.start.column)")
                }
                if let help = finding.help { html.element("span", [("class", "help")], text: "help: \(help)") }
                html.close("li")
            }
            html.close("ul")
        }
        html.close("section")
    }
}
