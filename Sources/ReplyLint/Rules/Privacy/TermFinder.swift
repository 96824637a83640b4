import ReplyKit

/// The privacy rules' term matchers for the locale of every pack: built once per lint, not once
/// per rule and batch, and shared read-only by every core.
final class TermMatchers: Sendable {
    private let matchers: [LocaleTag: [String: TermMatcher]]

    init(_ repository: TemplateRepository) {
        var matchers: [LocaleTag: [String: TermMatcher]] = [:]
        for folder in repository.brands {
            for pack in folder.packs {
                guard let tag = pack.tag, matchers[tag] == nil else { continue }
                let terms = repository.locales.resolve(tag)?.terms ?? [:]
                matchers[tag] = Dictionary(uniqueKeysWithValues: LocaleData.termLists.map { ($0, TermMatcher(terms: terms[$0] ?? [])) })
            }
        }
        self.matchers = matchers
    }

    /// The matcher of `list` for `locale`; one that matches nothing for a list or locale it lacks.
    func matcher(_ list: String, _ locale: LocaleTag) -> TermMatcher {
        matchers[locale]?[list] ?? TermMatcher(terms: [])
    }
}

/// Finds a locale's terms in a template's texts for the privacy rules.
struct TermFinder {
    private let matchers: TermMatchers
    private var last: (list: String, locale: LocaleTag, matcher: TermMatcher)?

    init(_ context: LintContext) {
        matchers = context.termMatchers
    }

    /// Matches of the `list` terms of the pack's locale in `text`; with `skipNegated`, matches whose
    /// sentence holds a `negations` term are left out ("we will never ask for your password";
    /// "パスワードをお伺いすることは決してありません", where the negation comes last).
    mutating func matches(_ list: String, in text: String, locale: LocaleTag?, skipNegated: Bool = false) -> [TermMatcher.Match] {
        guard let locale else { return [] }
        let found = matcher(list, locale).matches(in: text)
        guard skipNegated, !found.isEmpty else { return found }
        let negations = matcher("negations", locale).matches(in: text)
        let bytes = Array(text.utf8)
        return found.filter { match in
            let sentence = Self.sentence(around: match.range, in: bytes)
            return !negations.contains { sentence.contains($0.range.lowerBound) }
        }
    }

    private mutating func matcher(_ list: String, _ locale: LocaleTag) -> TermMatcher {
        // Templates come pack by pack: most lookups ask for the matcher asked for last.
        if let last, last.list == list, last.locale == locale { return last.matcher }
        let matcher = matchers.matcher(list, locale)
        last = (list, locale, matcher)
        return matcher
    }

    /// The sentence around `range`: from just after the previous sentence end (. ! ? 。 ！ ？ ؟ । or a
    /// line break) to the next one.
    static func sentence(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        let ends: [[UInt8]] = [".", "!", "?", "\n", "。", "！", "？", "؟", "।"].map { Array($0.utf8) }
        func endsAt(_ i: Int) -> Bool { ends.contains { i >= $0.count && bytes[(i - $0.count)..<i].elementsEqual($0) } }
        func startsAt(_ i: Int) -> Bool { ends.contains { i + $0.count <= bytes.count && bytes[i..<i + $0.count].elementsEqual($0) } }
        var start = range.lowerBound
        while start > 0 && !endsAt(start) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && !startsAt(end) { end += 1 }
        return start..<end
    }
}
