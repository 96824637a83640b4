import Foundation

/// Reading a whole small file for tools (configuration, values, batches), with the system's reason
/// when it cannot be read.
public enum FileContents {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// Lowercase, naming the file and the system's reason.
        public var message: String
        public var description: String { message }
    }

    /// The bytes of `path` (at most `limit` bytes), or why not.
    public static func read(_ path: String, limit: Int = 64 << 20) -> Result<[UInt8], ReadError> {
        switch FileReader.read(path, limit: limit) {
        case .success(let bytes): .success(bytes)
        case .failure(let failure): .failure(ReadError(message: "\(path): \(failure.message)"))
        }
    }

    /// Whether `path` is a directory (following links).
    public static func isDirectory(_ path: String) -> Bool { FileReader.kind(of: path) == .directory }

    /// Whether anything is at `path` (a dangling link counts).
    public static func exists(_ path: String) -> Bool { FileReader.kind(of: path) != .missing }

    /// The sorted names in a directory; empty when it cannot be listed.
    public static func list(_ path: String) -> [String] { FileReader.list(path) }

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`, keeping the
    /// file's permissions, so a reader never sees half a file. Nil on success, else the reason.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        let temporary = path + ".replykit-\(ProcessInfo.processInfo.processIdentifier)"
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) ?? nil
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if let permissions {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                return reason
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return error.localizedDescription
        }
    }
}
