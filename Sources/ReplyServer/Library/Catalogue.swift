package import Foundation
package import ReplyKit
package import ReplyKitSupport

/// What a library offers, for callers choosing what to render: brands with their variables (type,
/// bounds, example), campaigns and locales; templates with their variables, locales, variants,
/// worst-case lengths and DM hand-off. `GET /v1/templates` and the MCP tools read it.
package struct Catalogue: Sendable {
    package struct Brand: Sendable {
        package var id: String
        package var maxLength: Int
        package var defaultLocale: String?
        package var fallbackLocale: String?
        package var handle: String?
        package var dmOpen: Bool
        package var locales: [String]
        package var variables: [ReplyVariable]
        package var campaigns: [CampaignWindow]
    }

    package struct Template: Sendable {
        /// `brand/template`.
        package var id: String
        package var brand: String
        /// The variables its text and DM prefill use, in order of first use.
        package var variables: [String]
        package var dm: Bool
        package var campaign: String?
        package var locales: [Pack]
    }

    /// A template's copy in one locale.
    package struct Pack: Sendable {
        package var locale: String
        package var variants: Int
        /// The longest reply any values can make, deep link included; nil when it cannot render.
        package var worstCase: Int?
        /// Why it cannot render, when it cannot.
        package var invalid: String?
    }

    package let brands: [Brand]
    package let templates: [Template]
    private let brandIndex: [String: Int]

    package init(_ library: ReplyLibrary) {
        var brands: [Brand] = []
        var templates: [Template] = []
        for compiled in library.compiledBrands {
            let locales = compiled.packs.keys.map(\.canonical).sorted()
            brands.append(Brand(id: compiled.id, maxLength: compiled.maxLength, defaultLocale: compiled.defaultLocale?.canonical,
                                fallbackLocale: compiled.fallbackLocale?.canonical, handle: compiled.handle,
                                dmOpen: compiled.dmOpen, locales: locales, variables: compiled.variables,
                                campaigns: compiled.campaigns))
            var byTemplate: [String: Template] = [:]
            let linkWeight = DeepLink.weight(separator: compiled.separator)
            for tag in compiled.packs.keys.sorted(by: { $0.canonical < $1.canonical }) {
                for (templateID, source) in compiled.packs[tag] ?? [:] {
                    let template = source.template
                    var entry = byTemplate[templateID] ?? Template(
                        id: "\(compiled.id)/\(templateID)", brand: compiled.id, variables: [], dm: template.dm,
                        campaign: template.campaign, locales: [])
                    for variant in template.variants {
                        for name in variant.names where !entry.variables.contains(name) { entry.variables.append(name) }
                    }
                    let bound = template.variants.map(\.bound).max()
                    let link = template.dm && compiled.userID != nil ? linkWeight : 0
                    let worst = template.invalid == nil ? bound.map { $0.addingReportingOverflow(link).partialValue } : nil
                    entry.locales.append(Pack(locale: tag.canonical, variants: template.variants.count,
                                              worstCase: worst, invalid: template.invalid))
                    byTemplate[templateID] = entry
                }
            }
            templates += byTemplate.keys.sorted().compactMap { byTemplate[$0] }
        }
        self.brands = brands
        self.templates = templates
        brandIndex = Dictionary(brands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func brand(_ id: String) -> Brand? { brandIndex[id].map { brands[$0] } }

    /// The catalogue as JSON, campaigns open or closed at `time`; only `brand`'s when given.
    package func json(at time: Date, brand only: String? = nil) -> JSONValue {
        let seconds = time.timeIntervalSince1970
        let shownBrands = brands.filter { only == nil || $0.id == only }
        let shownTemplates = templates.filter { only == nil || $0.brand == only }
        return .object([
            ("brands", .array(shownBrands.map { brand in
                .object([
                    ("id", .string(brand.id)), ("max_length", .int(brand.maxLength)),
                    ("default_locale", brand.defaultLocale.map(JSONValue.string) ?? .null),
                    ("fallback_locale", brand.fallbackLocale.map(JSONValue.string) ?? .null),
                    ("handle", brand.handle.map(JSONValue.string) ?? .null), ("dm_open", .bool(brand.dmOpen)),
                    ("locales", .array(brand.locales.map(JSONValue.string))),
                    ("variables", .array(brand.variables.map(\.catalogueJSON))),
                    ("campaigns", .array(brand.campaigns.map { campaign in
                        .object([
                            ("id", .string(campaign.id)), ("approved", .bool(campaign.approved)),
                            ("starts", campaign.starts.map { .string(Self.iso($0)) } ?? .null),
                            ("ends", campaign.ends.map { .string(Self.iso($0)) } ?? .null),
                            ("open", .bool(campaign.isOpen(at: seconds))),
                        ])
                    })),
                ])
            })),
            ("templates", .array(shownTemplates.map { template in
                let campaign = template.campaign.flatMap { id in brand(template.brand)?.campaigns.first { $0.id == id } }
                return .object([
                    ("id", .string(template.id)), ("brand", .string(template.brand)),
                    ("variables", .array(template.variables.map(JSONValue.string))),
                    ("dm", .bool(template.dm)),
                    ("campaign", template.campaign.map(JSONValue.string) ?? .null),
                    // A campaign template whose campaign the brand does not declare never renders.
                    ("campaign_open", template.campaign == nil ? .null : .bool(campaign?.isOpen(at: seconds) ?? false)),
                    ("locales", .array(template.locales.map { pack in
                        .object([
                            ("locale", .string(pack.locale)), ("variants", .int(pack.variants)),
                            ("worst_case", pack.worstCase.map(JSONValue.int) ?? .null),
                            ("invalid", pack.invalid.map(JSONValue.string) ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// Seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ`.
    package static func iso(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

extension ReplyVariable {
    /// A variable in the catalogue: name, type, bounds, example and description.
    package var catalogueJSON: JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(typeName))]
        switch kind {
        case .text(let rules):
            fields += [
                ("max_length", .int(rules.maxLength)), ("pattern", rules.pattern.map(JSONValue.string) ?? .null),
                ("allow", .array(rules.allow.map(\.rawValue).sorted().map(JSONValue.string))),
                ("multiline", .bool(rules.multiline)),
            ]
        case .number(let min, let max):
            fields += [("min", .int(min)), ("max", .int(max))]
        case .choice(let choices):
            fields.append(("choices", .array(choices.map(JSONValue.string))))
        }
        fields += [("example", example.map(JSONValue.string) ?? .null), ("description", description.map(JSONValue.string) ?? .null)]
        return .object(fields)
    }

    /// The JSON Schema of the variable's values, as a tool's input names it. Weighted length and
    /// the value pattern are twitter-text's and ReplyKit's, not JSON Schema's: the description
    /// gives them and the renderer enforces them.
    package var valueSchema: JSONValue {
        var fields: [(String, JSONValue)]
        var said: [String] = []
        switch kind {
        case .text(let rules):
            fields = [("type", .string("string")), ("minLength", .int(1))]
            said.append("at most \(rules.maxLength) weighted characters (twitter-text v3)")
            if let pattern = rules.pattern { said.append("matching `\(pattern)`") }
            if !rules.multiline { said.append("one line") }
            said.append(rules.allow.isEmpty ? "no mentions, hashtags, cashtags or URLs"
                        : "may contain: \(rules.allow.map(\.rawValue).sorted().joined(separator: ", "))")
        case .number(let min, let max):
            fields = [("type", .string("integer")), ("minimum", .int(min)), ("maximum", .int(max))]
        case .choice(let choices):
            fields = [("type", .string("string")), ("enum", .array(choices.map(JSONValue.string)))]
        }
        let text = ([description].compactMap { $0 } + said).joined(separator: "; ")
        if !text.isEmpty { fields.append(("description", .string(text))) }
        if let example {
            if case .number = kind, let number = Int(example) {
                fields.append(("examples", .array([.int(number)])))
            } else {
                fields.append(("examples", .array([.string(example)])))
            }
        }
        return .object(fields)
    }
}
