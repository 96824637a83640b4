package import Foundation

/// How `replykit serve` runs: where it listens, what it serves, and its limits.
package struct ServerOptions: Sendable {
    /// Packs (a repository, templates or brand folder) or a bundle (`.json`).
    package var templates: String = "."
    /// Loopback unless told otherwise.
    package var host: String = "127.0.0.1"
    /// 0 picks a free port (the log line `listening` says which).
    package var port: Int = 8080
    /// The bearer tokens callers must present; empty for none.
    package var tokens: [String] = []
    /// Reload when the packs or the bundle change.
    package var watch = false
    /// How often `watch` looks.
    package var watchInterval: Duration = .seconds(1)
    /// The largest request body: of one request, and of a whole batch.
    package var maxBody: Int = 1 << 20
    /// The most lines a batch may have.
    package var maxBatch: Int = 10_000
    /// How long a request may take, a batch's streaming included.
    package var requestTimeout: Duration = .seconds(10)
    /// Log the request bodies (customers' values); off by default.
    package var logValues = false

    package init() {}

    /// Tokens from a file, one a line; blank lines and lines starting with `#` are not tokens.
    package static func tokens(fromFile path: String) throws(ServedLibrary.LoadFailure) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServedLibrary.LoadFailure(message: "the token file \(path) cannot be read", diagnostics: [])
        }
        let tokens = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !tokens.isEmpty else {
            throw ServedLibrary.LoadFailure(message: "the token file \(path) holds no token", diagnostics: [])
        }
        return tokens
    }
}
