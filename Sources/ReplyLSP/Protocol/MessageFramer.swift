/// Splits a byte stream into LSP messages (`Content-Length: N\r\n\r\n` then N bytes of JSON).
///
/// Bounded: a header block longer than ``maxHeaderBytes`` or a body longer than
/// ``maxContentLength`` is refused (the body is skipped unread into memory), so no client can make
/// the server hold more than that at once.
package struct MessageFramer {
    package enum Frame: Equatable, Sendable {
        /// One message's body.
        case message([UInt8])
        /// A frame that could not be read, with why; reading goes on after it.
        case invalid(String)
    }

    package static let maxHeaderBytes = 8 << 10
    package let maxContentLength: Int

    private var buffer: [UInt8] = []
    private var start = 0
    /// Body bytes of a refused message still to skip.
    private var skipping = 0

    package init(maxContentLength: Int = 64 << 20) {
        self.maxContentLength = maxContentLength
    }

    /// Adds bytes read from the stream.
    package mutating func append(_ bytes: some Collection<UInt8>) {
        var rest = bytes[...]
        if skipping > 0 {
            let dropped = min(skipping, rest.count)
            skipping -= dropped
            rest = rest.dropFirst(dropped)
        }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: rest)
    }

    /// Whether bytes of a message not yet complete are held.
    package var hasBufferedBytes: Bool { buffer.count > start || skipping > 0 }

    /// The next complete frame, or nil when more bytes are needed.
    package mutating func next() -> Frame? {
        guard skipping == 0 else { return nil }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                // No header ends within the bound: drop what was read and resynchronise on the next one.
                start = buffer.count
                return .invalid("a header block longer than \(Self.maxHeaderBytes) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        let bodyStart = end + 4
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                start = bodyStart
                return .invalid("a header line without `:`")
            }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard value.count <= 18, let number = Int(value), number >= 0 else {
                    start = bodyStart
                    return .invalid("a Content-Length that is not a number: `\(value.prefix(40))`")
                }
                length = number
            }
        }
        guard let length else {
            start = bodyStart
            return .invalid("a header without Content-Length")
        }
        guard length <= maxContentLength else {
            let available = buffer.count - bodyStart
            if available >= length {
                start = bodyStart + length
            } else {
                skipping = length - available
                start = buffer.count
            }
            return .invalid("a message of \(length) bytes, over the limit of \(maxContentLength)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// The offset of the `\r\n\r\n` that ends the header block starting at `start`.
    private func headerEnd() -> Int? {
        var index = start
        let limit = min(buffer.count, start + Self.maxHeaderBytes + 4)
        while index + 3 < limit {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The frame of one message, as a writer sends it.
    package static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
