package import ReplyKitSupport
/// A brand as the renderer needs it: its limit, account, deep-link settings, variables, campaigns
/// and packs. Compiled from brand.yaml, or read from a bundle.
package struct CompiledBrand: Sendable {
    package var id: String
    package var maxLength: Int
    /// The account's numeric id: a DM template renders only with one.
    package var userID: String?
    package var dmOpen: Bool
    /// The account's handle without `@`, when brand.yaml gives it.
    package var handle: String?
    /// The domains (and their subdomains) links may use; nil when brand.yaml sets none, which is
    /// not an empty list. Rendering ignores it; `replykit check` reads it.
    package var allowedDomains: [String]?
    package var defaultLocale: LocaleTag?
    package var fallbackLocale: LocaleTag?
    package var deepLinkHost: String
    /// What stands between the text and the deep link.
    package var separator: String
    package var variables: [ReplyVariable]
    package var campaigns: [CampaignWindow]
    /// Templates by pack locale, then id.
    package var packs: [LocaleTag: [String: TemplateSource]]

    package init(id: String, maxLength: Int = 280, userID: String? = nil, dmOpen: Bool = false,
                 handle: String? = nil, allowedDomains: [String]? = nil,
                 defaultLocale: LocaleTag? = nil, fallbackLocale: LocaleTag? = nil,
                 deepLinkHost: String = "twitter.com", separator: String = " ",
                 variables: [ReplyVariable] = [], campaigns: [CampaignWindow] = [],
                 packs: [LocaleTag: [String: TemplateSource]] = [:]) {
        self.id = id
        self.maxLength = maxLength
        self.userID = userID
        self.dmOpen = dmOpen
        self.handle = handle
        self.allowedDomains = allowedDomains
        self.defaultLocale = defaultLocale
        self.fallbackLocale = fallbackLocale
        self.deepLinkHost = deepLinkHost
        self.separator = separator
        self.variables = variables
        self.campaigns = campaigns
        self.packs = packs
    }

    package func variable(named name: String) -> ReplyVariable? { variables.first { $0.name == name } }
}

/// When a campaign's templates may be sent: while it is approved, inside its window.
package struct CampaignWindow: Sendable, Hashable {
    package var id: String
    package var approved: Bool
    /// Seconds since 1970-01-01T00:00:00Z.
    package var starts: Double?
    package var ends: Double?

    package init(id: String, approved: Bool, starts: Double? = nil, ends: Double? = nil) {
        self.id = id
        self.approved = approved
        self.starts = starts
        self.ends = ends
    }

    /// Whether a reply of this campaign may be sent at `time` (seconds since 1970, UTC).
    package func isOpen(at time: Double) -> Bool {
        guard approved else { return false }
        if let starts, time < starts { return false }
        if let ends, time > ends { return false }
        return true
    }
}

/// The locale data rendering needs: each tag's parent and plural rules, inheritance applied when
/// asked.
package struct LocaleRules: Sendable {
    package struct Entry: Sendable, Hashable {
        package var tag: LocaleTag
        package var parent: LocaleTag?
        package var plural: PluralRules?

        package init(tag: LocaleTag, parent: LocaleTag?, plural: PluralRules?) {
            self.tag = tag
            self.parent = parent
            self.plural = plural
        }
    }

    /// By lowercased canonical tag.
    package let entries: [String: Entry]

    package init(_ entries: [Entry]) {
        var byTag: [String: Entry] = [:]
        for entry in entries { byTag[entry.tag.canonical.lowercased()] = entry }
        self.entries = byTag
    }

    package func entry(for tag: LocaleTag) -> Entry? { entries[tag.canonical.lowercased()] }

    /// The tag a pack lookup tries after `tag`: its `parent`, else `tag` without its last subtag.
    package func next(after tag: LocaleTag) -> LocaleTag? { entry(for: tag)?.parent ?? tag.truncated }

    /// The plural rules in force for `tag`: the first along its chain of data that sets them.
    package func plural(for tag: LocaleTag) -> PluralRules {
        var candidate: LocaleTag? = tag
        var steps = 0
        // A parent cycle is reported by lint; here it only ends the walk.
        while let current = candidate, steps < 16 {
            if let entry = entry(for: current) {
                if let plural = entry.plural { return plural }
                candidate = entry.parent ?? current.truncated
            } else {
                candidate = current.truncated
            }
            steps += 1
        }
        return .otherOnly
    }
}
