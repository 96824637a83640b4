public import ReplyKit
package import ReplyKitSupport
/// One parsed YAML document held flat: every node in one array in document order, every scalar's
/// text in one byte buffer.
///
/// This is what the loader reads packs from. A tree of ``YAMLNode``s costs an allocation or more per
/// node and a copy of every scalar as a `String`; here a node is a fixed-size entry, a scalar's text
/// becomes a `String` only when a reader asks for it, and a source range is worked out only for the
/// nodes a reader keeps. ``YAMLParser/parse(_:limits:)`` builds the public tree from it.
final class YAMLDocument: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping, alias
    }

    /// A libyaml mark: 0-based line and scalar column, turned into a ``SourceLocation`` on demand.
    struct Mark: Sendable {
        var line: Int32
        var column: Int32
    }

    struct Entry: Sendable {
        var kind: Kind
        var style: YAMLNode.ScalarStyle
        /// Index into `tags`, or -1.
        var tag: Int32
        var start: Mark
        var end: Mark
        /// A scalar's bytes in `text`; an alias's target node in `first`.
        var first: Int32
        /// A scalar's byte count; a collection's number of children (keys and values both count).
        var count: Int32
        /// The index just past this node's subtree: its next sibling, if it has one.
        var next: Int32
    }

    let entries: [Entry]
    let text: [UInt8]
    let tags: [String]
    let lines: LineIndex

    init(entries: [Entry], text: [UInt8], tags: [String], lines: LineIndex) {
        self.entries = entries
        self.text = text
        self.tags = tags
        self.lines = lines
    }

    /// Reads the document from its first node.
    func read<Result>(_ body: (YAMLValue) throws -> Result) rethrows -> Result {
        try body(YAMLValue(document: self, index: 0))
    }

    /// Reads a document that may be missing (a file with no document reads as nil).
    static func read<Result>(_ document: YAMLDocument?, _ body: (YAMLValue?) throws -> Result) rethrows -> Result {
        guard let document else { return try body(nil) }
        return try document.read(body)
    }

    func location(_ mark: Mark) -> SourceLocation {
        lines.location(line: Int(mark.line), column: Int(mark.column))
    }

    /// Runs `body` on the bytes of the scalar at `index`.
    func withBytes<Result>(ofScalarAt index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entries[index]
        return text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(entry.first)..<Int(entry.first) + Int(entry.count)]))
        }
    }

    /// Whether the scalar at `index` has exactly the bytes of `string`.
    func scalar(at index: Int, equals string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in withBytes(ofScalarAt: index) { bytes.elementsEqual($0) } }
    }

    func string(at index: Int) -> String {
        withBytes(ofScalarAt: index) { String(decoding: $0, as: UTF8.self) }
    }
}
