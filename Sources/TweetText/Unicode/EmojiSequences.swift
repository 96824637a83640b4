/// Emoji sequences of more than one code point (keycaps, flags, skin tones, ZWJ sequences and emoji
/// with U+FE0F), from Unicode's emoji-test.txt. With emoji parsing on, each counts as one emoji.
///
/// A single emoji code point needs no table: every one of them outside U+0000–U+10FF already weighs
/// the default weight, and twitter-text's emoji parser leaves © and ® without U+FE0F as text.
enum EmojiSequences {
    static let trie = SequenceTrie(newlineSeparated: newlineSeparated)

    /// A bit for each BMP unit that begins some sequence, so most text skips the trie.
    static let bmpStarters: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for key in trie.rootKeys {
            if key < 0x10000 {
                bits[Int(key >> 6)] |= 1 << UInt64(key & 63)
            } else {
                let high = 0xD800 + ((key - 0x10000) >> 10)
                bits[Int(high >> 6)] |= 1 << UInt64(high & 63)
            }
        }
        return bits
    }()

    /// The length in UTF-16 units of the longest emoji sequence starting at `start`, or nil.
    /// Callers test ``bmpStarters`` first, fetched once outside their loop: reading a `static let`
    /// in a loop costs a lazy-initialisation check each time.
    static func longestMatch(in text: UTF16Text, at start: Int) -> Int? {
        var node = SequenceTrie.root
        var i = start
        var best: Int?
        while i < text.count {
            let (value, length) = text.scalar(at: i)
            guard let next = trie.child(of: node, value) else { break }
            node = next
            i += length
            if trie.isTerminal(node) { best = i - start }
        }
        return best
    }
}
