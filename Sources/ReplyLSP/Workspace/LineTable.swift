package import ReplyCompiler
package import ReplyKitSupport

/// An LSP position: 0-based line, and 0-based character in UTF-16 code units.
package struct LSPPosition: Sendable, Hashable, Comparable {
    package var line: Int
    package var character: Int

    package init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    package static func < (a: LSPPosition, b: LSPPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    package var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }
}

package struct LSPRange: Sendable, Hashable {
    package var start: LSPPosition
    package var end: LSPPosition

    package init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    package var json: JSONValue { .object([("start", start.json), ("end", end.json)]) }
}

/// Where each line of a file's bytes starts: the one place byte offsets (what the model's
/// ``SourceLocation/offset`` holds) and LSP positions (UTF-16, 0-based) are converted.
package struct LineTable: Sendable {
    package let bytes: [UInt8]
    /// The byte offset of each line's first byte; lines end at `\n`.
    private let starts: [Int]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        self.starts = starts
    }

    package var lineCount: Int { starts.count }

    /// The bytes of a line, without its line break (`\r\n` or `\n`).
    package func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 0, line < starts.count else { return [] }
        var end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
        if end > starts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[starts[line]..<end]
    }

    package func lineStart(_ line: Int) -> Int { starts[max(0, min(line, starts.count - 1))] }

    /// The byte offset of `position`, clamped to its line (and a position inside a surrogate pair
    /// to the character's start).
    package func offset(of position: LSPPosition) -> Int {
        guard position.line < starts.count else { return bytes.count }
        let line = lineBytes(position.line)
        var units = 0
        var index = line.startIndex
        while index < line.endIndex {
            let width = Self.scalarWidth(line[index])
            let scalarUnits = width == 4 ? 2 : 1
            if units + scalarUnits > position.character { break }
            units += scalarUnits
            index = min(line.endIndex, index + width)
        }
        return index
    }

    /// The LSP position of a byte offset (clamped to the file; an offset inside a character counts
    /// from that character's start).
    package func position(ofByte offset: Int) -> LSPPosition {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var units = 0
        var index = starts[low]
        while index < offset {
            let width = Self.scalarWidth(bytes[index])
            if index + width > offset { break }
            units += width == 4 ? 2 : 1
            index += width
        }
        return LSPPosition(line: low, character: units)
    }

    package func range(_ range: SourceRange) -> LSPRange {
        LSPRange(start: position(ofByte: range.start.offset), end: position(ofByte: max(range.start.offset, range.end.offset)))
    }

    package func range(bytes: Range<Int>) -> LSPRange {
        LSPRange(start: position(ofByte: bytes.lowerBound), end: position(ofByte: bytes.upperBound))
    }

    /// The bytes a UTF-8 sequence starting with `lead` takes (1 for a stray continuation byte).
    private static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
