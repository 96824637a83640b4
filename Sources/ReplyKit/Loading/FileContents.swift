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
}
