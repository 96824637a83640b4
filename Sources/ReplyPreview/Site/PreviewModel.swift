import Foundation
import ReplyCompiler
import ReplyLint

/// What the site shows, gathered from one lint run: brands, their templates and each template's
/// copies in every locale, with their findings and worst cases.
struct PreviewModel: Sendable {
    /// One template in one locale.
    struct Entry: Sendable {
        var analysis: TemplateAnalysis
        var locale: String
        var findings: [Diagnostic]
    }

    /// One template id of a brand, in every locale that has it.
    struct TemplateGroup: Sendable {
        var id: String
        var entries: [Entry]
        /// The brand's locales without this template.
        var missing: [String]
        var campaign: String? { entries.lazy.compactMap { $0.analysis.template.campaign }.first }
    }

    struct BrandGroup: Sendable {
        var id: String
        var brand: Brand
        /// The brand's locales: `locales` in brand.yaml, else the tags of its packs.
        var locales: [String]
        var templates: [TemplateGroup]
        /// Findings that belong to no template: the brand file's, a pack's as a whole.
        var findings: [Diagnostic]
    }

    var brands: [BrandGroup]
    /// Findings outside any brand folder (the configuration, locale data).
    var otherFindings: [Diagnostic]
    var errors: Int
    var warnings: Int
    /// The time campaign windows are shown against.
    var now: Date

    init(result: LintResult, analyses: [TemplateAnalysis], now: Date) {
        self.now = now
        errors = result.count(.error)
        warnings = result.count(.warning)
        var byTemplate: [String: [Diagnostic]] = [:]
        var byBrand: [String: [Diagnostic]] = [:]
        var other: [Diagnostic] = []
        for diagnostic in result.diagnostics {
            if let template = diagnostic.template, let file = diagnostic.file {
                byTemplate[file + "\u{0}" + template, default: []].append(diagnostic)
            } else if let brand = diagnostic.brand {
                byBrand[brand, default: []].append(diagnostic)
            } else {
                other.append(diagnostic)
            }
        }
        var analysesByBrand: [String: [TemplateAnalysis]] = [:]
        for analysis in analyses { analysesByBrand[analysis.brand.id, default: []].append(analysis) }
        var brands: [BrandGroup] = []
        for folder in result.repository.brands {
            guard let brand = folder.brand else {
                other += byBrand[folder.id] ?? []
                continue
            }
            let locales = brand.locales?.map(\.value.canonical) ?? folder.packs.compactMap { $0.tag?.canonical }
            var order: [String] = []
            var entries: [String: [Entry]] = [:]
            for analysis in analysesByBrand[brand.id] ?? [] {
                let id = analysis.template.id.value
                let file = analysis.pack.file
                if entries[id] == nil { order.append(id) }
                entries[id, default: []].append(Entry(analysis: analysis, locale: analysis.pack.tag?.canonical ?? "und",
                                                      findings: byTemplate[file + "\u{0}" + id] ?? []))
            }
            // The brand's locales in its order (the default first), then any other pack's.
            var rank: [String: Int] = [:]
            for (index, locale) in locales.enumerated() where rank[locale] == nil { rank[locale] = index }
            if let first = brand.defaultLocale?.value.canonical { rank[first] = -1 }
            let templates = order.map { id -> TemplateGroup in
                let found = (entries[id] ?? []).enumerated().sorted {
                    (rank[$0.element.locale] ?? Int.max, $0.offset) < (rank[$1.element.locale] ?? Int.max, $1.offset)
                }.map(\.element)
                let present = Set(found.map(\.locale))
                return TemplateGroup(id: id, entries: found, missing: locales.filter { !present.contains($0) })
            }
            brands.append(BrandGroup(id: folder.id, brand: brand, locales: locales, templates: templates,
                                     findings: byBrand[folder.id] ?? []))
        }
        self.brands = brands
        otherFindings = other
    }
}

/// Where a campaign's window stands at a time: what the index filters on.
enum CampaignState: String, Sendable, CaseIterable {
    case open, scheduled, ended, draft, retired
    /// The template names a campaign brand.yaml does not declare.
    case undeclared

    init(_ id: String, brand: Brand, at time: Date) {
        guard let campaign = brand.campaign(id) else {
            self = .undeclared
            return
        }
        switch campaign.status?.value {
        case .approved?:
            let seconds = time.timeIntervalSince1970
            if let starts = campaign.starts, seconds < starts.value { self = .scheduled }
            else if let ends = campaign.ends, seconds > ends.value { self = .ended }
            else { self = .open }
        case .retired?: self = .retired
        case .draft?, nil: self = .draft
        }
    }
}
