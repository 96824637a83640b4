package import Foundation
package import ReplyKit
package import ReplyLint
internal import ReplyCompiler
internal import ReplyKitSupport

/// What one instance serves: a library and the checker of the same packs or bundle, loaded and
/// checked as a whole, with the version and time that say which one it is.
///
/// Immutable once made: a reload makes a new one and swaps it in, so a request sees one version
/// from start to end.
package struct ServedLibrary: Sendable {
    package let library: ReplyLibrary
    package let checker: ReplyChecker
    /// A digest of every byte the library was made of (packs, brand files, locale data, the
    /// configuration, or the bundle), as 16 hex digits: two instances with the same version serve
    /// the same replies.
    package let version: String
    package let loadedAt: Date
    package let source: String
    /// The catalogue of `GET /v1/templates` and `list_templates`, made once per load.
    package let catalogue: Catalogue

    /// Why a library was not loaded: a message and, for packs, lint's errors.
    package struct LoadFailure: Error, Sendable, CustomStringConvertible {
        package var message: String
        /// `file:line:column: error[rule]: message`, one a finding.
        package var diagnostics: [String]
        package var description: String { message }
    }

    /// Loads the packs under `path` (found as lint finds them) or the bundle at `path` (`.json`).
    ///
    /// Packs are linted first and refused when lint finds an error: a service renders only from
    /// templates `replykit lint` passes, as `replykit compile` writes only those into a bundle.
    package static func load(_ path: String, now: Date = Date()) -> Result<ServedLibrary, LoadFailure> {
        path.hasSuffix(".json") ? loadBundle(path, now: now) : loadPacks(path, now: now)
    }

    private static func loadBundle(_ path: String, now: Date) -> Result<ServedLibrary, LoadFailure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(LoadFailure(message: "the bundle \(path) cannot be read", diagnostics: []))
        }
        let library: ReplyLibrary
        let checker: ReplyChecker
        do {
            library = try ReplyBundle.decode(bytes: Array(data))
            checker = try ReplyChecker(library: library)
        } catch let error as ReplyBundle.ReadError {
            return .failure(LoadFailure(message: "the bundle \(path) cannot be used: \(error.message)", diagnostics: []))
        } catch let error as ReplyCheckError {
            return .failure(LoadFailure(message: error.message, diagnostics: []))
        } catch {
            return .failure(LoadFailure(message: "\(error)", diagnostics: []))
        }
        var digest = ContentDigest()
        digest.add(Array(data))
        return .success(ServedLibrary(library: library, checker: checker, version: digest.hex, loadedAt: now,
                                      source: path, catalogue: Catalogue(library)))
    }

    private static func loadPacks(_ path: String, now: Date) -> Result<ServedLibrary, LoadFailure> {
        var options = LintRun.Options()
        options.paths = [path]
        options.quiet = true
        let outcome = LintRun(options: options).run()
        guard let result = outcome.result else {
            let message = outcome.stderr.split(separator: "\n").last.map(String.init) ?? "the packs cannot be loaded"
            return .failure(LoadFailure(message: message, diagnostics: outcome.stderr.split(separator: "\n").map(String.init)))
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let lines = errors.map { d in
                let position = d.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
                return "\(d.file ?? path)\(position): error[\(d.rule)]: \(d.message)"
            }
            return .failure(LoadFailure(message: "lint finds \(errors.count == 1 ? "1 error" : "\(errors.count) errors") in \(path)",
                                        diagnostics: lines))
        }
        let checker: ReplyChecker
        do { checker = try ReplyChecker(contentsOf: path) } catch {
            return .failure(LoadFailure(message: error.message, diagnostics: []))
        }
        let repository = result.repository
        var digest = ContentDigest()
        for file in repository.files.keys.sorted() {
            digest.add(Array(file.utf8))
            digest.add(repository.files[file]?.bytes ?? [])
        }
        if let configuration = RepositoryDiscovery.configuration(from: path),
           let bytes = FileManager.default.contents(atPath: configuration) {
            digest.add(Array(bytes))
        }
        let library = ReplyLibrary(repository: repository)
        return .success(ServedLibrary(library: library, checker: checker, version: digest.hex, loadedAt: now,
                                      source: path, catalogue: Catalogue(library)))
    }
}

/// FNV-1a over 64 bits, each part followed by its length so that parts cannot run into each other.
struct ContentDigest {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes { mix(byte) }
        var length = UInt64(bytes.count)
        for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: length)); length >>= 8 }
    }

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
