/// Turns byte offsets of a UTF-8 file into 1-based lines and scalar columns: the one place where
/// positions from libyaml become ``SourceLocation``s.
struct LineIndex {
    let bytes: [UInt8]
    /// The byte offset where each line starts (line 1 at index 0).
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                starts.append(i + 1)
            } else if bytes[i] == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    var hasByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

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
        while i < offset {
            // Count scalars: every byte but UTF-8 continuation bytes starts one.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: offset)
    }

    /// The text of a 1-based line, without its line break.
    func text(ofLine line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
