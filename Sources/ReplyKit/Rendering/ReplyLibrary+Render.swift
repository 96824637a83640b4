import Foundation
internal import TweetText
package import ReplyKitSupport

extension ReplyLibrary {
    /// Renders `template` (`brand/template`) for `locale` with `values`.
    ///
    /// - Parameters:
    ///   - locale: the tag asked for; the pack used may be a parent, the brand's only pack of the
    ///     language or its `fallback_locale` (``Reply/locale`` says which). Nil: the default locale.
    ///   - values: one per variable the variant uses; a value for a variable the brand does not
    ///     declare is refused.
    ///   - key: picks the variant by a stable hash (the customer's tweet id keeps a conversation on one
    ///     variant); `variant` picks it directly.
    ///   - date: the time campaign windows are checked against; nil: now.
    public func render(_ template: String, locale: String? = nil, values: [String: ReplyValue],
                       key: String? = nil, variant: Int? = nil, at date: Date? = nil) throws(RenderError) -> Reply {
        try renderCounted(template, locale: locale, values: values, key: key, variant: variant, at: date, precount: true).reply
    }

    /// The one render path: resolve the pack, check the values, walk the compiled message, count,
    /// verify. `precount: false` always counts the whole reply, for tests that compare the two;
    /// `precounted` says whether the pieces' weights were added instead.
    package func renderCounted(_ template: String, locale: String?, values: [String: ReplyValue], key: String?, variant: Int?,
                       at date: Date?, precount: Bool) throws(RenderError) -> (reply: Reply, precounted: Bool) {
        let (entry, pack) = try lookUp(template, locale: locale)
        let brand = entry.brand
        let compiled = pack.source.template
        if let invalid = compiled.invalid {
            throw RenderError(.templateInvalid, "`\(template)` in `\(pack.tag)` cannot be rendered: \(invalid) (run `replykit lint`)")
        }
        if let campaignID = compiled.campaign {
            let time = date ?? Date()
            guard brand.campaigns[campaignID]?.isOpen(at: time.timeIntervalSince1970) == true else {
                throw RenderError(.campaignClosed, "`\(template)` belongs to campaign `\(campaignID)`, which is not approved and open at \(ISO8601DateFormatter().string(from: time))")
            }
        }
        if let unknown = values.keys.filter({ brand.checkers[$0] == nil }).min() {
            throw RenderError(.unknownVariable, "`\(unknown)` is not a variable of brand `\(brand.brand.id)`", variable: unknown)
        }
        let index: Int
        if let variant {
            guard compiled.variants.indices.contains(variant) else {
                throw RenderError(.invalidVariant, "`\(template)` has \(compiled.variants.count) variant(s); \(variant) is out of range")
            }
            index = variant
        } else {
            index = StableHash.variant(for: key, count: compiled.variants.count)
        }
        guard compiled.variants.indices.contains(index) else {
            throw RenderError(.templateInvalid, "`\(template)` in `\(pack.tag)` has no variants (run `replykit lint`)")
        }
        let chosen = compiled.variants[index]
        var checked: [CheckedValue] = []
        checked.reserveCapacity(chosen.names.count)
        for name in chosen.names {
            guard let checker = brand.checkers[name] else {
                throw RenderError(.templateInvalid, "`\(template)` uses `\(name)`, which brand `\(brand.brand.id)` does not declare")
            }
            guard let value = values[name] else {
                throw RenderError(.missingValue, "`\(template)` needs a value for `\(name)`", variable: name)
            }
            checked.append(try checker.check(value))
        }
        let link = try compiled.dm ? deepLink(brand, compiled, chosen, checked, plural: pack.plural, template: template) : nil
        let assembly = ReplyAssembly(body: chosen.body, values: checked, plural: pack.plural)
        let text = try assembly.write(separator: link.map { _ in brand.brand.separator }, link: link)

        let weight: Int
        var precounted = false
        if precount, let sum = assembly.precountedWeight(link: link, brand: brand) {
            weight = sum
            precounted = true
            assert(weight == TwitterText.weightedLength(text), "a precounted weight must be what twitter-text counts")
        } else {
            try assembly.checkJoins(with: chosen.names, brand: brand)
            weight = TwitterText.weightedLength(text)
        }
        if weight > brand.brand.maxLength {
            throw RenderError(.overLimit, "`\(template)` renders to \(weight) weighted characters, over the limit of \(brand.brand.maxLength)")
        }
        let bound = chosen.bound + (compiled.dm ? brand.linkWeight : 0)
        if weight > bound {
            throw RenderError(.joinsEntity, "`\(template)` renders to \(weight) weighted characters, more than its worst case of \(bound): the values change how the text around them is counted")
        }
        let reply = Reply(text: text, weightedLength: weight, limit: brand.brand.maxLength, locale: pack.tag,
                          template: entry.id, variant: index, deepLinkLength: link?.utf8.count)
        return (reply, precounted)
    }

    /// The template and the pack `locale` resolves to.
    private func lookUp(_ template: String, locale: String?) throws(RenderError) -> (TemplateEntry, PackEntry) {
        guard let entry = templates[template] else {
            if let slash = template.firstIndex(of: "/"), template.lastIndex(of: "/") == slash,
               let brand = brands[String(template[..<slash])] {
                throw RenderError(.unknownTemplate, "brand `\(brand.brand.id)` has no template `\(template[template.index(after: slash)...])`")
            }
            let known = brands.isEmpty ? "" : " (brands: \(brands.keys.sorted().joined(separator: ", ")))"
            if let slash = template.firstIndex(of: "/"), template.lastIndex(of: "/") == slash, slash != template.startIndex {
                throw RenderError(.unknownTemplate, "no brand `\(template[..<slash])`\(known)")
            }
            throw RenderError(.unknownTemplate, "no template `\(template)`: write it as `brand/template`\(known)")
        }
        let brand = entry.brand.brand
        if let locale, let pack = entry.byLocale[locale] { return (entry, pack) }
        if locale == nil, let pack = entry.byDefault { return (entry, pack) }
        let requested: LocaleTag
        if let locale {
            guard let tag = LocaleTag(locale) else { throw RenderError(.unknownLocale, "`\(locale)` is not a BCP 47 language tag") }
            requested = tag
        } else if let tag = brand.defaultLocale {
            requested = tag
        } else {
            throw RenderError(.unknownLocale, "brand `\(brand.id)` has no default locale: pass a locale")
        }
        let id = String(template.split(separator: "/", maxSplits: 1).last ?? "")
        guard let tag = Self.resolve(requested, template: id, in: brand, locales: locales),
              let pack = entry.byLocale[tag.canonical] else {
            throw RenderError(.unknownLocale, "`\(template)` has no pack for `\(requested)`, its parents or its language, and brand `\(brand.id)` sets no `fallback_locale`")
        }
        return (entry, pack)
    }

    /// The deep link for a DM template: the brand's link with the prefill percent-encoded and the
    /// welcome message.
    private func deepLink(_ brand: BrandEntry, _ template: CompiledTemplate, _ variant: CompiledVariant,
                          _ values: [CheckedValue], plural: PluralRules, template name: String) throws(RenderError) -> String {
        guard let prefix = brand.linkPrefix else {
            throw RenderError(.templateInvalid, "`\(name)` hands off to DMs, but brand `\(brand.brand.id)` has no `account.user_id` (run `replykit lint`)")
        }
        guard brand.brand.dmOpen else {
            throw RenderError(.templateInvalid, "`\(name)` hands off to DMs, but brand `\(brand.brand.id)` does not take DMs from anyone, so X would show no button (run `replykit lint`)")
        }
        var link = prefix
        if let prefill = variant.prefill {
            var text = ""
            prefill.walk(values, plural: plural) { piece in
                switch piece {
                case .literal(let literal): text += literal.text
                case .value(let slot): text += values[slot].text
                }
            }
            let normalized = TwitterText.nfc(text).text
            if !normalized.isEmpty { link += DeepLink.textParameter + DeepLink.percentEncoded(normalized) }
        }
        if let welcome = template.welcomeMessageID { link += DeepLink.welcomeParameter + welcome }
        return link
    }
}
