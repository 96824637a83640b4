/// Finds phone numbers and email addresses in text, by shape rather than by words: the same in
/// every language.
enum ContactRecognisers {
    struct Found {
        var range: Range<Int>
        var category: String
    }

    /// Whether `text` may hold an email address or a phone number: an `@`, or seven digits, either
    /// of them full-width (`＠`, `０１２０`: EF BC A0, EF BC 90–99). Read without copying the text,
    /// since nearly every text holds neither.
    static func mayHoldContact(_ text: String.UTF8View) -> Bool {
        text.withContiguousStorageIfAvailable { bytes in
            var digits = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0x40 { return true }
                digits &+= byte &- 0x30 < 10 ? 1 : 0
                if index >= 2, bytes[index - 2] == 0xEF, bytes[index - 1] == 0xBC {
                    if byte == 0xA0 { return true }
                    digits &+= byte &- 0x90 < 10 ? 1 : 0
                }
            }
            return digits >= 7
        } ?? true
    }

    /// Phone numbers (`0800 123 456`, `+44 20 7946 0958`, `(555) 010-4477`, `1-800-FLY-ACME` is
    /// not one) and email addresses (`help@acme.com`), in text order; full-width forms
    /// (`０１２０－３４５－６７８`) too, as the ASCII they stand for.
    static func find(in bytes: [UInt8]) -> [Found] {
        guard let (ascii, offsets) = foldingFullWidth(bytes) else { return findASCII(in: bytes) }
        return findASCII(in: ascii).map { found in
            Found(range: offsets[found.range.lowerBound]..<offsets[found.range.upperBound], category: found.category)
        }
    }

    /// `bytes` with every full-width ASCII form (U+FF01–FF5E) and the ideographic space as the
    /// ASCII they stand for, and the offset in `bytes` of each folded byte (and of the end); nil
    /// when there is none to fold.
    private static func foldingFullWidth(_ bytes: [UInt8]) -> (bytes: [UInt8], offsets: [Int])? {
        func fullWidth(at i: Int) -> UInt8? {
            guard i + 2 < bytes.count, bytes[i] == 0xEF || bytes[i] == 0xE3 else { return nil }
            let (scalar, _) = Clauses.scalar(bytes, at: i)
            if scalar == 0x3000 { return 0x20 }
            return (0xFF01...0xFF5E).contains(scalar) ? UInt8(scalar - 0xFEE0) : nil
        }
        guard bytes.indices.contains(where: { fullWidth(at: $0) != nil }) else { return nil }
        var folded: [UInt8] = [], offsets: [Int] = []
        folded.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            offsets.append(i)
            if let ascii = fullWidth(at: i) {
                folded.append(ascii)
                i += 3
            } else {
                folded.append(bytes[i])
                i += 1
            }
        }
        offsets.append(bytes.count)
        return (folded, offsets)
    }

    private static func findASCII(in bytes: [UInt8]) -> [Found] {
        var found: [Found] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x40, let email = email(around: i, in: bytes) {
                found.append(Found(range: email, category: "redirect-email"))
                i = email.upperBound
            } else if isDigit(byte) || byte == 0x2B || byte == 0x28, let phone = phone(at: i, in: bytes) {
                found.append(Found(range: phone, category: "redirect-phone"))
                i = phone.upperBound
            } else if isDigit(byte) || isLetter(byte) {
                // Digits inside a word or number (`A320`, `#123`) start nothing.
                while i < bytes.count && (isDigit(bytes[i]) || isLetter(bytes[i])) { i += 1 }
            } else {
                i += 1
            }
        }
        return found
    }

    /// The URL-like token around the path word at `range`: no spaces, with a dot and a slash
    /// (`acme.com/contact`), the word just after a slash or dot.
    static func urlToken(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        guard range.lowerBound > 0, range.upperBound <= bytes.count else { return nil }
        func inToken(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x28 && byte != 0x29 }
        var start = range.lowerBound
        while start > 0 && inToken(bytes[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && inToken(bytes[end]) { end += 1 }
        while end > range.upperBound, [0x2E, 0x2C, 0x21, 0x3F, 0x3A, 0x3B].contains(bytes[end - 1]) { end -= 1 }
        let token = bytes[start..<end]
        guard token.contains(0x2F), token.contains(0x2E), bytes[range.lowerBound - 1] == 0x2F || bytes[range.lowerBound - 1] == 0x2E
        else { return nil }
        return start..<end
    }

    private static func email(around at: Int, in bytes: [UInt8]) -> Range<Int>? {
        func local(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || [0x2E, 0x5F, 0x25, 0x2B, 0x2D].contains(byte) }
        func domain(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == 0x2E || byte == 0x2D }
        var start = at
        while start > 0 && local(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count && domain(bytes[end]) { end += 1 }
        while end > at + 1 && bytes[end - 1] == 0x2E { end -= 1 }
        let host = bytes[(at + 1)..<end]
        guard start < at, let dot = host.lastIndex(of: 0x2E), dot > at + 1, end - dot > 2 else { return nil }
        return start..<end
    }

    /// A run of digit groups joined by single spaces, dashes, dots or parentheses, 7 to 15 digits:
    /// starting with `+` or `0`, or in two groups or more. Dates (`2024-05-01`) and times are not
    /// phone numbers.
    private static func phone(at start: Int, in bytes: [UInt8]) -> Range<Int>? {
        if start > 0, isLetter(bytes[start - 1]) || isDigit(bytes[start - 1]) || bytes[start - 1] == 0x23 || bytes[start - 1] == 0x7B { return nil }
        var i = start
        var digits = 0
        var groups = 0
        var groupLengths: [Int] = []
        var inGroup = 0
        var end = start
        if bytes[i] == 0x2B { i += 1 }
        while i < bytes.count {
            let byte = bytes[i]
            if isDigit(byte) {
                digits += 1
                inGroup += 1
                i += 1
                end = i
            } else if [0x20, 0x2D, 0x2E, 0x28, 0x29].contains(byte) {
                if inGroup > 0 { groups += 1; groupLengths.append(inGroup); inGroup = 0 }
                // A separator must be followed by a digit (or a parenthesis) to continue the number.
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                guard isDigit(next) || next == 0x28 || (byte == 0x29 && next == 0x20) else { break }
                i += 1
            } else {
                break
            }
            guard digits <= 15 else { return nil }
        }
        if inGroup > 0 { groups += 1; groupLengths.append(inGroup) }
        if end < bytes.count, isLetter(bytes[end]) { return nil }
        guard digits >= 7 else { return nil }
        let first = bytes[start]
        guard first == 0x2B || first == 0x28 || first == 0x30 || groups >= 2 else { return nil }
        // 2024-05-01, 01.05.2024
        if groupLengths == [4, 2, 2] || groupLengths == [2, 2, 4] { return nil }
        return start..<end
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
