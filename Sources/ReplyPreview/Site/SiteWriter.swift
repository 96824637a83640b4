import Foundation
import ReplyKitSupport

/// One file of the site: its path under the output folder and its text.
struct SitePage: Sendable {
    var path: String
    /// The page's UTF-8.
    var text: [UInt8]
}

/// Writes the site's pages into the output folder, rewriting only those whose text changed since
/// the last build (a manifest of each page's hash is kept beside them), and removing pages an
/// earlier build wrote that this one no longer has. Nothing it did not write is touched.
struct SiteWriter: Sendable {
    static let manifestName = ".replykit-preview"

    var output: String

    struct Summary: Sendable {
        var written: [String] = []
        var unchanged = 0
        var removed = 0
        var failures: [String] = []
    }

    func write(_ pages: [SitePage]) -> Summary {
        var summary = Summary()
        let fileManager = FileManager.default
        let output = self.output
        do {
            try fileManager.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            summary.failures.append("\(output): cannot create the folder: \(error.localizedDescription)")
            return summary
        }
        let previous = readManifest()
        let hashSlots = ResultSlots<UInt64>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { hashSlots[$0] = Self.hash(pages[$0].text) }
        let hashes = pages.indices.map { hashSlots[$0] ?? 0 }
        var folders = Set<String>()
        for page in pages { folders.insert(PathText.parent(PathText.join(output, page.path))) }
        for folder in folders.sorted() {
            do { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                summary.failures.append("\(folder): cannot create the folder: \(error.localizedDescription)")
            }
        }
        let pending = pages.indices.filter { index in
            previous[pages[index].path] != hashes[index] || !fileManager.fileExists(atPath: PathText.join(output, pages[index].path))
        }
        let results = ResultSlots<String>(count: pending.count)
        DispatchQueue.concurrentPerform(iterations: pending.count) { slot in
            let page = pages[pending[slot]]
            if let failure = Self.writeFile(PathText.join(output, page.path), page.text) { results[slot] = failure }
        }
        var manifest = previous
        for (slot, index) in pending.enumerated() {
            if let failure = results[slot] {
                summary.failures.append(failure)
                manifest[pages[index].path] = nil
            } else {
                summary.written.append(pages[index].path)
                manifest[pages[index].path] = hashes[index]
            }
        }
        summary.unchanged = pages.count - pending.count
        let current = Set(pages.map(\.path))
        for path in previous.keys where !current.contains(path) {
            try? fileManager.removeItem(atPath: PathText.join(output, path))
            manifest[path] = nil
            summary.removed += 1
        }
        var text = ""
        for path in manifest.keys.sorted() { text += "\(String(manifest[path] ?? 0, radix: 16)) \(path)\n" }
        if let failure = Self.writeFile(PathText.join(output, Self.manifestName), text) { summary.failures.append(failure) }
        return summary
    }

    /// The manifest's hashes by page path; empty when there is none or it cannot be read.
    private func readManifest() -> [String: UInt64] {
        guard let data = FileManager.default.contents(atPath: PathText.join(output, Self.manifestName)) else { return [:] }
        var manifest: [String: UInt64] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let hash = UInt64(line[..<space], radix: 16) else { continue }
            let path = String(line[line.index(after: space)...])
            // Only paths this writer makes: a manifest edited by hand must not name a file outside.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { continue }
            manifest[path] = hash
        }
        return manifest
    }

    /// A hash of the page, stable across runs (unlike `Hasher`): FNV-1a's multiply over eight
    /// bytes at a time, mixed, then the bytes left over and the length.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = (hash ^ word) &* prime
                hash ^= hash >> 29
            }
            for index in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[index])) &* prime }
        }
        return (hash ^ UInt64(bytes.count)) &* prime
    }

    /// Writes `text` to `path`; the reason it could not, or nil.
    private static func writeFile(_ path: String, _ text: String) -> String? { writeFile(path, Array(text.utf8)) }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "\(path): cannot be written: \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        return bytes.withUnsafeBufferPointer { bytes -> String? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return "\(path): cannot be written: \(String(cString: strerror(errno)))"
                }
                offset += written
            }
            return nil
        }
    }
}
