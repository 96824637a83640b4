import Foundation
public import ReplyKit
package import ReplyKitSupport

/// Reads `brand.yaml` into a ``Brand`` by the schema of pack-format.md.
struct BrandReader {
    enum Key: String, SchemaKey {
        case name, account, default_locale, locales, fallback_locale, max_length, allowed_domains, deep_link, variables,
             campaigns
    }
    enum AccountKey: String, SchemaKey { case handle, user_id, dm_open }
    enum DeepLinkKey: String, SchemaKey { case host, separator }
    enum VariableKey: String, SchemaKey {
        case type, max_length, pattern, allow, multiline, example, description, min, max, values
    }
    enum CampaignKey: String, SchemaKey { case name, status, starts, ends }
    // From the definitions in BrandReader+Schema.swift, which `replykit schema brand` prints.
    static let keys = KeySet(schema)
    static let accountKeys = KeySet(accountSchema)
    static let deepLinkKeys = KeySet(deepLinkSchema)
    static let variableKeys = KeySet(variableSchema)
    static let campaignKeys = KeySet(campaignSchema)

    var reader: SchemaReader

    init(source: SourceFile, brand: String) {
        reader = SchemaReader(source: source, brand: brand)
    }

    mutating func read(_ root: YAMLValue?, id: String) -> Brand {
        var brand = Brand(id: id, file: reader.file)
        guard let root else {
            reader.report("brand.yaml is empty", at: nil, help: "declare at least `name`, `account` and `default_locale`")
            return brand
        }
        guard let fields = reader.fields(root, Self.keys, "brand.yaml") else { return brand }
        for field in fields {
            let value = field.value
            switch field.key {
            case .name: brand.name = reader.string(value, "`name`")
            case .account: readAccount(value, into: &brand)
            case .default_locale: brand.defaultLocale = reader.localeTag(value, "`default_locale`")
            case .locales:
                brand.locales = reader.strings(value, "`locales`")?.compactMap {
                    reader.localeTag($0, "a locale of `locales`")
                }
            case .fallback_locale: brand.fallbackLocale = reader.localeTag(value, "`fallback_locale`")
            case .max_length:
                if let limit = reader.integer(value, "`max_length`", within: PackLimits.brandMaxLength) {
                    brand.maxLength = limit.value
                }
            case .allowed_domains: brand.allowedDomains = readDomains(value)
            case .deep_link: readDeepLink(value, into: &brand)
            case .variables: readVariables(value, into: &brand)
            case .campaigns: readCampaigns(value, into: &brand)
            }
        }
        return brand
    }

    private mutating func readAccount(_ node: YAMLValue, into brand: inout Brand) {
        guard let fields = reader.fields(node, Self.accountKeys, "`account`") else { return }
        for field in fields {
            switch field.key {
            case .handle:
                guard let handle = reader.string(field.value, "`account.handle`") else { continue }
                let valid = (1...15).contains(handle.value.utf8.count) && handle.value.utf8.allSatisfy {
                    (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F
                }
                if valid {
                    brand.account.handle = handle
                } else {
                    reader.report("`account.handle` `\(handle.value)` is not an X handle", at: field.value.range,
                                  notes: ["a handle is 1–15 letters, digits or `_`"],
                                  help: handle.value.hasPrefix("@") ? "write it without `@`" : nil)
                }
            case .user_id:
                guard let id = reader.string(field.value, "`account.user_id`") else { continue }
                let most = Self.accountSchema[.user_id].maxDigits
                if id.value.utf8.count >= 1, id.value.utf8.count <= most, id.value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                    brand.account.userID = id
                } else {
                    reader.report("`account.user_id` must be 1–\(most) digits, found `\(id.value)`", at: field.value.range)
                }
            case .dm_open: brand.account.dmOpen = reader.bool(field.value, "`account.dm_open`")
            }
        }
    }

    private mutating func readDomains(_ node: YAMLValue) -> [Located<String>]? {
        guard let items = reader.strings(node, "`allowed_domains`") else { return nil }
        return items.filter { domain in
            let text = domain.value
            let valid = !text.isEmpty && !text.contains("/") && !text.contains(":") && !text.contains(" ")
                && !text.hasPrefix(".") && !text.hasSuffix(".") && text.contains(".")
            if !valid {
                reader.report("`\(text)` is not a domain name", at: domain.range,
                              help: "write the host alone, as in `acme.example`")
            }
            return valid
        }
    }

    private mutating func readDeepLink(_ node: YAMLValue, into brand: inout Brand) {
        guard let fields = reader.fields(node, Self.deepLinkKeys, "`deep_link`") else { return }
        for field in fields {
            guard let value = reader.string(field.value, "`deep_link.\(field.key.rawValue)`") else { continue }
            switch field.key {
            case .host:
                if Self.deepLinkSchema[.host].allowed.contains(value.value) {
                    brand.deepLink.host = value.value
                } else {
                    reader.report("`deep_link.host` must be \(Self.deepLinkSchema[.host].alternatives), found `\(value.value)`",
                                  at: field.value.range)
                }
            case .separator:
                if Self.deepLinkSchema[.separator].allowed.contains(value.value) {
                    brand.deepLink.separator = value.value
                } else {
                    reader.report("`deep_link.separator` must be a space or a line break", at: field.value.range,
                                  help: #"write `separator: " "` or `separator: "\n"`"#)
                }
            }
        }
    }

    private mutating func readVariables(_ node: YAMLValue, into brand: inout Brand) {
        if node.isNull { return }
        guard let pairs = reader.mapping(node, "`variables`") else { return }
        for pair in pairs {
            guard let name = reader.string(pair.key, "a variable name") else { continue }
            guard Self.isVariableName(name.value) else {
                reader.report("`\(name.value)` is not a valid variable name", at: pair.key.range,
                              notes: ["a variable name matches `[A-Za-z_][A-Za-z0-9_]*`"])
                continue
            }
            if let variable = readVariable(pair.value, name: name) {
                brand.variables.append(variable)
            } else {
                brand.rejectedVariables.append(name.value)
            }
        }
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == 0x5F || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)
        else { return false }
        return text.utf8.allSatisfy { $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    private mutating func readVariable(_ node: YAMLValue, name: Located<String>) -> Variable? {
        let what = "variable `\(name.value)`"
        guard let fields = reader.fields(node, Self.variableKeys, what) else { return nil }
        let value = { (key: VariableKey) in fields.first { $0.key == key }?.value }
        let types = Self.variableTypes
        var type = types.defaultValue
        if let typeNode = value(.type), let written = reader.string(typeNode, "`type` of \(what)") {
            let names = types.cases.map(\.value)
            if names.contains(written.value) {
                type = written.value
            } else {
                reader.report("`type` of \(what) must be \(FieldSchema.alternatives(names)), found `\(written.value)`",
                              at: typeNode.range,
                              help: DidYouMean.suggestion(for: written.value, among: names).map { "did you mean `\($0)`?" })
                return nil
            }
        }
        let caseKeys = types.caseKeys, allowedKeys = types.allowed(for: type)
        for field in fields {
            guard caseKeys.contains(field.key.rawValue), !allowedKeys.contains(field.key.rawValue) else { continue }
            reader.report("`\(field.key.rawValue)` does not apply to a \(type) variable (\(what))", at: field.keyNode.range,
                          help: "remove it, or change `type`")
        }
        let kind: Variable.Kind
        switch type {
        case "number":
            guard let minNode = value(.min), let maxNode = value(.max) else {
                reader.report("\(what) is a number and needs `min` and `max`", at: name.range,
                              notes: ["the worst-case length of a reply depends on the longest number allowed"])
                return nil
            }
            let low = reader.integer(minNode, "`min` of \(what)", within: PackLimits.number)
            let high = reader.integer(maxNode, "`max` of \(what)", within: PackLimits.number)
            guard let low, let high else { return nil }
            guard low.value <= high.value else {
                reader.report("`max` of \(what) is below its `min`", at: maxNode.range)
                return nil
            }
            kind = .number(min: low.value, max: high.value)
        case "choice":
            guard let valuesNode = value(.values) else {
                reader.report("\(what) is a choice and needs `values`", at: name.range)
                return nil
            }
            guard let values = reader.strings(valuesNode, "`values` of \(what)"), !values.isEmpty else {
                if valuesNode.sequence?.isEmpty == true {
                    reader.report("`values` of \(what) is empty", at: valuesNode.range)
                }
                return nil
            }
            kind = .choice(values.map(\.value))
        default:
            guard let lengthNode = value(.max_length) else {
                reader.report("\(what) is text and needs `max_length`", at: name.range,
                              notes: ["the worst-case length of a reply counts each text variable at its `max_length`"])
                return nil
            }
            guard let length = reader.integer(lengthNode, "`max_length` of \(what)", within: PackLimits.textMaxLength)
            else { return nil }
            var rules = Variable.TextRules(maxLength: length.value)
            if let patternNode = value(.pattern), let pattern = reader.string(patternNode, "`pattern` of \(what)") {
                // Kept even when it cannot be compiled: the renderer then refuses every value.
                rules.pattern = pattern.value
                if ValuePattern(pattern.value) == nil {
                    reader.report("`pattern` of \(what) cannot be checked: it is not a regular expression in the supported syntax", at: patternNode.range,
                                  notes: ["a pattern must match the whole value and may use literals, `.`, classes (`[a-z]`, `[^…]`), `\\d \\w \\s`, `\\p{…}` categories, groups, `|` and the quantifiers `* + ? {n,m}`; anchors, look-around, back-references and flags are not supported",
                                           "a value is matched in time linear in its length, so no pattern can make rendering slow"])
                }
            }
            if let allowNode = value(.allow), let allowed = reader.strings(allowNode, "`allow` of \(what)") {
                for entity in allowed {
                    if let kind = Variable.Entity(rawValue: entity.value) {
                        rules.allow.insert(kind)
                    } else {
                        reader.report("`\(entity.value)` is not an entity `allow` knows", at: entity.range,
                                      notes: ["entities: mention, hashtag, cashtag, url"],
                                      help: DidYouMean.suggestion(for: entity.value, among: Variable.Entity.allCases.map(\.rawValue))
                                        .map { "did you mean `\($0)`?" })
                    }
                }
            }
            if let multilineNode = value(.multiline) {
                rules.multiline = reader.bool(multilineNode, "`multiline` of \(what)")?.value ?? false
            }
            kind = .text(rules)
        }
        let example = value(.example).flatMap { reader.string($0, "`example` of \(what)", allowEmpty: true) }
        let description = value(.description).flatMap { reader.string($0, "`description` of \(what)")?.value }
        return Variable(name: name, kind: kind, example: example, description: description, range: node.range)
    }

    private mutating func readCampaigns(_ node: YAMLValue, into brand: inout Brand) {
        if node.isNull { return }
        guard let pairs = reader.mapping(node, "`campaigns`") else { return }
        for pair in pairs {
            guard let id = reader.identifier(pair.key, "campaign id") else { continue }
            let what = "campaign `\(id.value)`"
            guard let fields = reader.fields(pair.value, Self.campaignKeys, what) else { continue }
            var campaign = Campaign(id: id, range: pair.value.range)
            for field in fields {
                switch field.key {
                case .name: campaign.name = reader.string(field.value, "`name` of \(what)")?.value
                case .status:
                    guard let status = reader.string(field.value, "`status` of \(what)") else { continue }
                    if let value = Campaign.Status(rawValue: status.value) {
                        campaign.status = Located(value, range: status.range)
                    } else {
                        reader.report("`status` of \(what) must be \(Self.campaignSchema[.status].alternatives), found `\(status.value)`",
                                      at: field.value.range)
                    }
                case .starts: campaign.starts = reader.date(field.value, "`starts` of \(what)")
                case .ends: campaign.ends = reader.date(field.value, "`ends` of \(what)")
                }
            }
            brand.campaigns.append(campaign)
        }
    }
}
