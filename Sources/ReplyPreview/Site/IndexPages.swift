import Foundation
import ReplyCompiler

/// The index of the repository (its brands) and of each brand (every template × locale, sortable
/// and filterable by locale and by state with the small script; a plain table without it).
enum IndexPages {
    static func repository(_ model: PreviewModel) -> [UInt8] {
        SiteLayout.page(title: "Reply templates preview", depth: 0, withScript: false) { html in
            html.element("h1", text: "Reply templates")
            html.element("p", [("class", "totals")], text: "\(model.brands.count) brands, \(plural(model.errors, "error")), \(plural(model.warnings, "warning"))")
            html.open("table", [("class", "index")])
            html.element("caption", text: "Brands")
            html.trusted("<thead><tr><th scope=\"col\">Brand</th><th scope=\"col\">Handle</th><th scope=\"col\">Locales</th><th scope=\"col\">Templates</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th></tr></thead>")
            html.open("tbody")
            for brand in model.brands {
                var errors = brand.findings.filter { $0.severity == .error }.count
                var warnings = brand.findings.filter { $0.severity == .warning }.count
                for template in brand.templates {
                    for entry in template.entries {
                        for finding in entry.findings {
                            if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
                        }
                    }
                }
                html.open("tr")
                html.open("th", [("scope", "row")])
                html.element("a", [("href", SiteLayout.brandIndex(brand.id))], text: brand.brand.name?.value ?? brand.id)
                html.close("th")
                html.element("td", text: brand.brand.account.handle.map { "@" + $0.value } ?? "")
                html.element("td", text: brand.locales.joined(separator: ", "))
                html.element("td", text: String(brand.templates.count))
                html.element("td", text: String(errors))
                html.element("td", text: String(warnings))
                html.close("tr")
            }
            html.close("tbody")
            html.close("table")
            if !model.otherFindings.isEmpty {
                FindingList.write(model.otherFindings, heading: "Findings outside the brands", into: &html)
            }
        }
    }

    static func brand(_ group: PreviewModel.BrandGroup, now: Date) -> [UInt8] {
        let name = group.brand.name?.value ?? group.id
        return SiteLayout.page(title: "\(name) · reply templates", depth: 1, withScript: true) { html in
            html.open("nav", [("class", "crumbs"), ("aria-label", "Breadcrumb")])
            html.element("a", [("href", "../index.html")], text: "All brands")
            html.close("nav")
            html.element("h1", text: name)
            html.open("form", [("class", "filters"), ("aria-label", "Filter the templates")])
            html.open("label")
            html.text("Locale ")
            html.open("select", [("id", "filter-locale"), ("name", "locale")])
            html.element("option", [("value", "")], text: "All locales")
            for locale in group.locales { html.element("option", [("value", locale)], text: locale) }
            html.close("select")
            html.close("label")
            html.open("label")
            html.text("State ")
            html.open("select", [("id", "filter-state"), ("name", "state")])
            html.element("option", [("value", "")], text: "All states")
            for (value, label) in [("error", "With errors"), ("warning", "With warnings"), ("clean", "Without findings"),
                                   ("missing", "Missing translation"), ("dm", "DM hand-off")] {
                html.element("option", [("value", value)], text: label)
            }
            for state in CampaignState.allCases { html.element("option", [("value", "campaign-\(state.rawValue)")], text: "Campaign \(state.rawValue)") }
            html.close("select")
            html.close("label")
            html.element("output", [("id", "row-count"), ("aria-live", "polite")], text: "")
            html.close("form")
            html.open("table", [("class", "index sortable"), ("id", "templates")])
            html.element("caption", text: "Templates by locale")
            html.open("thead")
            html.open("tr")
            for (column, kind) in [("Template", "text"), ("Locale", "text"), ("Worst case", "number"), ("Findings", "number"),
                                   ("DM", "text"), ("Campaign", "text"), ("Missing translations", "text")] {
                html.open("th", [("scope", "col"), ("data-sort", kind)])
                html.element("button", [("type", "button"), ("class", "sort")], text: column)
                html.close("th")
            }
            html.close("tr")
            html.close("thead")
            html.open("tbody")
            for template in group.templates { writeRows(template, brand: group, now: now, into: &html) }
            html.close("tbody")
            html.close("table")
            if !group.findings.isEmpty {
                FindingList.write(group.findings, heading: "Findings about the brand's files", into: &html)
            }
        }
    }

    private static func writeRows(_ template: PreviewModel.TemplateGroup, brand: PreviewModel.BrandGroup, now: Date,
                                  into html: inout HTMLWriter) {
        let link = SiteLayout.templateLink(template.id)
        let campaign = template.campaign.map { ($0, CampaignState($0, brand: brand.brand, at: now)) }
        let missing = template.missing.joined(separator: ", ")
        // The cells every row of the template ends with: its campaign and the locales it lacks.
        func endRow() {
            html.open("td")
            if let (id, state) = campaign {
                html.text(id + " ")
                html.element("span", [("class", "badge state-\(state.rawValue)")], text: state.rawValue)
            }
            html.close("td")
            html.element("td", text: missing)
            html.close("tr")
        }
        for entry in template.entries {
            let worst = entry.analysis.maxWeightedLength
            let limit = entry.analysis.brand.maxLength
            let errors = entry.findings.filter { $0.severity == .error }.count
            let warnings = entry.findings.filter { $0.severity == .warning }.count
            var states = [errors > 0 ? "error" : warnings > 0 ? "warning" : "clean"]
            if warnings > 0 && errors > 0 { states.append("warning") }
            if !template.missing.isEmpty { states.append("missing") }
            if entry.analysis.template.dm != nil { states.append("dm") }
            if let campaign { states.append("campaign-\(campaign.1.rawValue)") }
            html.open("tr", [("data-locale", entry.locale), ("data-state", states.joined(separator: " "))])
            html.open("th", [("scope", "row")])
            html.element("a", [("href", link)], text: template.id)
            html.close("th")
            html.element("td", [("lang", entry.locale)], text: entry.locale)
            let over = worst.map { $0 > limit } ?? true
            html.element("td", [("class", over ? "worst over" : "worst"), ("data-value", worst.map(String.init) ?? "-1")],
                         text: worst.map { "\($0) / \(limit)" } ?? "not measurable / \(limit)")
            html.open("td", [("data-value", String(errors * 1000 + warnings))])
            if entry.findings.isEmpty {
                html.text("none")
            } else {
                html.text("\(plural(errors, "error")), \(plural(warnings, "warning")): ")
                let rules = Array(Set(entry.findings.map(\.rule))).sorted()
                for (index, rule) in rules.enumerated() {
                    if index > 0 { html.text(" ") }
                    html.element("code", text: rule)
                }
            }
            html.close("td")
            html.element("td", text: entry.analysis.template.dm == nil ? "no" : entry.analysis.template.dm?.prefill == nil ? "yes" : "yes, with prefill")
            endRow()
        }
        for locale in template.missing {
            var states = ["missing"]
            if let campaign { states.append("campaign-\(campaign.1.rawValue)") }
            html.open("tr", [("class", "missing-row"), ("data-locale", locale), ("data-state", states.joined(separator: " "))])
            html.open("th", [("scope", "row")])
            html.element("a", [("href", link)], text: template.id)
            html.close("th")
            html.element("td", text: locale)
            html.element("td", [("data-value", "-1")], text: "missing")
            html.element("td", [("data-value", "-1")], text: "")
            html.element("td", text: "")
            endRow()
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
}
