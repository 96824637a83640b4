/// Finds `#tag` as twitter-text's `validHashtag` and `endHashtagMatch` do.
enum HashtagScanner {
    static func scan(_ text: UTF16Text) -> [TweetEntity] {
        var hasHash = false
        for i in 0..<text.count where CharacterClass.isHashSign(text[i]) { hasHash = true; break }
        guard hasHash else { return [] }
        var found: [TweetEntity] = []
        var i = 0
        while i < text.count {
            // At offset 0 the expression tries `^` first, then a boundary character.
            var match: (hash: Int, tagEnd: Int, matchEnd: Int)?
            if i == 0, CharacterClass.isHashSign(text[0]), let found = tag(text, afterHash: 0) {
                match = (0, found.tagEnd, found.matchEnd)
            }
            if match == nil, let hash = hashPosition(text, boundaryAt: i), let found = tag(text, afterHash: hash) {
                match = (hash, found.tagEnd, found.matchEnd)
            }
            guard let (hash, tagEnd, matchEnd) = match else {
                i += 1
                continue
            }
            i = matchEnd
            if isInvalidEnd(text, at: matchEnd) { continue }
            found.append(TweetEntity(kind: .hashtag, value: text.string(hash + 1..<tagEnd), range: hash..<tagEnd))
        }
        return found
    }

    /// Where the hash sign is when `hashtagBoundary` consumes a character at `i`: U+FE0E, U+FE0F, or
    /// one code point that is neither a hashtag character nor `&`.
    private static func hashPosition(_ text: UTF16Text, boundaryAt i: Int) -> Int? {
        let (value, length) = text.scalar(at: i)
        // The hash sign first: most positions are not before one, and the boundary test reads
        // Unicode's properties.
        guard i + length < text.count, CharacterClass.isHashSign(text[i + length]) else { return nil }
        if value & 0xF800 == 0xD800 && length == 1 { return nil }  // a lone surrogate is no code point
        let isBoundary = value == 0xFE0E || value == 0xFE0F
            || (!CharacterClass.isHashtagAlphanumeric(value) && value != 0x26)
        return isBoundary ? i + length : nil
    }

    /// `(?!\uFE0F|\u20E3)(AN* A AN*)` after the hash: the run of hashtag characters, which must hold
    /// at least one letter or mark.
    private static func tag(_ text: UTF16Text, afterHash hash: Int) -> (tagEnd: Int, matchEnd: Int)? {
        let start = hash + 1
        guard start < text.count, text[start] != 0xFE0F, text[start] != 0x20E3 else { return nil }
        var end = start
        var hasLetter = false
        while end < text.count {
            let (value, length) = text.scalar(at: end)
            guard CharacterClass.isHashtagAlphanumeric(value) else { break }
            if !hasLetter && CharacterClass.isHashtagLetter(value) { hasLetter = true }
            end += length
        }
        return hasLetter ? (end, end) : nil
    }

    /// `endHashtagMatch`: a hash sign or `://` right after the tag.
    private static func isInvalidEnd(_ text: UTF16Text, at end: Int) -> Bool {
        guard end < text.count else { return false }
        if CharacterClass.isHashSign(text[end]) { return true }
        return text[end] == 0x3A && end + 2 < text.count && text[end + 1] == 0x2F && text[end + 2] == 0x2F
    }
}
