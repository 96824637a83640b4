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
        let terms: [(text: String, scalars: [Unicode.Scalar], list: Int)]
        /// The terms by their first folded scalar: a text is walked once, trying at each position
        /// only the few terms that start with its scalar, rather than once per term.
        let byFirst: [Unicode.Scalar: [Int]]
        /// The same for ASCII first scalars, looked up without hashing or copying an array: the
        /// terms starting with byte `b` are `byASCIIFirst[asciiStarts[b]..<asciiStarts[b + 1]]`.
        let byASCIIFirst: [Int]
        let asciiStarts: [Int]
        /// Bit `v % 64` is set for each non-ASCII first scalar `v`: most scalars of a text start no
        /// term, and are passed over without hashing.
        let nonASCIIFirsts: UInt64
        /// Bit ``pairBit(_:_:)`` is set for the first two folded scalars of each term; nil when a
        /// term is a single scalar. Most positions of a text start no term's first two scalars, and
        /// are passed over after one test rather than trying every term with its first scalar.
        let pairs: [UInt64]?

        init(lists: [[String]]) {
            terms = lists.enumerated().flatMap { list, terms in
                terms.filter { !$0.isEmpty }.map { ($0, TermMatcher.fold($0.unicodeScalars), list) }
            }
            var byFirst: [Unicode.Scalar: [Int]] = [:]
            var byASCII = [[Int]](repeating: [], count: 128)
            for (index, term) in self.terms.enumerated() {
                let first = term.scalars[0]
                if first.value < 128 { byASCII[Int(first.value)].append(index) } else { byFirst[first, default: []].append(index) }
            }
            self.byFirst = byFirst
            nonASCIIFirsts = byFirst.keys.reduce(0) { $0 | 1 << ($1.value & 63) }
            byASCIIFirst = byASCII.flatMap { $0 }
            if terms.contains(where: { $0.scalars.count < 2 }) {
                pairs = nil
            } else {
                var pairs = [UInt64](repeating: 0, count: 1 << 10)
                for term in terms {
                    let bit = TermMatcher.pairBit(term.scalars[0].value, term.scalars[1].value)
                    pairs[bit >> 6] |= 1 << (bit & 63)
                }
                self.pairs = pairs
            }
            asciiStarts = byASCII.reduce(into: [0]) { starts, terms in starts.append(starts.last! + terms.count) }
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
        var found: [Match] = []
        // Where each term may match next: a term's matches do not overlap one another. Made at the
        // first match: most texts have none.
        var nextStart: [Int] = []
        let end = folded.endIndex
        for start in folded.indices {
            let first = folded[start].value
            // A term that starts with a Latin letter or digit starts a word (``wordRange(of:at:in:)``):
            // no position inside an ASCII word starts one.
            if start > 0, Self.isASCIILetterOrDigit(first), Self.isASCIILetterOrDigit(folded[start - 1].value) { continue }
            if let pairs = tables.pairs {
                guard start + 1 < end else { break }
                let bit = Self.pairBit(first, folded[start + 1].value)
                guard pairs[bit >> 6] & (1 << (bit & 63)) != 0 else { continue }
            }
            if first < 128 {
                for k in tables.asciiStarts[Int(first)]..<tables.asciiStarts[Int(first) + 1] {
                    match(tables.byASCIIFirst[k], at: start, in: folded, offsets: offsets, &found, &nextStart)
                }
            } else if tables.nonASCIIFirsts & (1 << (first & 63)) != 0, let candidates = tables.byFirst[Unicode.Scalar(first)!] {
                for index in candidates { match(index, at: start, in: folded, offsets: offsets, &found, &nextStart) }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Where the pair of scalars `first`, `second` is in ``Tables/pairs``: one of 65,536 bits.
    static func pairBit(_ first: UInt32, _ second: UInt32) -> Int {
        Int((first &* 0x9E37 &+ second) & 0xFFFF)
    }

    /// Adds the match of term `index` at `start`, if there is one.
    private func match<Folded: RandomAccessCollection<Unicode.Scalar>>(
        _ index: Int, at start: Int, in folded: Folded, offsets: (Int) -> Int, _ found: inout [Match], _ nextStart: inout [Int]
    ) where Folded.Index == Int {
        guard nextStart.isEmpty || start >= nextStart[index] else { return }
        let pattern = tables.terms[index].scalars
        // Most candidates differ by their second scalar: tested before the whole term.
        guard start + pattern.count <= folded.endIndex, pattern.count < 2 || folded[start + 1] == pattern[1],
              folded[start..<start + pattern.count].elementsEqual(pattern),
              let range = Self.wordRange(of: pattern, at: start, in: folded) else { return }
        let term = tables.terms[index]
        found.append(Match(term: term.text, range: offsets(range.lowerBound)..<offsets(range.upperBound), list: term.list,
                           asWritten: range.upperBound == start + pattern.count))
        if nextStart.isEmpty { nextStart = [Int](repeating: 0, count: tables.terms.count) }
        nextStart[index] = range.upperBound
    }

    /// The match widened by the inflection it may carry, or nil when it is inside another word.
    private static func wordRange<Folded: RandomAccessCollection<Unicode.Scalar>>(
        of pattern: [Unicode.Scalar], at start: Int, in text: Folded
    ) -> Range<Int>? where Folded.Index == Int {
        var end = start + pattern.count
        // A letter of a script written without spaces ends a word of one written with them:
        // `PIN` in `SIMのPINコード`.
        if let first = pattern.first, isLetter(first), !isUnspaced(first), start > 0, isSpacedLetter(text[start - 1]) {
            // Arabic and Hebrew clitics (و، ب، ل، ال; ו, ב, ה, ש) attach to the word.
            var letters = 0
            var i = start - 1
            while i >= 0 && isSpacedLetter(text[i]) { letters += 1; i -= 1 }
            guard isArabic(first) || isHebrew(first), letters <= 2 else { return nil }
        }
        if let last = pattern.last, isLetter(last), !isUnspaced(last), end < text.endIndex, isSpacedLetter(text[end]) {
            var letters = 0
            while end < text.endIndex && isSpacedLetter(text[end]) { letters += 1; end += 1 }
            guard (pattern.count >= 5 || isHangul(last)) && letters <= 4 else { return nil }
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

    private static func isSpacedLetter(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) && !isUnspaced(scalar) }

    private static func isHangul(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }

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
