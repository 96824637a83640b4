package import Foundation
internal import ReplyCompiler

/// What `--watch` compares: the path, size and modification time of every file a library is made
/// of (a bundle; or the packs, the locale data and `replykit.yaml`). A change to any of them, a
/// file added or removed, changes the fingerprint.
enum SourceFingerprint {
    static func of(_ path: String) -> String {
        var digest = ContentDigest()
        for file in files(of: path).sorted() {
            digest.add(Array(file.utf8))
            var info = stat()
            if stat(file, &info) == 0 {
                var stamp = [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ino)]
                digest.add(withUnsafeBytes(of: &stamp) { Array($0) })
            }
        }
        return digest.hex
    }

    static func files(of path: String) -> [String] {
        if path.hasSuffix(".json") { return [path] }
        guard case .success(let target) = RepositoryDiscovery.target(for: path) else { return [path] }
        var files: [String] = []
        let folders = (target.brandDirectories ?? [target.templatesDirectory]) + [(target.root as NSString).appendingPathComponent("locales")]
        for folder in folders { collect(folder, into: &files, depth: 0) }
        if let configuration = RepositoryDiscovery.configuration(from: path) { files.append(configuration) }
        return files
    }

    /// YAML files under `folder`, a few levels deep (brand folders sit two below a repository).
    private static func collect(_ folder: String, into files: inout [String], depth: Int) {
        guard depth < 4, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        files.append(folder)
        for name in names where !name.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(full, into: &files, depth: depth + 1)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(full)
            }
        }
    }
}
