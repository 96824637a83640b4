internal import NIOCore

/// Splits a stream of byte buffers into lines (LF or CRLF), the last one too without a line break.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The lines `chunk` completes.
    mutating func feed(_ chunk: ByteBuffer) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        chunk.withUnsafeReadableBytes { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                var line = pending
                line.append(contentsOf: bytes[start..<index])
                pending.removeAll(keepingCapacity: true)
                if line.last == 0x0D { line.removeLast() }
                lines.append(line)
                start = index + 1
            }
            pending.append(contentsOf: bytes[start...])
        }
        return lines
    }

    /// The last line, when the stream does not end with a line break.
    mutating func finish() -> [UInt8]? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        if pending.last == 0x0D { pending.removeLast() }
        return pending
    }
}
