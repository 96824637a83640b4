import ReplyKit
@testable import ReplyCompiler
import Testing

/// The matcher walks a trie of its terms; the plain reading tries every term at every position.
/// Both must find the same matches, with the built-in grammars on the whole labelled corpus.
@Suite struct TermTrieTests {
    /// Every term at every position, as the matcher's documentation states it.
    static func plainMatches(_ lists: [[String]], in text: String) -> [TermMatcher.Match] {
        let folded = text.unicodeScalars.map(TermMatcher.fold)
        var offsets = [0]
        for scalar in text.unicodeScalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
        var found: [TermMatcher.Match] = []
        for (list, terms) in lists.enumerated() {
            for term in terms where !term.isEmpty {
                let pattern = TermMatcher.fold(term.unicodeScalars)
                var next = 0
                for start in folded.indices where start >= next && start + pattern.count <= folded.count {
                    guard folded[start..<start + pattern.count].elementsEqual(pattern),
                          let range = TermMatcher.wordRange(from: start, to: start + pattern.count, in: folded) else { continue }
                    found.append(TermMatcher.Match(term: term, range: offsets[range.lowerBound]..<offsets[range.upperBound], list: list,
                                                   asWritten: range.upperBound == start + pattern.count))
                    next = range.upperBound
                }
            }
        }
        return found
    }

    static func key(_ match: TermMatcher.Match) -> String {
        "\(match.range.lowerBound) \(match.range.upperBound) \(match.list) \(match.asWritten) \(match.term)"
    }

    @Test func findsWhatThePlainReadingFinds() throws {
        let cases = try CopySafetyCorpusTests.loadCorpus()
        var byLanguage: [String: [String]] = [:]
        for (index, item) in cases.enumerated() where index % 8 == 0 { byLanguage[item.language, default: []].append(item.text) }
        var compared = 0
        for (language, texts) in byLanguage {
            let tag = try #require(LocaleTag(language))
            let data = try #require(LocaleCatalog.builtIn.resolve(tag)?.copySafety)
            let lists = [data.asks, data.asksBack, data.negations, data.brandActs, data.elsewhere, data.statements, data.clauseBreaks]
                + (data.privateItems + data.secrets + data.implicit + data.redirects).map(\.names)
            let matcher = TermMatcher(lists: lists)
            for text in texts {
                let trie = matcher.matches(in: text).map(Self.key).sorted()
                let plain = Self.plainMatches(lists, in: text).map(Self.key).sorted()
                #expect(trie == plain, "\(language): \(text)")
                compared += trie.count
            }
        }
        #expect(compared > 1_000, "the texts hold many matches: \(compared)")
    }
}
