/// The sentences and clauses of a text, by UTF-8 offset.
struct Clauses {
    /// Offsets where a sentence starts, ascending, 0 first.
    private var sentenceStarts: [Int] = [0]
    /// Offsets where a clause starts (every sentence start among them), ascending.
    private var clauseStarts: [Int] = [0]

    init(_ bytes: [UInt8], breaks: [Int]) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0x20
            let spaceAfter = next == 0x20 || next == 0x0A || next == 0x22 || next == 0x29 || next >= 0x80 || i + 1 == bytes.count
            switch byte {
            case 0x0A: mark(sentence: i + 1)
            case 0x2E where spaceAfter && Self.endsSentence(bytes, after: i + 1),
                 0x21 where spaceAfter, 0x3F where spaceAfter:
                mark(sentence: i + 1)
            case 0x2C where spaceAfter, 0x3B where spaceAfter, 0x3A where spaceAfter: mark(clause: i + 1)
            case 0x28, 0x29: mark(clause: i + 1)
            default:
                if byte >= 0x80 {
                    let (scalar, width) = Self.scalar(bytes, at: i)
                    switch scalar {
                    case 0x3002, 0xFF01, 0xFF1F, 0x061F, 0x0964, 0x2026, 0xFF0E: mark(sentence: i + width)
                    case 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x060C, 0x061B, 0x2014, 0x2013, 0xFF08, 0xFF09: mark(clause: i + width)
                    // Spanish opens a question or an exclamation with its own mark.
                    case 0x00BF, 0x00A1: mark(sentence: i)
                    default:
                        if Self.isEmoji(scalar) {
                            let end = Self.emojiSequenceEnd(bytes, from: i + width)
                            if end == bytes.count || (bytes[end] == 0x20 || bytes[end] == 0x0A) && Self.endsSentence(bytes, after: end) {
                                mark(sentence: end)
                            }
                            i = end
                            continue
                        }
                    }
                    i += width
                    continue
                }
            }
            i += 1
        }
        for offset in breaks { mark(clause: offset) }
        sentenceStarts.sort()
        clauseStarts.sort()
    }

    /// Whether a `.` or an emoji ends its sentence, judged by what follows it from `offset`: not an
    /// abbreviation's dot before a lowercase word (`phone no. you used`, `Hausnr. bitte`) or right
    /// before kana or Han (`注文No.って`). Replies often end a sentence with an emoji instead of a
    /// full stop (`…not the experience we want 💙 What's your date of birth?`).
    private static func endsSentence(_ bytes: [UInt8], after offset: Int) -> Bool {
        var i = offset
        guard i < bytes.count else { return true }
        if bytes[i] >= 0x80 {
            let (scalar, _) = scalar(bytes, at: i)
            if (0x3040...0x30FF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) { return false }
        }
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count else { return true }
        let (scalar, _) = scalar(bytes, at: i)
        // A list that follows is what the sentence before it asks for (`…をリプでお願いします🙏 ・お客さま番号`).
        if [0x30FB, 0x2022, 0x2D, 0x2A].contains(scalar) || (0x2460...0x2473).contains(scalar) { return false }
        return Unicode.Scalar(scalar)?.properties.isLowercase != true
    }

    /// Pictographs and symbols that stand for a word or a mood: 🙏 😔 💙 ✈ ☺.
    private static func isEmoji(_ scalar: UInt32) -> Bool {
        (0x1F300...0x1FAFF).contains(scalar) || (0x2600...0x27BF).contains(scalar)
    }

    /// Where the emoji sequence that continues at `offset` ends: past skin tones, variation
    /// selectors, joiners and the emoji they join.
    private static func emojiSequenceEnd(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] >= 0x80 {
            let (scalar, width) = scalar(bytes, at: i)
            guard isEmoji(scalar) || scalar == 0xFE0F || scalar == 0x200D || (0xE0020...0xE007F).contains(scalar) else { break }
            i += width
        }
        return i
    }

    private mutating func mark(sentence offset: Int) {
        if sentenceStarts.last != offset { sentenceStarts.append(offset) }
        mark(clause: offset)
    }

    private mutating func mark(clause offset: Int) {
        if clauseStarts.last != offset { clauseStarts.append(offset) }
    }

    /// The start of the sentence holding `offset` and of the next one.
    func sentence(of offset: Int) -> Range<Int> { Self.span(of: offset, in: sentenceStarts) }

    func clause(of offset: Int) -> Range<Int> { Self.span(of: offset, in: clauseStarts) }

    private static func span(of offset: Int, in starts: [Int]) -> Range<Int> {
        // Few boundaries a text: a linear walk beats a search.
        var start = 0
        var end = Int.max
        for boundary in starts {
            if boundary <= offset { start = boundary } else { end = boundary; break }
        }
        return start..<end
    }

    static func scalar(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
        let byte = bytes[i]
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + width <= bytes.count else { return (UInt32(byte), 1) }
        var value = UInt32(byte) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<max(width, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, width)
    }
}
