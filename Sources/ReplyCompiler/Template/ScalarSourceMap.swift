public import ReplyKit
package import ReplyKitSupport
/// Maps offsets in a scalar's text (after YAML's unescaping and folding) back to the bytes of the
/// YAML file it was read from, for every scalar style: so a template error points at the exact line
/// and column in the file, inside quotes, escapes, literal and folded blocks alike.
///
/// The map walks the source and the text together: a character that appears as written maps to
/// itself; an escape (`\t`, `\u00E9`, `''`) maps to where the escape starts; a space or line break
/// that folding made maps to the line break it came from; indentation, quotes and block headers are
/// skipped. It never moves backwards, so a text YAML rewrote beyond recognition still maps inside
/// its scalar.
///
/// The walk is made when a position is asked for, not before: lint keeps a map for every text of
/// every template, and asks only for the few that have something to report.
public struct ScalarSourceMap: Sendable {
    private let text: TemplateText
    private let file: SourceFile

    public init(_ text: TemplateText, in file: SourceFile) {
        self.text = text
        self.file = file
    }

    /// The file locations of a span's two ends (offsets clamped to the text).
    private func ends(_ span: Range<Int>) -> (start: SourceLocation, end: SourceLocation) {
        guard let start = verbatimStart else { return walkedEnds(span) }
        let count = text.value.utf8.count
        func location(_ offset: Int) -> SourceLocation { file.location(ofByte: start + min(max(offset, 0), count)) }
        return (location(span.lowerBound), location(span.upperBound))
    }

    /// Where the text starts in the file when the file holds it byte for byte (a plain or quoted
    /// scalar on one line, without escapes or doubled quotes): each of its offsets is then that
    /// far from there, and no walk is needed. Nil for every other scalar.
    var verbatimStart: Int? {
        guard text.style != .literal, text.style != .folded else { return nil }
        let (start, end) = Self.body(text.range, text.style, in: file.bytes)
        let value = text.value.utf8
        guard start >= 0, end - start == value.count, file.bytes[start..<end].elementsEqual(value) else { return nil }
        return start
    }

    /// ``ends(_:)`` from a walk of the source and the text together, whatever the scalar.
    func walkedEnds(_ span: Range<Int>) -> (start: SourceLocation, end: SourceLocation) {
        // Source byte offset for each UTF-8 offset of the text, plus one for its end.
        // Aligned only as far as the span reaches: most spans a rule reports are near the start.
        let offsets = Self.align(Array(text.value.utf8), file.bytes, text.range, text.style,
                                 through: max(span.lowerBound, span.upperBound))
        func location(_ offset: Int) -> SourceLocation { file.location(ofByte: offsets[min(max(offset, 0), offsets.count - 1)]) }
        return (location(span.lowerBound), location(span.upperBound))
    }

    /// The file location of a UTF-8 offset of the text (clamped to the text).
    public func location(_ offset: Int) -> SourceLocation { ends(offset..<offset).start }

    /// The file range of a span of the text; an empty span still covers one character.
    public func range(_ span: Range<Int>) -> SourceRange {
        var (start, end) = ends(span)
        if end.offset <= start.offset {
            end = file.location(ofByte: start.offset + 1)
        }
        return SourceRange(start: start, end: end)
    }

    /// The source offset of each UTF-8 offset of `value` up to `limit` (and its end); those past
    /// `limit` are not worked out.
    private static func align(_ value: [UInt8], _ source: [UInt8], _ range: SourceRange,
                              _ style: YAMLNode.ScalarStyle, through limit: Int) -> [Int] {
        var map = [Int](repeating: range.end.offset, count: value.count + 1)
        let bounds = body(range, style, in: source)
        var p = bounds.start
        let end = bounds.end
        let block = style == .literal || style == .folded
        var blockIndent = 0
        var atLineStart = false
        if block {
            while p < end && source[p] != 0x0A && source[p] != 0x0D { p += 1 }
            p = skipBreak(source, p, end)
            var q = p
            // The indentation of the first line with text sets the block's indentation.
            while q < end {
                var spaces = 0
                while q + spaces < end && source[q + spaces] == 0x20 { spaces += 1 }
                let next = q + spaces
                if next < end && source[next] != 0x0A && source[next] != 0x0D {
                    blockIndent = spaces
                    break
                }
                q = skipBreak(source, next, end)
                if q == next { break }
            }
            atLineStart = true
        }
        var k = 0
        while k < value.count && k <= limit {
            guard p < end else { break }
            if atLineStart {
                var skipped = 0
                while skipped < blockIndent && p < end && source[p] == 0x20 { p += 1; skipped += 1 }
                atLineStart = false
                continue
            }
            let s = source[p]
            let v = value[k]
            let length = sequenceLength(v)
            if style == .doubleQuoted && s == UInt8(ascii: "\\") && p + 1 < end {
                let e = source[p + 1]
                if e == 0x0A || e == 0x0D {
                    p = skipSpaces(source, skipBreak(source, p + 1, end), end)
                    continue
                }
                for j in 0..<length where k + j < value.count { map[k + j] = p }
                k += length
                p = min(end, p + escapeLength(e))
                continue
            }
            if style == .singleQuoted && s == UInt8(ascii: "'") && p + 1 < end && source[p + 1] == UInt8(ascii: "'")
                && v == UInt8(ascii: "'") {
                map[k] = p
                k += 1
                p += 2
                continue
            }
            if p + length <= end && source[p..<p + length].elementsEqual(value[k..<min(value.count, k + length)]) {
                for j in 0..<length where k + j < value.count { map[k + j] = p + j }
                k += length
                p += length
                if s == 0x0A || s == 0x0D {
                    if s == 0x0D && p < end && source[p] == 0x0A { p += 1 }
                    atLineStart = block
                    if !block { p = skipSpaces(source, p, end) }
                }
                continue
            }
            if (v == 0x20 || v == 0x0A) && isSpaceOrBreak(s) {
                // A space or line break that folding made from the line break here.
                map[k] = p
                k += 1
                p = skipSpaces(source, p, end)
                let afterBreak = skipBreak(source, p, end)
                if afterBreak != p {
                    p = afterBreak
                    if block { atLineStart = true } else { p = skipSpaces(source, p, end) }
                }
                continue
            }
            // Syntax: indentation, a closing quote's neighbourhood, comments of a block header.
            if s == 0x0A || s == 0x0D {
                p = skipBreak(source, p, end)
                atLineStart = block
            } else {
                p += 1
            }
        }
        while k <= value.count {
            map[k] = min(p, end)
            k += 1
        }
        return map
    }

    /// Where the scalar's own characters lie in `source`: its range, within the file, inside the
    /// quotes of a quoted scalar (a block scalar's still starts at its header).
    private static func body(_ range: SourceRange, _ style: YAMLNode.ScalarStyle, in source: [UInt8]) -> (start: Int, end: Int) {
        var start = range.start.offset
        var end = min(range.end.offset, source.count)
        if style == .singleQuoted || style == .doubleQuoted {
            start += 1
            end = max(start, end - 1)
        }
        return (start, end)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    private static func escapeLength(_ letter: UInt8) -> Int {
        switch letter {
        case UInt8(ascii: "x"): 4
        case UInt8(ascii: "u"): 6
        case UInt8(ascii: "U"): 10
        default: 2
        }
    }

    private static func isSpaceOrBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func skipSpaces(_ source: [UInt8], _ p: Int, _ end: Int) -> Int {
        var p = p
        while p < end && (source[p] == 0x20 || source[p] == 0x09) { p += 1 }
        return p
    }

    private static func skipBreak(_ source: [UInt8], _ p: Int, _ end: Int) -> Int {
        guard p < end else { return p }
        if source[p] == 0x0D { return p + 1 < end && source[p + 1] == 0x0A ? p + 2 : p + 1 }
        if source[p] == 0x0A { return p + 1 }
        return p
    }
}

extension ScalarSourceMap {
    /// The file bytes that produced the text's UTF-8 span, as a range: what an edit must replace to
    /// change that part of the text (a raw character, an escape such as `\u200B`, or a quoted `''`).
    public func sourceRange(_ span: Range<Int>) -> SourceRange {
        let (start, end) = ends(span)
        return SourceRange(start: start, end: end.offset >= start.offset ? end : start)
    }
}
