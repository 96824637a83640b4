/// Finds `$TICKER` as twitter-text's `validCashtag` does:
/// `(^|spaces)(\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\s|punct)`, case-insensitively.
enum CashtagScanner {
    static func scan(_ text: UTF16Text) -> [TweetEntity] {
        var hasDollar = false
        for i in 0..<text.count where text[i] == 0x24 { hasDollar = true; break }
        guard hasDollar else { return [] }
        var found: [TweetEntity] = []
        var i = 0
        while i < text.count {
            var dollar: Int?
            if i == 0 && text[0] == 0x24 {
                dollar = 0
            } else if (CharacterClass.isSpace(text[i]) || CharacterClass.isDirectional(text[i])),
                      i + 1 < text.count, text[i + 1] == 0x24 {
                dollar = i + 1
            }
            guard let dollar, let end = tagEnd(text, after: dollar) else {
                i += 1
                continue
            }
            found.append(TweetEntity(kind: .cashtag, value: text.string(dollar + 1..<end), range: dollar..<end))
            i = end
        }
        return found
    }

    /// The first end the expression's backtracking accepts: the most letters first, then the
    /// `.xx` / `_xx` suffix longest first, each followed by the end, a space or punctuation.
    private static func tagEnd(_ text: UTF16Text, after dollar: Int) -> Int? {
        let start = dollar + 1
        var run = start
        while run < text.count, run - start < 6, ASCII.isLetter(text[run]) { run += 1 }
        var end = run
        while end > start {
            if end + 1 < text.count, text[end] == 0x2E || text[end] == 0x5F, ASCII.isLetter(text[end + 1]) {
                let twoLetters = end + 2 < text.count && ASCII.isLetter(text[end + 2])
                if twoLetters && isFollowedByBoundary(text, end + 3) { return end + 3 }
                if isFollowedByBoundary(text, end + 2) { return end + 2 }
            }
            if isFollowedByBoundary(text, end) { return end }
            end -= 1
        }
        return nil
    }

    private static func isFollowedByBoundary(_ text: UTF16Text, _ i: Int) -> Bool {
        guard i < text.count else { return true }
        let u = text[i]
        return CharacterClass.isJSWhitespace(u) || CharacterClass.punctuation.contains(u)
    }
}
