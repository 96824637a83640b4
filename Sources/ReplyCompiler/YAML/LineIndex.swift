public import ReplyKit
package import ReplyKitSupport
/// Turns positions in a UTF-8 file into 1-based lines and scalar columns and back: the one place
/// where positions from libyaml become ``SourceLocation``s.
///
/// Built in one pass over the bytes that looks for line breaks only. What YAML refuses in a stream
/// (bytes that are not UTF-8, control characters) is searched for by ``encodingProblem`` only when
/// libyaml has failed: libyaml refuses all of it too, so a file it parses has none.
///
/// Lines end where libyaml ends them: at LF, CR, CR LF, and the Unicode breaks NEL, LS and PS, so
/// libyaml's line numbers and ours agree.
final class LineIndex: Sendable {
    let bytes: [UInt8]
    /// The byte offset where each line starts (line 1 at index 0).
    private let lineStarts: [Int]
    /// Whether each line holds a byte over 0x7F: columns of the other lines are byte counts.
    private let lineIsASCII: [Bool]
    let hasByteOrderMark: Bool

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        (lineStarts, lineIsASCII) = bytes.withUnsafeBufferPointer { Self.scanLines($0) }
        hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Finds where lines start. A static function over locals: a nested function capturing them would
    /// cost a dynamic exclusivity check per line.
    ///
    /// Every break starts with LF, CR, 0xC2 (NEL) or 0xE2 (LS, PS), and UTF-8 continuation bytes are
    /// never one of those, so eight bytes without them are skipped at once, whatever the script.
    private static func scanLines(_ buffer: UnsafeBufferPointer<UInt8>) -> (starts: [Int], ascii: [Bool]) {
        var starts = [0]
        var ascii: [Bool] = []
        let count = buffer.count
        guard let base = buffer.baseAddress else { return (starts, [true]) }
        // Template files have lines of a few dozen bytes.
        starts.reserveCapacity(count / 24 + 2)
        ascii.reserveCapacity(count / 24 + 2)
        var lineASCII = true
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let nonASCII = word & 0x8080_8080_8080_8080
                // Bytes below 0x0E (LF, CR) and, in a word with non-ASCII bytes, 0xC2 and 0xE2.
                var candidates = WordBytes.below(0x0E, in: word)
                if nonASCII != 0 { candidates |= WordBytes.equal(to: 0xC2, in: word) | WordBytes.equal(to: 0xE2, in: word) }
                // Skip straight to the first byte that may start a break.
                let skipped = candidates == 0 ? 8 : candidates.trailingZeroBitCount >> 3
                if skipped > 0 {
                    if nonASCII & (skipped == 8 ? ~0 : (1 << (skipped << 3)) - 1) != 0 { lineASCII = false }
                    i += skipped
                    continue
                }
            }
            let byte = base[i]
            var breakLength = 0
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = i + 1 < count && base[i + 1] == 0x0A ? 2 : 1
            } else if byte >= 0x80 {
                lineASCII = false
                if byte == 0xC2, i + 1 < count, base[i + 1] == 0x85 {
                    breakLength = 2
                } else if byte == 0xE2, i + 2 < count, base[i + 1] == 0x80, base[i + 2] == 0xA8 || base[i + 2] == 0xA9 {
                    breakLength = 3
                }
            }
            if breakLength == 0 {
                i += 1
                continue
            }
            i += breakLength
            starts.append(i)
            ascii.append(lineASCII)
            lineASCII = true
        }
        ascii.append(lineASCII)
        return (starts, ascii)
    }

    /// What YAML does not allow in a stream, first in the file: a byte that does not belong to
    /// well-formed UTF-8, else a control character (C0 but tab, LF and CR; DEL; C1 but NEL), with
    /// its byte offset and, for a control character, its value.
    func encodingProblem() -> (offset: Int, control: UInt32?)? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var control: (offset: Int, control: UInt32?)?
            var i = 0
            while i < buffer.count {
                let b0 = base[i]
                if b0 < 0x80 {
                    if control == nil, (b0 < 0x20 && b0 != 0x09 && b0 != 0x0A && b0 != 0x0D) || b0 == 0x7F {
                        control = (i, UInt32(b0))
                    }
                    i += 1
                    continue
                }
                // Like Python's decoder, blame the byte that starts the ill-formed sequence.
                guard let (value, length) = Self.decode(base, at: i, count: buffer.count) else { return (i, nil) }
                if control == nil, value < 0xA0, value != 0x85 { control = (i, value) }
                i += length
            }
            return control
        }
    }

    /// The scalar and its length in bytes of the well-formed UTF-8 sequence at `i`, if it is one.
    private static func decode(_ base: UnsafePointer<UInt8>, at i: Int, count: Int) -> (UInt32, Int)? {
        let b0 = base[i]
        let length: Int
        let minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return nil
        }
        guard i + length <= count else { return nil }
        var value = UInt32(b0) & (0xFF >> (length + 1))
        for k in 1..<length {
            let b = base[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return nil }
        return (value, length)
    }

    var lineCount: Int { lineStarts.count }

    /// The location of a byte offset (clamped to the file).
    func location(ofByte offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) >> 1
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        // Editors do not show a byte order mark: it takes no column.
        if low == 0 && hasByteOrderMark { i = min(3, offset) }
        if lineIsASCII[low] { return SourceLocation(line: low + 1, column: column + offset - i, offset: offset) }
        while i < offset {
            // Count scalars: every byte but UTF-8 continuation bytes starts one.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: offset)
    }

    /// The location of a 0-based line and scalar column, as libyaml's marks give them (its input
    /// starts after a byte order mark, which is where line 0 starts for it).
    func location(line: Int, column: Int) -> SourceLocation {
        guard line < lineStarts.count else { return location(ofByte: bytes.count) }
        var offset = line == 0 && hasByteOrderMark ? 3 : lineStarts[line]
        if lineIsASCII[line] {
            offset += column
        } else {
            offset = bytes.withUnsafeBufferPointer { Self.offset(passing: column, scalarsFrom: offset, in: $0) }
        }
        return SourceLocation(line: line + 1, column: column + 1, offset: min(offset, bytes.count))
    }

    /// The offset just past `count` scalars from `start` (which starts one), eight bytes at a time:
    /// every byte but a UTF-8 continuation byte starts a scalar.
    private static func offset(passing count: Int, scalarsFrom start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return start }
        var remaining = count
        var offset = start
        while offset + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            // A continuation byte is 10xxxxxx: its high bit set, the bit below it clear.
            let starts = 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            if starts > remaining { break }
            remaining -= starts
            offset += 8
        }
        while offset < buffer.count {
            if base[offset] & 0xC0 != 0x80 {
                if remaining == 0 { break }
                remaining -= 1
            }
            offset += 1
        }
        return offset
    }

    /// The text of a 1-based line, without its line break.
    func text(ofLine line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[line - 1]..<contentEnd(ofLine: line)], as: UTF8.self)
    }

    /// The location just past the last character of a 1-based line, before its line break.
    func endOfLine(_ line: Int) -> SourceLocation {
        guard line >= 1 && line <= lineStarts.count else { return location(ofByte: bytes.count) }
        return location(ofByte: contentEnd(ofLine: line))
    }

    /// The byte offset where a 1-based line's text ends and its line break starts.
    private func contentEnd(ofLine line: Int) -> Int {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        // A line ends with exactly one break (the next one starts a line of its own), so it is the
        // last bytes: CR LF, LF, CR, or NEL, LS, PS.
        if end - start >= 2, bytes[end - 2] == 0x0D, bytes[end - 1] == 0x0A {
            end -= 2
        } else if end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D {
            end -= 1
        } else if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 {
            end -= 2
        } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9 {
            end -= 3
        }
        return end
    }
}
