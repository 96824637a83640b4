package import Foundation
internal import Synchronization
package import Logging

/// A swift-log handler that writes one JSON object a line to standard error: `ts`, `level`,
/// `msg`, then the metadata, flat, as strings. Standard output stays free (`replykit mcp` speaks
/// the protocol there).
package struct JSONLineLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    private let label: String
    private static let lock = Mutex<Void>(())

    package init(label: String, level: Logger.Level = .info) {
        self.label = label
        logLevel = level
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        // Bytes, not string concatenation: a busy server writes one of these per request.
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: "{\"ts\":\"".utf8)
        line.append(contentsOf: Self.timestamp().utf8)
        line.append(contentsOf: "\",\"level\":\"".utf8)
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(contentsOf: "\",\"msg\":".utf8)
        Self.quote(event.message.description, into: &line)
        var merged = metadata
        if let extra = event.metadata {
            if merged.isEmpty { merged = extra } else { merged.merge(extra) { _, new in new } }
        }
        for key in merged.keys.sorted() {
            line.append(UInt8(ascii: ","))
            Self.quote(key, into: &line)
            line.append(UInt8(ascii: ":"))
            switch merged[key] {
            case .array(let values)?:
                line.append(UInt8(ascii: "["))
                for (index, value) in values.enumerated() {
                    if index > 0 { line.append(UInt8(ascii: ",")) }
                    Self.quote("\(value)", into: &line)
                }
                line.append(UInt8(ascii: "]"))
            case .string(let text)?: Self.quote(text, into: &line)
            case let value?: Self.quote("\(value)", into: &line)
            case nil: line.append(contentsOf: "null".utf8)
            }
        }
        line += [UInt8(ascii: "}"), UInt8(ascii: "\n")]
        Self.lock.withLock { _ in
            line.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = write(2, base + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }

    /// `YYYY-MM-DDThh:mm:ss.mmmZ`, by hand: Foundation's formatting would cost more than the rest
    /// of a request's line.
    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var time = now.tv_sec
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = String(Int(parts.tm_year) + 1900)
        text += "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
        text += "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
        text += "." + pad(Int(now.tv_nsec) / 1_000_000, 3) + "Z"
        return text
    }

    /// `value` in decimal with leading zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `text` as a JSON string: control characters, line and paragraph separators escaped.
    package static func quote(_ text: String, into line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): line += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): line += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): line += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): line += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): line += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20, 0x7F: line += escape(UInt32(byte))
                // U+0080–U+009F (C1 controls) and U+2028/U+2029 break some line readers.
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    line += escape(UInt32(bytes[index + 1]))
                    index += 1
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    line += escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: line.append(byte)
                }
                index += 1
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    private static func escape(_ value: UInt32) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12) & 15], hex[Int(value >> 8) & 15],
                hex[Int(value >> 4) & 15], hex[Int(value) & 15]]
    }
}
