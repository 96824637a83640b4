import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `plural-categories`: plural branches the locale does not have, or lacks ones it needs.
struct PluralCategoriesRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "plural-categories",
        summary: "plural branches for categories the locale lacks, or missing ones it has",
        rationale: """
            Languages have different plural categories: English has one and other, Arabic six, \
            Japanese only other. A branch the language never picks is dead text; a missing one makes \
            numbers of that category fall to `other`, which is often wrong (Russian \"2 дней\"). \
            Only the categories that the variable's range can reach are asked for.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"{days, plural, one {# day} ↓few {# days} other {# days}}\"\n"),
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "default_locale: en-US", with: "default_locale: ru"),
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: \"{days, plural, one {# day} other {# days}}\"\n",
                "ru.yaml": "locale: ru\ntemplates:\n  greeting:\n    text: \"{↓days, plural, one {# день} other {# дней}}\"\n",
            ], comment: "Russian needs `few` (2, 3, 4) and `many` (5, 6, …)"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"{days, plural, one {# day} other {# days}}\"\n"),
            RuleExample([
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: \"{days, plural, one {# day} other {# days}}\"\n",
                "ja-JP.yaml": "locale: ja-JP\ntemplates:\n  greeting:\n    text: \"{days, plural, other {#日}}\"\n",
            ]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var resolved: [LocaleTag: ResolvedLocale?] = [:]
        // Templates come pack by pack: the locale asked for last is the one asked for next.
        var last: (tag: LocaleTag, locale: ResolvedLocale, has: [PluralCategory], hasNote: String)?
        for analysis in context.analyses {
            guard let tag = analysis.pack.tag else { continue }
            if last?.tag != tag {
                if resolved[tag] == nil { resolved[tag] = .some(context.repository.locales.resolve(tag)) }
                guard let locale = resolved[tag] ?? nil else { continue }
                let has = locale.plural.categories
                last = (tag, locale, has, "`\(tag)` has: \(has.map(\.rawValue).joined(separator: ", "))")
            }
            guard let (_, locale, has, hasNote) = last else { continue }
            for (text, what) in analysis.texts where !text.variableNames.isEmpty {
                text.message?.forEachArgument { argument, part in
                    guard case .plural(_, let branches) = part else { return }
                    for branch in branches {
                        guard case .category(let category) = branch.key, !has.contains(category) else { continue }
                        found.append(diagnostic(
                            "`\(category.rawValue)` is not a plural category of `\(tag)` (\(what) of `\(analysis.template.id.value)`)",
                            in: analysis, range: text.map.range(branch.keySpan),
                            notes: [hasNote],
                            help: "remove the branch"))
                    }
                    guard case .number(let min, let max)? = analysis.brand.variable(named: argument.name)?.kind else { return }
                    let key = PluralExampleCache.Key(locale: tag.canonical, min: min, max: max, keys: branches.map(\.key))
                    let missing = context.pluralExamples.missing(key) {
                        Self.missing(branches, rules: locale.plural, min: min, max: max)
                    }
                    for (category, examples) in missing {
                        let note = "in `\(tag)`, `\(category.rawValue)` is used for \(examples.map(String.init).joined(separator: ", "))\(examples.count == 3 ? ", …" : "")"
                        found.append(diagnostic(
                            "\(what) of `\(analysis.template.id.value)` has no `\(category.rawValue)` branch for `\(argument.name)`",
                            in: analysis, range: text.map.range(argument.nameSpan),
                            notes: [note, "without it those numbers get the `other` branch"],
                            help: "add `\(category.rawValue) {…}`"))
                    }
                }
            }
        }
        return found
    }

    /// Categories that values in `min...max` reach without a branch, each with up to three examples.
    static func missing(_ branches: [Message.Branch], rules: PluralRules, min: Int, max: Int)
        -> [(PluralCategory, [Int])]
    {
        let exact = Set(branches.compactMap { if case .exact(let n) = $0.key { n } else { nil } })
        let present = Set(branches.compactMap { if case .category(let c) = $0.key { c } else { nil } })
        var examples: [PluralCategory: [Int]] = [:]
        // Done once every category the branches lack has its three examples: most are found among
        // the first few values, and the rest of the samples could change nothing.
        var unfinished = Set(rules.categories).subtracting(present).subtracting([.other]).count
        forEachSample(min: min, max: max) { value in
            guard unfinished > 0 else { return false }
            guard !exact.contains(value) else { return true }
            let category = rules.category(for: value)
            guard category != .other, !present.contains(category), examples[category, default: []].count < 3 else { return true }
            examples[category, default: []].append(value)
            if examples[category]?.count == 3 { unfinished -= 1 }
            return true
        }
        return examples.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The values of `min...max` the check tries: every value of a small range, the first and last
    /// 1,001 of a large one (categories repeat by 100 or 1000). Counted out from each end, never
    /// by the width of the range, so no bounds make it overflow or run long.
    static func samples(min: Int, max: Int, fromEachEnd count: Int = 1_001) -> [Int] {
        var values: [Int] = []
        forEachSample(min: min, max: max, fromEachEnd: count) { values.append($0); return true }
        return values
    }

    /// Calls `body` with each of ``samples(min:max:fromEachEnd:)`` in order, until it returns false:
    /// the check stops early, and needs no array of them.
    static func forEachSample(min: Int, max: Int, fromEachEnd count: Int = 1_001, _ body: (Int) -> Bool) {
        guard min <= max, count > 0 else { return }
        var value = min
        for _ in 0..<count {
            guard body(value), value != max else { return }
            value += 1
        }
        // `value` is past the low end's samples and at most `max`; the high end starts no lower.
        let (highStart, overflow) = max.subtractingReportingOverflow(count - 1)
        value = overflow ? value : Swift.max(value, highStart)
        while true {
            guard body(value), value != max else { return }
            value += 1
        }
    }
}
