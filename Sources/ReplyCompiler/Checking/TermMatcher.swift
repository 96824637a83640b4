public import ReplyKit
package import ReplyKitSupport
/// Finds a locale's terms (`order number`, `contraseña`, `注文番号`) in template text:
/// case- and width-insensitively, on word boundaries in scripts written with spaces, anywhere in scripts
/// written without them (Han, kana, Thai).
///
/// Inflection is allowed where languages attach it to the word: up to four letters after a term of
/// five or more letters (`passwords`, `contraseñas`, `şifrenizi`, `번호를`), and up to two letters
/// before an Arabic term (`وكلمة المرور`). Shorter terms (`PIN`, `CVV`) must stand alone.
public struct TermMatcher: Sendable {
    /// Built once per locale and list, then read by every rule on every core: held in one object,
    /// so handing a matcher around costs one reference count.
    private final class Tables: Sendable {
        let terms: [(text: String, list: Int)]
        let trie: TermTrie
        /// Bit `v % 4096` is set for each non-ASCII first scalar `v`: most scalars of a text start
        /// no term, and are passed over without a search of the root's children.
        let nonASCIIFirsts: [UInt64]

        init(lists: [[String]]) {
            let terms = lists.enumerated().flatMap { list, terms in
                terms.filter { !$0.isEmpty }.map { ($0, TermMatcher.fold($0.unicodeScalars), list) }
            }
            self.terms = terms.map { ($0.0, $0.2) }
            trie = TermTrie(terms.map(\.1))
            var firsts = [UInt64](repeating: 0, count: 64)
            for term in terms where term.1[0].value >= 128 {
                let bit = Int(term.1[0].value & 4095)
                firsts[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            nonASCIIFirsts = firsts
        }
    }

    private let tables: Tables

    public init(terms: [String]) {
        self.init(lists: [terms])
    }

    /// One matcher for several lists, which finds the terms of all of them in a single walk of a
    /// text: each match says which list its term came from.
    public init(lists: [[String]]) {
        tables = Tables(lists: lists)
    }

    public struct Match: Sendable, Hashable {
        /// The term as the locale data writes it.
        public var term: String
        /// UTF-8 offsets into the text.
        public var range: Range<Int>
        /// The index of the term's list, in the order given to ``init(lists:)``; 0 for ``init(terms:)``.
        public var list: Int
        /// Whether the match ends where the term does, without an inflection's letters after it.
        /// (The byte lengths of the two may still differ: `’` in the text matches `'` of the term.)
        public var asWritten: Bool
    }

    /// Every match, in text order; overlapping matches of different terms are all reported.
    public func matches(in text: String) -> [Match] {
        guard !tables.terms.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            // The folded text is made once, in scratch space: matching reads each position several
            // times (the pair screen, then the terms).
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { folded in
                // Most template text is ASCII: a position is its UTF-8 offset.
                if bytes.allSatisfy({ $0 < 0x80 }) {
                    for (index, byte) in bytes.enumerated() { folded.initializeElement(at: index, to: Self.foldASCII(byte)) }
                    return matches(in: UnsafeBufferPointer(folded), offsets: { $0 })
                }
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count + 1) { offsets in
                    var count = 0
                    var offset = 0
                    while offset < bytes.count {
                        let (scalar, width) = bytes.scalar(at: offset)
                        folded.initializeElement(at: count, to: Self.fold(scalar))
                        offsets.initializeElement(at: count, to: offset)
                        count += 1
                        offset += width
                    }
                    offsets.initializeElement(at: count, to: offset)
                    return matches(in: UnsafeBufferPointer(rebasing: folded[..<count]), offsets: { offsets[$0] })
                }
            }
        }
    }

    /// The matches in a folded text; `offsets` gives the UTF-8 offset of a position in it (or of its end).
    private func matches<Folded: RandomAccessCollection<Unicode.Scalar>>(
        in folded: Folded, offsets: (Int) -> Int
    ) -> [Match] where Folded.Index == Int {
        let tables = self.tables
        let trie = tables.trie
        var found: [Match] = []
        // Where each term may match next: a term's matches do not overlap one another. Made at the
        // first match: most texts have none.
        var nextStart: [Int] = []
        for start in folded.indices {
            let first = folded[start].value
            // A term that starts with a Latin letter or digit starts a word (``wordRange(from:to:in:)``):
            // no position inside an ASCII word starts one.
            if start > 0, Self.isASCIILetterOrDigit(first), Self.isASCIILetterOrDigit(folded[start - 1].value) { continue }
            if first >= 128 {
                let bit = Int(first & 4095)
                guard tables.nonASCIIFirsts[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                // Nor inside a word of another script written with spaces, but for the clitics
                // Arabic and Hebrew attach before a word.
                if start > 0, Self.isKnownSpacedLetter(first), !Self.takesClitics(folded[start]),
                   Self.isKnownSpacedLetter(folded[start - 1].value) { continue }
            }
            guard var node = trie.child(of: TermTrie.root, first) else { continue }
            var end = start + 1
            while true {
                for place in trie.terms(endingAt: node) {
                    let index = trie.term(at: place)
                    guard nextStart.isEmpty || start >= nextStart[index],
                          let range = Self.wordRange(from: start, to: end, in: folded) else { continue }
                    found.append(Match(term: tables.terms[index].text, range: offsets(range.lowerBound)..<offsets(range.upperBound),
                                       list: tables.terms[index].list, asWritten: range.upperBound == end))
                    if nextStart.isEmpty { nextStart = [Int](repeating: 0, count: tables.terms.count) }
                    nextStart[index] = range.upperBound
                }
                guard end < folded.endIndex, let next = trie.child(of: node, folded[end].value) else { break }
                node = next
                end += 1
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The match of the term read at `start..<end` widened by the inflection it may carry, or nil
    /// when it is inside another word.
    static func wordRange<Folded: RandomAccessCollection<Unicode.Scalar>>(
        from start: Int, to end: Int, in text: Folded
    ) -> Range<Int>? where Folded.Index == Int {
        let first = text[start], last = text[end - 1], count = end - start
        var end = end
        // A letter of a script written without spaces ends a word of one written with them:
        // `PIN` in `SIMのPINコード`.
        if isLetter(first), !isUnspaced(first), start > 0, isSpacedLetter(text[start - 1]) {
            // Arabic and Hebrew clitics (و، ب، ل، ال; ו, ב, ה, ש) attach to the word, one or two of
            // them; two before a word of two letters leave too little to tell it from another word
            // (`לא`, "not", in `למלא`, "to fill in").
            var letters = 0
            var i = start - 1
            while i >= 0 && isSpacedLetter(text[i]) { letters += 1; i -= 1 }
            guard takesClitics(first), letters <= (count <= 2 ? 1 : 2) else { return nil }
        }
        if isLetter(last), !isUnspaced(last), end < text.endIndex, isSpacedLetter(text[end]) {
            var letters = 0
            while end < text.endIndex && isSpacedLetter(text[end]) { letters += 1; end += 1 }
            guard (count >= 5 || isHangul(last)) && letters <= 4 else { return nil }
        }
        return start..<end
    }

    static func fold(_ scalars: String.UnicodeScalarView) -> [Unicode.Scalar] {
        scalars.map(fold)
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Most text is ASCII: no Unicode tables for it.
        if scalar.value < 0x80 { return foldASCII(UInt8(scalar.value)) }
        if scalar.value < UInt32(foldTable.count) { return Unicode.Scalar(foldTable[Int(scalar.value)])! }
        return foldByProperties(scalar)
    }

    static func foldASCII(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
    }

    /// The folded form of every scalar below U+3000, where the scripts with case are: asking
    /// Unicode's properties for each letter of a text costs far more than the table, which is made
    /// once, on first use.
    private static let foldTable: [UInt32] = (UInt32(0)..<0x3000).map { value in
        Unicode.Scalar(value).map { foldByProperties($0).value } ?? value
    }

    static func foldByProperties(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 { return foldASCII(UInt8(scalar.value)) }
        if scalar == "’" || scalar == "‘" { return "'" }
        // Full-width forms (`ＰＩＮ`, `０８００`) are the ASCII they stand for; the ideographic space a space.
        if (0xFF01...0xFF5E).contains(scalar.value) { return foldASCII(UInt8(scalar.value - 0xFEE0)) }
        if scalar.value == 0x3000 { return " " }
        guard !ScalarSet.caseless.contains(scalar) else { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIILetterOrDigit(scalar.value) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isASCIILetterOrDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
    }

    /// Whether `value` is a letter or digit of a script written with spaces, by a table for the
    /// scalars below U+3000 and Hangul's syllables; false where that would need Unicode's
    /// properties (so the caller goes on to the exact test).
    private static func isKnownSpacedLetter(_ value: UInt32) -> Bool {
        if value < 0x3000 { return spacedLetters[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return hangulSyllables.contains(value)
    }

    /// Bit `v` is set for each letter or digit below U+3000 of a script written with spaces.
    private static let spacedLetters: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x3000 / 64)
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value), isSpacedLetter(scalar) else { continue }
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        return bits
    }()

    private static func isSpacedLetter(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) && !isUnspaced(scalar) }

    /// Arabic and Hebrew words may carry clitics before them (و، ب، ل، ال; ו, ב, ה, ש).
    private static func takesClitics(_ scalar: Unicode.Scalar) -> Bool { isArabic(scalar) || isHebrew(scalar) }

    private static let hangulSyllables: ClosedRange<UInt32> = 0xAC00...0xD7A3

    private static func isHangul(_ scalar: Unicode.Scalar) -> Bool { hangulSyllables.contains(scalar.value) }

    private static func isArabic(_ scalar: Unicode.Scalar) -> Bool { (0x0600...0x06FF).contains(scalar.value) }

    private static func isHebrew(_ scalar: Unicode.Scalar) -> Bool { (0x05D0...0x05EA).contains(scalar.value) }

    /// Scripts written without spaces between words.
    private static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x0E00...0x0E7F, 0x20000...0x2FFFF: true
        default: false
        }
    }
}
