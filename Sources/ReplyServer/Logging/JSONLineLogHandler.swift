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
        var line = "{\"ts\":\"\(Self.timestamp())\",\"level\":\"\(event.level.rawValue)\",\"msg\":"
        Self.quote(event.message.description, into: &line)
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() {
            line += ","
            Self.quote(key, into: &line)
            line += ":"
            switch merged[key] {
            case .array(let values)?:
                line += "["
                for (index, value) in values.enumerated() {
                    if index > 0 { line += "," }
                    Self.quote("\(value)", into: &line)
                }
                line += "]"
            case let value?: Self.quote("\(value)", into: &line)
            case nil: line += "null"
            }
        }
        line += "}\n"
        let bytes = Array(line.utf8)
        Self.lock.withLock { _ in
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
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

    /// `text` as a JSON string.
    static func quote(_ text: String, into line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}":
                line += String(format: "\\u%04x", scalar.value)
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }
}
