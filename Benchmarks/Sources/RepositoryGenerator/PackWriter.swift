/// Writes one locale pack of a brand: its templates' texts with this pack's findings, in the scalar
/// styles, comments and optional keys that differ from translator to translator.
struct PackWriter {
    let brand: BrandPlan
    let locale: Int

    /// A template's texts in this pack, variant by variant, and the findings they carry.
    struct Texts {
        var variants: [String]
        var findings: [Finding]
    }

    /// What findings, the exclamation marks added after them and a `|` scalar's final line break may
    /// still add to a reply; padding stops this far below the limit.
    private static let slack = 4

    func texts(_ template: BrandPlan.Template, at t: Int) -> Texts {
        var random = SplitMix64(brand.index, t, locale, 4)
        let estimate = brand.estimate
        let dm = template.handoff != nil
        let base = template.variants[0]
        let baseText = brand.text(base.phrases, locale: locale, multiline: template.multiline)
        let others = template.variants.dropFirst().map { brand.text($0.phrases, locale: locale, multiline: template.multiline) }
        let decomposable = Finding.isDecomposable(baseText)
        func applies(_ finding: Finding) -> Bool {
            switch finding {
            case .shouting, .mention, .hashtags, .redirect: finding.sentence(locale: locale) != nil
            case .untranslated: locale != brand.defaultLocale
            case .notNFC: decomposable
            case .pluralCategories: baseText.contains(scalars: ", plural,")
            case .whitespace, .nearLimit: true
            }
        }
        func draw(excluding: [Finding]) -> Finding? {
            let choices = Finding.weights.filter { $0.0.map { applies($0) && !excluding.contains($0) } ?? true }
            return choices[random.weighted(choices.map(\.1))].0
        }
        guard let first = draw(excluding: []) else { return Texts(variants: [baseText] + others, findings: []) }
        if first == .untranslated {
            let source = PackWriter(brand: brand, locale: brand.defaultLocale).texts(template, at: t)
            return Texts(variants: source.variants, findings: [.untranslated])
        }
        var findings = [first]
        if random.chance(20), let second = draw(excluding: [first, .untranslated]) { findings.append(second) }

        // Sentences go before the sign-off; a finding that would not fit becomes stray whitespace.
        var phrases = base.phrases
        var insertAt = base.closer == nil ? phrases.count : phrases.count - 1
        func fits(_ candidate: [Phrase]) -> Bool {
            estimate.weight(brand.text(candidate, locale: locale, multiline: template.multiline), dm: dm)
                <= brand.limit - Self.slack
        }
        for (index, finding) in findings.enumerated() {
            if let sentence = finding.sentence(locale: locale) {
                var candidate = phrases
                candidate.insert(sentence, at: insertAt)
                if fits(candidate) {
                    phrases = candidate
                    insertAt += 1
                } else {
                    findings[index] = .whitespace
                }
            } else if finding == .nearLimit {
                for filler in Phrasebook.longFillers + Phrasebook.shortFillers {
                    var candidate = phrases
                    candidate.insert(filler, at: insertAt)
                    if fits(candidate) {
                        phrases = candidate
                        insertAt += 1
                    }
                }
            }
        }
        var text = brand.text(phrases, locale: locale, multiline: template.multiline)
        if let index = findings.firstIndex(of: .pluralCategories) {
            if let changed = Finding.changingPluralCategories(text, languageHasOne: RepositoryGenerator.hasPluralOne(locale)) {
                text = changed
            } else {
                findings[index] = .whitespace
            }
        }
        if findings.contains(.whitespace) { text = Finding.addingWhitespace(text) }
        // An info-level finding on top: "!!".
        if random.chance(8), text.contains(scalars: "!") { text = text.replacingAll("!", with: "!!") }
        if findings.contains(.notNFC) { text = Finding.decomposed(text) ?? text }
        return Texts(variants: [text] + others, findings: findings)
    }

    func write() -> String {
        var random = SplitMix64(brand.index, locale, 3)
        let tag = RepositoryGenerator.locales[locale]
        var out = ""
        if random.chance(30) { out += "# yaml-language-server: $schema=../../schema/pack.json\n" }
        out += "# \(brand.name): \(RepositoryGenerator.localeNames[locale]) replies (\(tag)).\n"
        if random.chance(50) { out += "# Run `replykit lint` before merging; the care leads review every change.\n" }
        out += "locale: \(tag)\ntemplates:\n"
        let format = Format(escaping: random.chance(4), width: random.pick([60, 72, 80, 100]))
        for (t, template) in brand.templates.enumerated() where template.campaign == nil {
            out += entry(template, at: t, indent: 2, format: format)
        }
        if brand.templates.contains(where: { $0.campaign != nil }) {
            out += "campaigns:\n"
            for (c, campaign) in brand.campaigns.enumerated() {
                out += "  \(campaign.id):\n"
                for (t, template) in brand.templates.enumerated() where template.campaign == c {
                    out += entry(template, at: t, indent: 4, format: format)
                }
            }
        }
        return out
    }

    /// A pack's habits: whether its tool escapes every non-ASCII character, where it folds lines.
    private struct Format {
        let escaping: Bool
        let width: Int
    }

    private func entry(_ template: BrandPlan.Template, at t: Int, indent: Int, format: Format) -> String {
        var random = SplitMix64(brand.index, t, locale, 5)
        let texts = texts(template, at: t)
        let pad = String(repeating: " ", count: indent)
        let inner = pad + "  "
        let isDefault = locale == brand.defaultLocale
        var lines: [String] = []
        if random.chance(12) {
            lines.append(pad + "# " + random.pick([template.topic.description, "Reviewed by legal", "Approved by the care lead",
                                                   "Keep in sync with the help centre article"]))
        }
        lines.append(pad + template.id + ":")

        var text: [String]
        if texts.variants.count == 1 {
            text = field("text", texts.variants[0], indent: indent + 2, style: style(for: texts.variants[0], &random, format), format)
        } else {
            text = [inner + "text:"]
            for variant in texts.variants {
                let value = style(for: variant, &random, format).lines(variant, indent: indent + 6, width: format.width,
                                                                        escaping: format.escaping)
                text.append(inner + "  - " + value[0])
                text += value.dropFirst()
            }
        }
        var rest: [String] = []
        if let handoff = template.handoff { rest += dm(handoff, indent: indent + 2, &random, format) }
        if random.chance(isDefault ? 70 : 30) {
            let description = template.topic.description
            rest.append(inner + "description: " + (ScalarStyle.plain.canWrite(description)
                ? description : ScalarStyle.doubleQuoted.lines(description, indent: 0, width: 0)[0]))
        }
        if random.chance(isDefault ? 60 : 25) {
            if random.chance(70) {
                rest.append(inner + "tags: [" + template.topic.tags.joined(separator: ", ") + "]")
            } else {
                rest.append(inner + "tags:")
                rest += template.topic.tags.map { inner + "  - " + $0 }
            }
        }
        if let followUp = template.followUp { rest.append(inner + "follow_up: " + followUp) }
        var disabled: [String] = []
        if texts.findings.contains(.shouting), random.chance(25) { disabled.append("shouting") }
        if template.handoff != nil, template.followUp == nil, random.chance(30) { disabled.append("dm-without-follow-up") }
        if random.chance(4) { disabled.append("exclamation") }
        if !disabled.isEmpty { rest.append(inner + "disable: [" + disabled.joined(separator: ", ") + "]") }

        // Most writers put the text first; some start with what the template is for.
        if random.chance(10), let description = rest.firstIndex(where: { $0.hasPrefix(inner + "description:") }) {
            lines.append(rest.remove(at: description))
        }
        lines += text + rest
        return lines.joined(separator: "\n") + "\n"
    }

    private func dm(_ handoff: BrandPlan.Handoff, indent: Int, _ random: inout SplitMix64, _ format: Format) -> [String] {
        let pad = String(repeating: " ", count: indent)
        guard handoff.prefill != nil || handoff.welcomeMessageID != nil else {
            return [pad + "dm: true" + (random.chance(20) ? "  # appends the DM deep link" : "")]
        }
        let prefill = handoff.prefill.map { brand.fill($0[locale]) }
        if random.chance(20) {
            let entries = [prefill.map { "prefill: " + ScalarStyle.doubleQuoted.lines($0, indent: 0, width: 0, escaping: format.escaping)[0] },
                           handoff.welcomeMessageID.map { "welcome_message_id: \"\($0)\"" }].compactMap { $0 }
            return [pad + "dm: {" + entries.joined(separator: ", ") + "}"]
        }
        var lines = [pad + "dm:"]
        if let prefill {
            let style: ScalarStyle = format.escaping ? .doubleQuoted
                : random.pick([ScalarStyle.plain, .singleQuoted, .doubleQuoted].filter { $0.canWrite(prefill) })
            lines += field("prefill", prefill, indent: indent + 2, style: style, format)
        }
        if let id = handoff.welcomeMessageID { lines.append(pad + "  welcome_message_id: \"\(id)\"") }
        return lines
    }

    private func field(_ key: String, _ value: String, indent: Int, style: ScalarStyle, _ format: Format) -> [String] {
        let lines = style.lines(value, indent: indent + 2, width: format.width, escaping: format.escaping)
        return [String(repeating: " ", count: indent) + key + ": " + lines[0]] + lines.dropFirst()
    }

    private func style(for text: String, _ random: inout SplitMix64, _ format: Format) -> ScalarStyle {
        if format.escaping { return .doubleQuoted }
        let weights: [(ScalarStyle, Int)] = text.contains(scalars: "\n")
            ? [(.literal, 35), (.literalClip, 15), (.folded, 25), (.doubleQuoted, 25)]
            : [(.plain, 30), (.singleQuoted, 15), (.doubleQuoted, 20), (.literal, 7), (.literalClip, 3), (.folded, 25)]
        let possible = weights.filter { $0.0.canWrite(text) }
        return possible[random.weighted(possible.map(\.1))].0
    }
}
