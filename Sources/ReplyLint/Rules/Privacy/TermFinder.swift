import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// The privacy rules' term matchers for the locale of every pack: built once per lint, not once
/// per rule and batch, and shared read-only by every core. One matcher a locale finds the terms of
/// every list in a single walk of a text.
final class TermMatchers: Sendable {
    private let matchers: [LocaleTag: TermMatcher]
    private static let none = TermMatcher(terms: [])

    init(_ repository: TemplateRepository) {
        var matchers: [LocaleTag: TermMatcher] = [:]
        for folder in repository.brands {
            for pack in folder.packs {
                guard let tag = pack.tag, matchers[tag] == nil else { continue }
                let terms = repository.locales.resolve(tag)?.terms ?? [:]
                var lists = [[String]](repeating: [], count: LocaleData.TermList.allCases.count)
                for list in LocaleData.TermList.allCases { lists[list.index] = terms[list.rawValue] ?? [] }
                matchers[tag] = TermMatcher(lists: lists)
            }
        }
        self.matchers = matchers
    }

    /// The matcher of every term list of `locale`; one that matches nothing for a locale it lacks.
    /// A match's `list` is its list's `index`.
    func matcher(_ locale: LocaleTag) -> TermMatcher {
        matchers[locale] ?? Self.none
    }
}

/// The term matches of the texts of a batch of templates, every list at once: the privacy rules
/// each look for their own list in the same texts, and one walk of a text serves them all.
final class TermMatchTable: Sendable {
    /// By text; a text without matches is left out.
    private let byText: [ObjectIdentifier: [TermMatcher.Match]]

    init(_ analyses: ArraySlice<TemplateAnalysis>, matchers: TermMatchers) {
        var byText: [ObjectIdentifier: [TermMatcher.Match]] = [:]
        var last: (locale: LocaleTag, matcher: TermMatcher)?
        for analysis in analyses {
            guard let locale = analysis.pack.tag else { continue }
            if last?.locale != locale { last = (locale, matchers.matcher(locale)) }
            for (text, _) in analysis.texts {
                let found = last!.matcher.matches(in: text.text.value)
                if !found.isEmpty { byText[ObjectIdentifier(text)] = found }
            }
        }
        self.byText = byText
    }

    /// The matches in `text`, which must be a text of the batch.
    func matches(in text: TemplateAnalysis.Text) -> [TermMatcher.Match] {
        byText[ObjectIdentifier(text)] ?? []
    }
}

/// A rule that looks for the locale's terms with a ``TermFinder``: the linter finds the terms of a
/// batch's texts once for all such rules.
protocol TermRule: Rule {}

/// Finds a locale's terms in a template's texts for the privacy rules.
struct TermFinder {
    private let matchers: TermMatchers
    private let table: TermMatchTable?

    init(_ context: LintContext) {
        matchers = context.termMatchers
        table = context.termMatches
    }

    /// Matches of the `list` terms of the pack's locale in `text`; with `skipNegated`, matches whose
    /// sentence holds a `negations` term are left out ("we will never ask for your password";
    /// "パスワードをお伺いすることは決してありません", where the negation comes last).
    func matches(_ list: LocaleData.TermList, in text: TemplateAnalysis.Text, locale: LocaleTag?,
                 skipNegated: Bool = false) -> [TermMatcher.Match] {
        guard let locale else { return [] }
        let all = table?.matches(in: text) ?? matchers.matcher(locale).matches(in: text.text.value)
        let found = all.filter { $0.list == list.index }
        guard skipNegated, !found.isEmpty else { return found }
        let negations = all.filter { $0.list == LocaleData.TermList.negations.index }
        let bytes = Array(text.text.value.utf8)
        return found.filter { match in
            let sentence = Self.sentence(around: match.range, in: bytes)
            return !negations.contains { sentence.contains($0.range.lowerBound) }
        }
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

extension LocaleData.TermList {
    /// The list's number in the locales' combined ``TermMatcher``s (a switch: `allCases` would make
    /// an array on each of the many calls).
    var index: Int {
        switch self {
        case .private_info: 0
        case .secrets: 1
        case .redirects: 2
        case .negations: 3
        }
    }
}
