/// Finds `@name` and `@owner/list` as twitter-text's `validMentionOrList` and `endMentionMatch` do.
enum MentionScanner {
    static func scan(_ text: UTF16Text) -> [TweetEntity] {
        var found: [TweetEntity] = []
        var searchPosition = 0
        var hasAtSign = false
        for i in 0..<text.count where CharacterClass.isAtSign(text[i]) { hasAtSign = true; break }
        guard hasAtSign else { return [] }
        var i = 0
        while i < text.count {
            defer { i += 1 }
            if i < searchPosition { continue }
            guard let at = atSignPosition(text, precededAt: i) else { continue }
            // Screen name: [a-zA-Z0-9_]{1,20}
            var nameEnd = at + 1
            while nameEnd < text.count, nameEnd - at - 1 < 20, CharacterClass.isScreenNameChar(text[nameEnd]) {
                nameEnd += 1
            }
            guard nameEnd > at + 1 else { continue }
            // List: (/[a-zA-Z][a-zA-Z0-9_-]{0,24})?
            var end = nameEnd
            if nameEnd + 1 < text.count, text[nameEnd] == 0x2F, ASCII.isLetter(text[nameEnd + 1]) {
                end = nameEnd + 2
                while end < text.count, end - nameEnd - 2 < 24,
                      CharacterClass.isScreenNameChar(text[end]) || text[end] == 0x2D {
                    end += 1
                }
            }
            searchPosition = end
            i = end - 1
            if isInvalidEnd(text, at: end) { continue }
            let name = text.string(at + 1..<nameEnd)
            let kind: TweetEntity.Kind = end > nameEnd ? .list(slug: text.string(nameEnd..<end)) : .mention
            found.append(TweetEntity(kind: kind, value: name, range: at..<end))
        }
        return found
    }

    /// Where the at sign is when a match of `validMentionPrecedingChars` starts at `i`, trying the
    /// expression's alternatives in order: `^`, one preceding character, or `RT` / `RT:`.
    private static func atSignPosition(_ text: UTF16Text, precededAt i: Int) -> Int? {
        if i == 0, CharacterClass.isAtSign(text[0]) { return 0 }
        if CharacterClass.isMentionPreceding(text[i]), i + 1 < text.count, CharacterClass.isAtSign(text[i + 1]) {
            return i + 1
        }
        var rtStart: [Int] = []
        if i == 0 { rtStart.append(0) }
        if CharacterClass.isRetweetPreceding(text[i]) { rtStart.append(i + 1) }
        for r in rtStart where r + 2 < text.count && text.hasPrefix("rt", at: r) {
            var at = r + 2
            if text[at] == 0x3A, at + 1 < text.count, CharacterClass.isAtSign(text[at + 1]) { at += 1 }
            if CharacterClass.isAtSign(text[at]) { return at }
        }
        return nil
    }

    /// `endMentionMatch`: an at sign, an accented Latin letter or `://` right after the name.
    static func isInvalidEnd(_ text: UTF16Text, at end: Int) -> Bool {
        guard end < text.count else { return false }
        let u = text[end]
        if CharacterClass.isAtSign(u) || CharacterClass.isLatinAccent(u) { return true }
        return u == 0x3A && end + 2 < text.count && text[end + 1] == 0x2F && text[end + 2] == 0x2F
    }
}
