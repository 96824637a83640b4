public import ReplyKit
package import ReplyKitSupport
/// The bytes of one file that was read, kept so diagnostics can quote it and fixes can edit it.
public struct SourceFile: Sendable {
    /// The path as the loader was given it (relative paths stay relative).
    public let path: String
    public let bytes: [UInt8]
    let lines: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    /// The text of a 1-based line, without its line break; empty past the end.
    public func line(_ number: Int) -> String { lines.text(ofLine: number) }

    /// The number of lines (a file that ends with a line break has an empty last line).
    public var lineCount: Int { lines.lineCount }

    /// The location of a byte offset, clamped to the file.
    public func location(ofByte offset: Int) -> SourceLocation { lines.location(ofByte: offset) }
}
