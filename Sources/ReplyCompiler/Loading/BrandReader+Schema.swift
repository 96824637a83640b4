internal import ReplyKit
internal import ReplyKitSupport

/// The keys of `brand.yaml`, what each holds and what it means: ``BrandReader`` reads by these and
/// `replykit schema brand` prints them as a JSON Schema.
extension BrandReader {
    static let schema = MappingSchema<Key>("A brand of a ReplyKit template repository (templates/<brand>/brand.yaml).") { key in
        switch key {
        case .name: FieldSchema(.string(), required: true, "The brand's display name.")
        case .account: FieldSchema(accountSchema.value, required: true, "The X account that posts the replies.")
        case .default_locale:
            FieldSchema(FileSchemas.localeTag, required: true,
                        "The source locale the other packs translate (a BCP 47 tag, written canonically); it must have a pack.")
        case .locales:
            FieldSchema(.list(FileSchemas.localeTag),
                        "Locales that must have a pack. Default: the packs present.")
        case .fallback_locale:
            FieldSchema(FileSchemas.localeTag,
                        "The locale used when no pack matches a requested one; without it there is no fallback to another language.")
        case .max_length:
            FieldSchema(.integer(PackLimits.brandMaxLength), default: .int(280),
                        "The weighted limit of this brand's replies (default 280).")
        case .allowed_domains:
            FieldSchema(.list(.string(pattern: #"^[^/: .][^/: ]*\.[^/: ]*[^/: .]$"#)),
                        "Hosts that URLs in template text may use, with their subdomains: `acme.example`.")
        case .deep_link: FieldSchema(deepLinkSchema.value, "How the DM deep link is written.")
        case .variables:
            FieldSchema(.nullable(.map(keys: .pattern(#"^[A-Za-z_][A-Za-z0-9_]*$"#, description: "a variable name"),
                                       value: variableSchema.value)),
                        "Every variable any template of this brand uses, by name.")
        case .campaigns:
            FieldSchema(.nullable(.map(keys: .pattern(FileSchemas.identifierPattern, description: "a campaign id"),
                                       value: campaignSchema.value)),
                        "Campaigns whose templates render only while approved and within their window, by id.")
        }
    }

    static let accountSchema = MappingSchema<AccountKey>("The X account that posts the replies.") { key in
        switch key {
        case .handle:
            FieldSchema(.string(pattern: #"^[A-Za-z0-9_]{1,15}$"#), required: true,
                        "The account's handle: 1–15 letters, digits or `_`, without `@`.")
        case .user_id:
            FieldSchema(.digits(maxCount: 19),
                        "The account's numeric id (1–19 digits; quote it): the DM deep link's recipient. Required once a template uses `dm`.")
        case .dm_open:
            FieldSchema(.boolean,
                        "Whether \"Receive Direct Messages from anyone\" is on; must be `true` for DM templates.")
        }
    }

    static let deepLinkSchema = MappingSchema<DeepLinkKey>("How the DM deep link is written.") { key in
        switch key {
        case .host:
            FieldSchema(.string(allowed: ["twitter.com", "x.com"]), default: .string("twitter.com"),
                        "The link's host: `twitter.com` (default) or `x.com`.")
        case .separator:
            FieldSchema(.string(allowed: [" ", "\n"]), default: .string(" "),
                        #"What stands between the text and the link: `" "` (default) or `"\n"`."#)
        }
    }

    /// The kinds of variable, by their `type`, and the keys each takes (the others are reported).
    static let variableTypes = DiscriminatedCases(key: VariableKey.type.rawValue, defaultValue: "text", cases: [
        .init(value: "text", required: [VariableKey.max_length.rawValue],
              allowed: [VariableKey.max_length, .pattern, .allow, .multiline].map(\.rawValue)),
        .init(value: "number", required: [VariableKey.min, .max].map(\.rawValue), allowed: [VariableKey.min, .max].map(\.rawValue)),
        .init(value: "choice", required: [VariableKey.values.rawValue], allowed: [VariableKey.values.rawValue]),
    ])

    static let variableSchema = MappingSchema<VariableKey>(
        "A variable: `text` needs `max_length`, `number` needs `min` and `max`, `choice` needs `values`.",
        cases: variableTypes
    ) { key in
        switch key {
        case .type:
            FieldSchema(.string(allowed: variableTypes.cases.map(\.value)), default: .string(variableTypes.defaultValue),
                        "`text` (default), `number` (an integer) or `choice`.")
        case .max_length:
            FieldSchema(.integer(PackLimits.textMaxLength),
                        "Text: the largest weighted length a value may have; a reply's worst case counts the variable at it.")
        case .pattern:
            FieldSchema(.string(), "Text: a regular expression the whole value must match (no anchors, look-around or back-references).")
        case .allow:
            FieldSchema(.list(.string(allowed: Variable.Entity.allCases.map(\.rawValue))),
                        "Text: entities a value may contain: mention, hashtag, cashtag, url (none by default).")
        case .multiline: FieldSchema(.boolean, default: .bool(false), "Text: whether a value may contain line breaks (default false).")
        case .example: FieldSchema(.nullable(.scalar), "A sample value, used by preview and `render --examples`.")
        case .description: FieldSchema(.string(), "What the variable holds, for the people who write and fill templates.")
        case .min: FieldSchema(.integer(PackLimits.number), "Number: the smallest value allowed.")
        case .max: FieldSchema(.integer(PackLimits.number), "Number: the largest value allowed (at least `min`).")
        case .values: FieldSchema(.list(.string(), minItems: 1), "Choice: the values allowed.")
        }
    }

    static let campaignSchema = MappingSchema<CampaignKey>("A campaign: its templates render only while it is approved and open.") { key in
        switch key {
        case .name: FieldSchema(.string(), "The campaign's display name.")
        case .status:
            FieldSchema(.string(allowed: Campaign.Status.allCases.map(\.rawValue)), required: true,
                        "`draft`, `approved` (its templates render within the window) or `retired`.")
        case .starts:
            FieldSchema(FileSchemas.date, "When it opens: `2026-12-01` (00:00 UTC) or a date-time with offset. Default: open from the start.")
        case .ends:
            FieldSchema(FileSchemas.date, "When it closes (after `starts`): `2026-12-15T23:59:59-05:00`. Default: open until retired.")
        }
    }
}
