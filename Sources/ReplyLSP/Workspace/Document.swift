package import ReplyKitSupport

/// A file open in the editor: its text as the editor has it, saved or not.
package struct Document: Sendable {
    package let uri: String
    package let path: String
    package var version: Int?
    package private(set) var lines: LineTable

    package var bytes: [UInt8] { lines.bytes }

    package init(uri: String, path: String, version: Int?, text: [UInt8]) {
        self.uri = uri
        self.path = path
        self.version = version
        self.lines = LineTable(text)
    }

    /// Applies `contentChanges` of a `didChange`, in order: a change with a `range` replaces it
    /// (UTF-16 positions), one without replaces the whole text.
    package mutating func apply(_ changes: [JSONValue]) throws(RPCError) {
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                throw RPCError(.invalidParams, "a content change needs `text`")
            }
            guard let range = change["range"], range != .null else {
                lines = LineTable(Array(text.utf8))
                continue
            }
            let params = Params(range)
            let start = lines.offset(of: try params.position("start"))
            let end = lines.offset(of: try params.position("end"))
            guard start <= end else { throw RPCError(.invalidParams, "a change's range ends before it starts") }
            var bytes = lines.bytes
            bytes.replaceSubrange(start..<end, with: Array(text.utf8))
            lines = LineTable(bytes)
        }
    }
}
