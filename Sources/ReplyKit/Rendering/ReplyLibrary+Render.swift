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
    func renderCounted(_ template: String, locale: String?, values: [String: ReplyValue], key: String?, variant: Int?,
                       at date: Date?, precount: Bool) throws(RenderError) -> (reply: Reply, precounted: Bool) {
        let (entry, pack) = try lookUp(template, locale: locale)
        let brand = entry.brand
        let prepared = pack.prepared(for: brand)
        if let invalid = prepared.template.invalid {
            throw RenderError(.templateInvalid, "`\(template)` in `\(pack.tag)` cannot be rendered: \(invalid) (run `replykit lint`)")
        }
        if let campaignID = prepared.template.campaign {
            let time = date ?? Date()
            guard brand.campaigns[campaignID]?.isOpen(at: time.timeIntervalSince1970) == true else {
                throw RenderError(.campaignClosed, "`\(template)` belongs to campaign `\(campaignID)`, which is not approved and open at \(ISODate.format(time.timeIntervalSince1970))")
            }
        }
        let variants = prepared.template.variants
        let index: Int
        if let variant {
            guard variants.indices.contains(variant) else {
                throw RenderError(.invalidVariant, "`\(template)` has \(variants.count) variant(s); \(variant) is out of range")
            }
            index = variant
        } else {
            index = StableHash.variant(for: key, count: variants.count)
        }
        guard variants.indices.contains(index) else {
            throw RenderError(.templateInvalid, "`\(template)` in `\(pack.tag)` has no variants (run `replykit lint`)")
        }
        let chosen = variants[index]
        let checked = try check(values, for: chosen, with: prepared.checkers[index], brand: brand, template: template)

        let body = ReplyAssembly(prepared.bodies[index], values: checked, plural: pack.plural)
        let link = try prepared.template.dm
            ? LinkAssembly(brand, prepared.template, prefill: prepared.prefills[index], values: checked,
                           plural: pack.plural, template: template)
            : nil
        let text = try body.write(then: link)

        let weight: Int
        var precounted = false
        if precount, let sum = body.precountedWeight(link: link, text: text) {
            weight = sum
            precounted = true
            assert(weight == TwitterText.weightedLength(text), "a precounted weight must be what twitter-text counts")
        } else {
            try body.checkJoins(with: chosen.names, brand: brand)
            weight = TwitterText.weightedLength(text)
        }
        let limit = brand.brand.maxLength
        if weight > limit {
            throw RenderError(.overLimit, "`\(template)` renders to \(weight) weighted characters, over the limit of \(limit)")
        }
        let bound = chosen.bound + (link == nil ? 0 : brand.linkWeight)
        if weight > bound {
            throw RenderError(.joinsEntity, "`\(template)` renders to \(weight) weighted characters, more than its worst case of \(bound): the values change how the text around them is counted")
        }
        let reply = Reply(text: text, weightedLength: weight, limit: limit, locale: pack.tag,
                          template: entry.id, variant: index, deepLinkLength: link?.byteCount)
        return (reply, precounted)
    }

    /// The values of the variant's names, checked, in slot order; a value for a variable the brand
    /// does not declare is refused.
    private func check(_ values: [String: ReplyValue], for variant: CompiledVariant, with checkers: [ValueChecker?],
                       brand: BrandEntry, template: String) throws(RenderError) -> [CheckedValue] {
        var checked: [CheckedValue] = []
        checked.reserveCapacity(variant.names.count)
        for (slot, name) in variant.names.enumerated() {
            guard slot < checkers.count, let checker = checkers[slot] else {
                throw RenderError(.templateInvalid, "`\(template)` uses `\(name)`, which brand `\(brand.brand.id)` does not declare")
            }
            guard let value = values[name] else {
                throw RenderError(.missingValue, "`\(template)` needs a value for `\(name)`", variable: name)
            }
            checked.append(try checker.check(value))
        }
        // Every value was used: each names a declared variable. Otherwise look for one that does not.
        if values.count > checked.count, let unknown = values.keys.filter({ brand.checkers[$0] == nil }).min() {
            throw RenderError(.unknownVariable, "`\(unknown)` is not a variable of brand `\(brand.brand.id)`", variable: unknown)
        }
        return checked
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
        if let locale, let pack = entry.byLocale[locale] { return (entry, pack) }
        if locale == nil, let pack = entry.byDefault { return (entry, pack) }
        let brand = entry.brand.brand
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
}
