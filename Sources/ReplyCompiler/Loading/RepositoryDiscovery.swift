import Foundation
public import ReplyKit
package import ReplyKitSupport

/// Finds what to load for a path given on the command line, as cli.md describes: a directory is
/// searched for `templates/*/brand.yaml` and, failing that, treated as a templates folder or a brand
/// folder; a file is linted with its brand folder.
public enum RepositoryDiscovery {
    public struct Target: Sendable, Hashable {
        /// The folder that holds the brand folders.
        public var templatesDirectory: String
        /// The brand folders to load; nil for all of them.
        public var brandDirectories: [String]?
        /// Report only these files (for a file given by name).
        public var onlyFiles: Set<String>?
        /// The repository root: where `templates/` is, and what SARIF paths are relative to.
        public var root: String
    }

    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// What to load for `path`. `templatesOverride` (from `replykit.yaml`) replaces `path/templates`
    /// for the directory that holds that configuration.
    public static func target(for path: String, templatesOverride: String? = nil) -> Result<Target, NotFound> {
        let kind = FileReader.kind(of: path)
        if kind == .missing { return .failure(NotFound(message: "\(path): no such file or directory")) }
        if kind == .file {
            let brand = PathText.parent(path)
            let templates = PathText.parent(brand)
            return .success(Target(templatesDirectory: templates, brandDirectories: [brand], onlyFiles: [path],
                                   root: PathText.parent(templates)))
        }
        if let templatesOverride {
            guard FileReader.kind(of: templatesOverride) == .directory else {
                return .failure(NotFound(message: "\(templatesOverride): the templates folder named in replykit.yaml does not exist"))
            }
            return .success(Target(templatesDirectory: templatesOverride, brandDirectories: nil, onlyFiles: nil, root: path))
        }
        let templates = PathText.join(path, "templates")
        if FileReader.kind(of: templates) == .directory {
            return .success(Target(templatesDirectory: templates, brandDirectories: nil, onlyFiles: nil, root: path))
        }
        let names = FileReader.list(path)
        if names.contains(where: { FileReader.kind(of: PathText.join(PathText.join(path, $0), "brand.yaml")) != .missing }) {
            return .success(Target(templatesDirectory: path, brandDirectories: nil, onlyFiles: nil, root: PathText.parent(path)))
        }
        if names.contains(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
            let templatesFolder = PathText.parent(path)
            return .success(Target(templatesDirectory: templatesFolder, brandDirectories: [path], onlyFiles: nil,
                                   root: PathText.parent(templatesFolder)))
        }
        return .failure(NotFound(message: "\(path): no template packs here (looked for templates/*/brand.yaml, */brand.yaml and *.yaml)"))
    }

    /// The nearest `replykit.yaml` in `path`'s folder or above it.
    public static func configuration(from path: String) -> String? {
        var directory = PathText.absolute(FileReader.kind(of: path) == .directory ? path : PathText.parent(path))
        while true {
            let candidate = PathText.join(directory, "replykit.yaml")
            if FileReader.kind(of: candidate) == .file { return PathText.relativeToCurrentDirectory(candidate) }
            let parent = PathText.parent(directory)
            if parent == directory { return nil }
            directory = parent
        }
    }
}

extension PathText {
    /// `path` made absolute against the current directory, with `.` and `..` resolved textually.
    package static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to the current directory when it lies under it; otherwise as given.
    package static func relativeToCurrentDirectory(_ path: String) -> String {
        let absolutePath = absolute(path)
        let current = absolute(".")
        if absolutePath == current { return "." }
        let prefix = current == "/" ? "/" : current + "/"
        return absolutePath.hasPrefix(prefix) ? String(absolutePath.dropFirst(prefix.count)) : path
    }
}
