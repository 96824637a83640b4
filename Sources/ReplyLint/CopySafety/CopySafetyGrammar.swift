import ReplyKit
import ReplyCompiler

/// A locale's copy-safety grammar, compiled for matching.
final class CopySafetyGrammar: Sendable {
    private let matcher: TermMatcher

    init(_ locale: ResolvedLocale?) {
        let terms = locale?.terms ?? [:]
        matcher = TermMatcher(lists: [terms["private_info"] ?? [], terms["secrets"] ?? [], terms["redirects"] ?? [], terms["negations"] ?? []])
    }

    func findings(in text: String, prefill: Bool) -> [CopySafetyFinding] {
        let all = matcher.matches(in: text)
        guard !all.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        let negations = all.filter { $0.list == 3 }
        func negated(_ match: TermMatcher.Match) -> Bool {
            let sentence = Self.sentence(around: match.range, in: bytes)
            return negations.contains { sentence.contains($0.range.lowerBound) }
        }
        var found: [CopySafetyFinding] = []
        for match in all {
            let item = String(decoding: bytes[match.range], as: UTF8.self)
            switch match.list {
            case 0:
                found.append(CopySafetyFinding(
                    rule: .privateInfoInPublic, range: match.range, category: "private-info", item: item,
                    message: "asks for private information (`\(match.term)`) in a public reply",
                    notes: ["the customer would answer in public, for everyone to read"],
                    help: "hand off to DMs with `dm: true` and ask for it there"))
            case 1 where !negated(match) && !Self.isNamingAFeature(bytes, match.range):
                found.append(CopySafetyFinding(
                    rule: .secretRequest, range: match.range, category: "secret", item: item,
                    message: "asks for a secret (`\(match.term)`)",
                    notes: ["support never needs a password, PIN, security code or full card number, not even in DMs"],
                    help: "point the customer to the secure reset in the app or website instead"))
            case 2 where !negated(match):
                found.append(CopySafetyFinding(
                    rule: .redirectOffPlatform, range: match.range, category: "redirect", item: item,
                    message: "sends the customer off X (`\(match.term)`)",
                    help: "hand off to DMs with `dm: true` instead"))
            default: break
            }
        }
        return found
    }

    /// A quoted button or menu name (`"Forgot password"`, `“Forgot PIN”`) names a feature, it does not ask.
    static func isNamingAFeature(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let before = String(decoding: bytes[..<range.lowerBound], as: UTF8.self)
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let insideStraight = line.filter { $0 == "\"" }.count % 2 == 1
        let insideCurly = (line.lastIndex(of: "“") ?? line.startIndex) > (line.lastIndex(of: "”") ?? line.startIndex)
        return insideStraight || insideCurly
    }

    /// The sentence around `range`: from just after the previous sentence end to the next one.
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
