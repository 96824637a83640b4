import Foundation
internal import TweetText

extension ReplyLibrary {
    /// Renders `template` (`brand/template`) for `locale` with `values`.
    ///
    /// - Parameters:
    ///   - locale: the tag asked for; the pack used may be a parent, the brand's only pack of the
    ///     language or its `fallback_locale` (``Reply/locale`` says which). Nil: the default locale.
    ///   - key: picks the variant by a stable hash (the customer's tweet id keeps a conversation on one
    ///     variant); `variant` picks it directly.
    ///   - date: the time campaign windows are checked against; nil: now.
    public func render(_ template: String, locale: String? = nil, values: [String: ReplyValue],
                       key: String? = nil, variant: Int? = nil, at date: Date? = nil) throws(RenderError) -> Reply {
        if let reply = renderFast(template, locale: locale, values: values, key: key, variant: variant, at: date) {
            return reply
        }
        return try renderCounting(template, locale: locale, values: values, key: key, variant: variant, at: date ?? Date())
    }

    /// The general path: substitutes, normalises and counts the whole reply, and names what is wrong.
    func renderCounting(_ template: String, locale: String?, values: [String: ReplyValue],
                        key: String?, variant: Int?, at date: Date) throws(RenderError) -> Reply {
        guard let slash = template.firstIndex(of: "/"), template.lastIndex(of: "/") == slash,
              let compiledBrand = brands[String(template[..<slash])] else {
            throw RenderError(.unknownTemplate, "no template `\(template)`: write it as `brand/template`"
                              + (brands.isEmpty ? "" : " (brands: \(brands.keys.sorted().joined(separator: ", ")))"))
        }
        let brand = compiledBrand.brand
        let id = String(template[template.index(after: slash)...])
        let requested: LocaleTag
        if let locale, let known = tagsByText[locale] {
            requested = known
        } else if let locale {
            guard let tag = LocaleTag(locale) else { throw RenderError(.unknownLocale, "`\(locale)` is not a BCP 47 language tag") }
            requested = tag
        } else if let tag = brand.defaultLocale?.value {
            requested = tag
        } else {
            throw RenderError(.unknownLocale, "brand `\(brand.id)` has no default locale: pass a locale")
        }
        guard compiledBrand.packs.values.contains(where: { $0[id] != nil }) else {
            throw RenderError(.unknownTemplate, "brand `\(brand.id)` has no template `\(id)`")
        }
        guard let packTag = Self.resolve(requested, template: id, in: compiledBrand, locales: locales),
              let prepared = fast[template]?.byLocale[packTag.canonical] else {
            throw RenderError(.unknownLocale, "`\(template)` has no pack for `\(requested)`, its parents or its language, and brand `\(brand.id)` sets no `fallback_locale`")
        }
        let compiled = prepared.template
        if let invalid = compiled.invalid {
            throw RenderError(.templateInvalid, "`\(template)` in `\(packTag)` cannot be rendered: \(invalid) (run `replykit lint`)")
        }
        if let campaignID = compiled.campaign {
            guard let campaign = brand.campaign(campaignID), campaign.isOpen(at: date.timeIntervalSince1970) else {
                throw RenderError(.campaignClosed, "`\(template)` belongs to campaign `\(campaignID)`, which is not approved and open at \(ISO8601DateFormatter().string(from: date))")
            }
        }
        // Values: every one declared, every used one present and accepted.
        for name in values.keys.sorted() where compiledBrand.variables[name] == nil {
            throw RenderError(.unknownVariable, "`\(name)` is not a variable of brand `\(brand.id)`", variable: name)
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
        let plural = prepared.plural
        var checked: [String: (text: String, number: Int?)] = [:]
        for name in compiled.variableNames(of: index) {
            guard let variable = compiledBrand.variables[name] else {
                throw RenderError(.templateInvalid, "`\(template)` uses `\(name)`, which brand `\(brand.id)` does not declare")
            }
            guard let value = values[name] else {
                throw RenderError(.missingValue, "`\(template)` needs a value for `\(name)`", variable: name)
            }
            let text = try compiledBrand.checker.check(value, for: variable)
            checked[name] = (text, Int(text))
        }
        var body = Substitution(values: checked, plural: plural)
        body.append(compiled.variants[index], pound: nil)
        let (text, changed) = TwitterText.nfc(body.text)
        if !changed {
            // A value must not join the literal text into an entity it may not hold (`{name}.com`).
            let utf16 = Array(text.utf16)
            for entity in TwitterText.extractEntities(text) {
                for (name, range) in body.valueRanges where range.overlaps(entity.range) {
                    guard case .text(let rules)? = compiledBrand.variables[name]?.kind else { continue }
                    let kind = ValueChecker.kind(of: entity)
                    if !rules.allow.contains(kind) {
                        let shown = String(decoding: utf16[max(0, entity.range.lowerBound)..<min(utf16.count, entity.range.upperBound)], as: UTF16.self)
                        throw RenderError(.joinsEntity, "the value of `\(name)` joins the text into the \(ValueChecker.name(of: kind)) `\(shown)`", variable: name)
                    }
                }
            }
        }
        var reply = text
        var link: String?
        if compiled.dm, let userID = brand.account.userID?.value {
            var prefill: String?
            if let message = compiled.prefill {
                var substitution = Substitution(values: checked, plural: plural)
                substitution.append(message, pound: nil)
                prefill = TwitterText.nfc(substitution.text).text
            }
            let url = DeepLink.url(host: brand.deepLink.host, recipientID: userID, prefill: prefill,
                                   welcomeMessageID: compiled.welcomeMessageID)
            link = url
            reply += brand.deepLink.separator + url
        }
        let weight = TwitterText.weightedLength(reply)
        if weight > brand.maxLength {
            throw RenderError(.overLimit, "`\(template)` renders to \(weight) weighted characters, over the limit of \(brand.maxLength)")
        }
        let bound = LengthBound.sum(compiled.bounds[index], compiled.dm ? DeepLink.weight(separator: brand.deepLink.separator) : 0)
        if weight > bound {
            throw RenderError(.joinsEntity, "`\(template)` renders to \(weight) weighted characters, more than its worst case of \(bound): the values change how the text around them is counted")
        }
        return Reply(text: reply, weightedLength: weight, limit: brand.maxLength, locale: packTag,
                     template: "\(brand.id)/\(id)", variant: index, deepLinkLength: link?.utf8.count)
    }

    /// The pack to use for `requested`: itself, its parent chain, the brand's only pack of the same
    /// language, then `fallback_locale` (pack-format.md, "Locale resolution").
    static func resolve(_ requested: LocaleTag, template id: String, in brand: CompiledBrand,
                        locales: LocaleCatalog) -> LocaleTag? {
        func has(_ tag: LocaleTag) -> Bool { brand.packs[tag]?[id] != nil }
        var candidate: LocaleTag? = requested
        var seen: Set<LocaleTag> = []
        while let tag = candidate, seen.insert(tag).inserted {
            if has(tag) { return tag }
            candidate = locales.data(for: tag)?.parent?.value ?? tag.truncated
        }
        let sameLanguage = brand.packs.keys.filter { $0.language == requested.language && has($0) }
        if sameLanguage.count == 1 { return sameLanguage[0] }
        if let fallback = brand.brand.fallbackLocale?.value, has(fallback) { return fallback }
        return nil
    }
}

/// Builds a message's text from checked values, remembering where each value went (UTF-16).
private struct Substitution {
    let values: [String: (text: String, number: Int?)]
    let plural: PluralRules
    var text = ""
    var length = 0
    var valueRanges: [(String, Range<Int>)] = []

    init(values: [String: (text: String, number: Int?)], plural: PluralRules) {
        self.values = values
        self.plural = plural
    }

    mutating func add(_ piece: String, value name: String? = nil) {
        let count = piece.utf16.count
        if let name { valueRanges.append((name, length..<length + count)) }
        text += piece
        length += count
    }

    mutating func append(_ message: Message, pound: (name: String, text: String)?) {
        for part in message.parts {
            switch part {
            case .literal(let literal): add(literal)
            case .pound:
                if let pound { add(pound.text, value: pound.name) } else { add("#") }
            case .variable(let argument): add(values[argument.name]?.text ?? "", value: argument.name)
            case .plural(let argument, let branches):
                let value = values[argument.name]
                let number = value?.number ?? 0
                let category = plural.category(for: number)
                let branch = branches.first { $0.key == .exact(number) } ?? branches.first { $0.key == .category(category) }
                    ?? branches.first { $0.key.isOther }
                if let branch { append(branch.message, pound: (argument.name, value?.text ?? String(number))) }
            case .select(let argument, let branches):
                let value = values[argument.name]?.text ?? ""
                let branch = branches.first { !$0.key.isOther && $0.key.description == value } ?? branches.first { $0.key.isOther }
                if let branch { append(branch.message, pound: pound) }
            }
        }
    }
}
