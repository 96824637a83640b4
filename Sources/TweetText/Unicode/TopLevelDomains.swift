/// The top-level domains a URL may end in, from the ICANN section of the Public Suffix List.
enum TopLevelDomains {
    static let trie = SequenceTrie(
        newlineSeparated.split(separator: "\n").map { line in line.utf16.map { UInt32($0) } })

    /// The end of the longest top-level domain at `i` that is followed by `limit` or by a unit other
    /// than `[0-9A-Za-z@+-]` (twitter-text's lookahead), matching case-insensitively; nil if none.
    static func match(in text: UTF16Text, at i: Int, limit: Int) -> Int? {
        var node = SequenceTrie.root
        var j = i
        var best: Int?
        while j < limit {
            guard let next = trie.child(of: node, UInt32(lowercased(text[j]))) else { break }
            node = next
            j += 1
            if trie.isTerminal(node) && isBoundary(text, j, limit: limit) { best = j }
        }
        return best
    }

    @inline(__always)
    static func isBoundary(_ text: UTF16Text, _ j: Int, limit: Int) -> Bool {
        if j >= limit { return true }
        let u = text[j]
        return !(ASCII.isAlphanumeric(u) || u == 0x40 || u == 0x2B || u == 0x2D)
    }

    /// Case folding as JavaScript's `i` flag does it for one unit: ASCII, then the simple lowercase
    /// mapping of other BMP letters (the list holds Cyrillic, Greek and other cased TLDs).
    @inline(__always)
    private static func lowercased(_ u: UInt16) -> UInt16 {
        if u < 128 { return ASCII.lowercased(u) }
        guard let scalar = Unicode.Scalar(UInt32(u)), scalar.properties.changesWhenLowercased else { return u }
        let lower = scalar.properties.lowercaseMapping.utf16
        return lower.count == 1 ? lower.first! : u
    }
}
