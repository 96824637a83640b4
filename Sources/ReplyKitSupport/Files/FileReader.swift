#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
public import ReplyKit
package import ReplyKitSupport
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Musl)
private let systemRead = Musl.read
#else
private let systemRead = Darwin.read
#endif

/// Reads whole files without surprises: a FIFO or device is refused rather than blocking, a file over
/// the size limit is refused before it is read, and failures say why (the system's own words).
package enum FileReader {
    package enum Failure: Error, Sendable, Hashable {
        case cannotOpen(String)
        case notARegularFile
        case tooLarge(bytes: Int, limit: Int)
        case readFailed(String)

        package var message: String {
            switch self {
            case .cannotOpen(let reason): "cannot open the file: \(reason)"
            case .notARegularFile: "not a regular file"
            case .tooLarge(let bytes, let limit): "the file is \(bytes) bytes, over the limit of \(limit)"
            case .readFailed(let reason): "cannot read the file: \(reason)"
            }
        }
    }

    package static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cannotOpen(errorText())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.readFailed(errorText())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(bytes: size, limit: limit)) }
        var failure: Failure?
        // Read straight into the array's storage: zeroing it first would touch every byte twice.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = systemRead(fd, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .readFailed(errorText())
                    return
                }
                if count == 0 { break }
                initialized += count
            }
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }

    package enum Kind { case directory, file, missing }

    /// What is at `path`, following symbolic links; a link that loops or dangles counts as a file,
    /// so that reading it reports why it cannot be read.
    package static func kind(of path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file }
        var linkInfo = stat()
        return lstat(path, &linkInfo) == 0 ? .file : .missing
    }

    /// The names in a directory, sorted; empty when it cannot be listed.
    package static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Joins and shortens paths as the command line shows them.
public enum PathText {
    /// `base/name`, without `./` in front or doubled slashes.
    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty || base == "." { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The folder part of a path (`.` for a bare name).
    public static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of a path.
    public static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
    }
}
