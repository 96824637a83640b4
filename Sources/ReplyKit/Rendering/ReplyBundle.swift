import Foundation

/// A compiled library as one versioned JSON file (`replykit compile`): every checked template in its
/// parsed form with its worst case, the brands' variables, accounts and deep-link settings, and the
/// locale data rendering needs. ``ReplyLibrary`` loads it without YAML or template parsing.
public enum ReplyBundle {
    /// The `format` field of every bundle.
    public static let format = "replykit-bundle"
    /// Bumped whenever a field changes meaning; a library refuses a version it does not know.
    public static let version = 1

    // MARK: Writing

    /// The bundle of `library` as JSON.
    public static func encode(_ library: ReplyLibrary, generator: String) -> JSONValue {
        let brands = library.brands.keys.sorted().map { id -> JSONValue in
            let compiled = library.brands[id]!
            let brand = compiled.brand
            let packs = compiled.packs.keys.sorted().map { tag -> JSONValue in
                let templates = compiled.packs[tag]!.keys.sorted().map { encode(compiled.packs[tag]![$0]!.template) }
                return .object([("locale", .string(tag.canonical)), ("templates", .array(templates))])
            }
            return .object([
                ("id", .string(brand.id)),
                ("user_id", string(brand.account.userID?.value)),
                ("dm_open", .bool(brand.account.dmOpen?.value == true)),
                ("default_locale", string(brand.defaultLocale?.value.canonical)),
                ("fallback_locale", string(brand.fallbackLocale?.value.canonical)),
                ("max_length", .int(brand.maxLength)),
                ("deep_link", .object([("host", .string(brand.deepLink.host)), ("separator", .string(brand.deepLink.separator))])),
                ("variables", .array(brand.variables.map(encode))),
                ("campaigns", .array(brand.campaigns.map(encode))),
                ("packs", .array(packs)),
            ])
        }
        let locales = library.locales.files.values.sorted { $0.tag < $1.tag }.map { data -> JSONValue in
            .object([
                ("locale", .string(data.tag.canonical)),
                ("parent", string(data.parent?.value.canonical)),
                ("direction", string(data.direction?.rawValue)),
                ("plural", data.plural.map { rules in .object(rules.rules.map { ($0.category.rawValue, .string($0.rule.source)) }) } ?? .null),
            ])
        }
        return .object([
            ("format", .string(format)), ("version", .int(version)), ("generator", .string(generator)),
            ("brands", .array(brands)), ("locales", .array(locales)),
        ])
    }

    private static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func encode(_ template: ReplyLibrary.CompiledTemplate) -> JSONValue {
        .object([
            ("id", .string(template.id)),
            ("campaign", string(template.campaign)),
            ("variants", .array(zip(template.variants, template.bounds).map { message, bound in
                .object([("parts", encode(message)), ("bound", .int(bound))])
            })),
            ("dm", .bool(template.dm)),
            ("prefill", template.prefill.map(encode) ?? .null),
            ("welcome_message_id", string(template.welcomeMessageID)),
            ("invalid", string(template.invalid)),
        ])
    }

    /// A message as nested arrays: `"text"`, `["var", name]`, `["#"]`,
    /// `["plural" | "select", name, [[key, parts], …]]` (keys `=3`, `one`, or a select value).
    static func encode(_ message: Message) -> JSONValue {
        .array(message.parts.map { part -> JSONValue in
            switch part {
            case .literal(let text): return .string(text)
            case .pound: return .array([.string("#")])
            case .variable(let argument): return .array([.string("var"), .string(argument.name)])
            case .plural(let argument, let branches), .select(let argument, let branches):
                let kind = if case .plural = part { "plural" } else { "select" }
                return .array([.string(kind), .string(argument.name), .array(branches.map { branch in
                    .array([.string(branch.key.description), encode(branch.message)])
                })])
            }
        })
    }

    private static func encode(_ variable: Variable) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(variable.name.value)), ("type", .string(variable.typeName))]
        switch variable.kind {
        case .text(let rules):
            fields += [("max_length", .int(rules.maxLength)), ("pattern", string(rules.pattern)),
                       ("allow", .array(rules.allow.map(\.rawValue).sorted().map(JSONValue.string))),
                       ("multiline", .bool(rules.multiline))]
        case .number(let min, let max):
            fields += [("min", .int(min)), ("max", .int(max))]
        case .choice(let values):
            fields.append(("values", .array(values.map(JSONValue.string))))
        }
        fields.append(("example", string(variable.example?.value)))
        return .object(fields)
    }

    private static func encode(_ campaign: Campaign) -> JSONValue {
        .object([
            ("id", .string(campaign.id.value)),
            ("status", string(campaign.status?.value.rawValue)),
            ("starts", campaign.starts.map { .double($0.value) } ?? .null),
            ("ends", campaign.ends.map { .double($0.value) } ?? .null),
        ])
    }
}
