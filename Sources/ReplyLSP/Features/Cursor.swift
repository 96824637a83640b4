package import ReplyCompiler
internal import ReplyKitSupport

/// What is under the cursor in a pack: the template, the text of a variant or prefill, and a
/// `{variable}` written there, found from the pack as last read and the text as the editor has it.
package struct Cursor {
    package var templateIndex: Int?
    /// The variant's index, or nil in the DM prefill, when the cursor is in a text.
    package var variant: Int??
    /// The variable name under the cursor and its byte range, in a text.
    package var variable: (name: String, bytes: Range<Int>)?

    package init(pack: LocalePack, bytes: [UInt8], offset: Int) {
        func contains(_ range: SourceRange) -> Bool { range.start.offset <= offset && offset <= range.end.offset }
        // A block mapping's range ends where the next key starts: the key under the cursor decides first.
        let index = pack.templates.firstIndex { contains($0.id.range) }
            ?? pack.templates.firstIndex { $0.range.start.offset <= offset && offset < $0.range.end.offset }
            ?? pack.templates.firstIndex { contains($0.range) }
        if let index {
            let template = pack.templates[index]
            templateIndex = index
            var texts = template.variants.enumerated().map { (Optional($0.offset), $0.element) }
            if let prefill = template.dm?.prefill { texts.append((nil, prefill)) }
            for (variant, text) in texts where contains(text.range) {
                self.variant = .some(variant)
                variable = Self.variable(in: bytes, at: offset, within: text.range.start.offset..<text.range.end.offset)
            }
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    /// The `{name` at `offset` (on the brace or the name), inside `within`.
    static func variable(in bytes: [UInt8], at offset: Int, within: Range<Int>) -> (name: String, bytes: Range<Int>)? {
        guard within.lowerBound >= 0, within.upperBound <= bytes.count, within.contains(offset) || offset == within.upperBound else { return nil }
        var start = min(offset, bytes.count)
        if start < within.upperBound, bytes[start] == UInt8(ascii: "{") { start += 1 }
        while start > within.lowerBound, isNameByte(bytes[start - 1]) { start -= 1 }
        guard start > within.lowerBound, bytes[start - 1] == UInt8(ascii: "{") else { return nil }
        var end = start
        while end < within.upperBound, isNameByte(bytes[end]) { end += 1 }
        guard end > start, offset >= start - 1, offset <= end else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start..<end)
    }
}
