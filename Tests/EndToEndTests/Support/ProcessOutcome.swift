import Foundation

/// What one run of `replykit` did: its exit code and the bytes it wrote.
struct ProcessOutcome: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdoutBytes: [UInt8]
    var stderrBytes: [UInt8]

    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    /// Standard output split into lines, without the final line break.
    var stdoutLines: [String] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Standard output parsed as one JSON value (`nil` when it is not JSON).
    var stdoutJSON: Any? { try? JSONSerialization.jsonObject(with: Data(stdoutBytes), options: [.fragmentsAllowed]) }

    /// The whole run, for a failed expectation's message.
    var description: String {
        "replykit \(arguments.joined(separator: " ")) exited \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// One line of JSON Lines output parsed as an object (`nil` when it is not one).
func jsonObject(_ line: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}
